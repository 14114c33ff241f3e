// A real PostgreSQL primary and a streaming replica of it, for tests of the replica read path
// (DATABASE_READ_URL). Made the way an operator would (README, "Reading from a replica"): initdb
// for the primary, `pg_basebackup -R` for the replica, each server on a free port of 127.0.0.1,
// all in a folder of its own under the temp folder that stop() removes. The binaries are the
// machine's PostgreSQL 15 server (Debian's postgresql-15; .ci/run installs it when missing),
// since the embedded PostgreSQL package ships no pg_basebackup.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, postgresUserIds } from "../../tooling/embedded-postgres";

export const PG_BIN_DIR = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

export interface ReplicaPair {
  /** The primary's `tracker` database (with the password: never print it). */
  primaryUrl: string;
  /** The same database on the replica. */
  replicaUrl: string;
  /** Resolves once the replica has replayed everything the primary has written so far (by LSN). */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Holds the replica's replay (it keeps receiving WAL): what it serves stays as it is. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Makes the replica apply each commit `ms` after the primary made it (recovery_min_apply_delay): a lagging replica. */
  delayReplay(ms: number): Promise<void>;
  /** A fast shutdown of the replica alone, and its start again. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and removes their folder. */
  stop(): Promise<void>;
}

/** Why the replica tests cannot run here, or null when they can. */
export function missingServerBinaries(): string | null {
  const wanted = ["initdb", "postgres", "pg_basebackup"].filter((b) => !existsSync(path.join(PG_BIN_DIR, b)));
  if (!wanted.length) return null;
  return `The PostgreSQL 15 server binaries (${wanted.join(", ")}) are missing from ${PG_BIN_DIR}, so no streaming replica can be made for the replica tests: install Debian's postgresql-15 package (.ci/run does), or set PG_BIN_DIR to where they are.`;
}

type Ids = ReturnType<typeof postgresUserIds>;

function run(bin: string, args: string[], ids: Ids) {
  const r = spawnSync(path.join(PG_BIN_DIR, bin), args, { ...ids, encoding: "utf8" });
  if (r.status !== 0)
    throw new Error(`${bin} failed: ${(r.stderr || r.stdout || "").trim().split("\n").slice(-3).join(" ")}`);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

class Server {
  private child: ChildProcess | null = null;
  private tail = "";
  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly socketDir: string,
    private readonly ids: Ids,
    private readonly adminUrl: string,
  ) {}

  async start() {
    this.tail = "";
    const settings = [
      "listen_addresses=127.0.0.1",
      "max_wal_senders=4",
      "wal_level=replica",
      "hot_standby=on",
      "fsync=off",
    ];
    const child = spawn(
      path.join(PG_BIN_DIR, "postgres"),
      ["-D", this.dataDir, "-p", String(this.port), "-k", this.socketDir, ...settings.flatMap((s) => ["-c", s])],
      {
        ...this.ids,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    child.stderr!.on("data", (chunk: Buffer) => (this.tail = (this.tail + chunk.toString()).slice(-800)));
    this.child = child;
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null)
        throw new Error(`PostgreSQL in ${this.dataDir} stopped while starting: ${this.tail.trim()}`);
      try {
        await query(this.adminUrl, "SELECT 1");
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`PostgreSQL in ${this.dataDir} did not start within 30 seconds: ${this.tail.trim()}`);
  }

  stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // PostgreSQL's "fast" shutdown: connections are told (57P01), then closed
    });
  }
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const missing = missingServerBinaries();
  if (missing) throw new Error(missing);
  const ids = postgresUserIds(); // PostgreSQL refuses to run as root
  const dir = await mkdtemp(path.join(os.tmpdir(), "tracker-replica-"));
  await chmod(dir, 0o700);
  if ("uid" in ids) await chown(dir, ids.uid, ids.gid);
  const password = randomBytes(18).toString("base64url");
  const primaryPort = await freePort();
  let replicaPort = await freePort();
  while (replicaPort === primaryPort) replicaPort = await freePort(); // both were free, not yet taken
  const url = (port: number, database: string) => `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`;
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");

  const pwfile = path.join(dir, "pwfile");
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if ("uid" in ids) await chown(pwfile, ids.uid, ids.gid);
  // initdb's pg_hba.conf already lets 127.0.0.1 connect for replication, by password.
  run(
    "initdb",
    ["-D", primaryDir, "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8", "--locale=C"],
    ids,
  );
  await rm(pwfile);

  const primary = new Server(primaryDir, primaryPort, dir, ids, url(primaryPort, "postgres"));
  const replica = new Server(replicaDir, replicaPort, dir, ids, url(replicaPort, "postgres"));
  try {
    await primary.start();
    await query(url(primaryPort, "postgres"), `CREATE DATABASE tracker`);
    // The application's schema, made before the copy so that the replica starts with it; later
    // changes reach the replica the way they would in production, by streaming.
    const { applyMigrations } = await import("../../tooling/schema-engine");
    await applyMigrations(url(primaryPort, "tracker"));
    // -R writes standby.signal and primary_conninfo (with the password given here), which is
    // what makes the copy a streaming replica that follows the primary.
    run(
      "pg_basebackup",
      [
        "-d",
        `host=127.0.0.1 port=${primaryPort} user=postgres password=${password}`,
        "-D",
        replicaDir,
        "-R",
        "-X",
        "stream",
        "-c",
        "fast",
      ],
      ids,
    );
    await replica.start();
  } catch (err) {
    await replica.stop();
    await primary.stop();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const primaryUrl = url(primaryPort, "tracker");
  const replicaUrl = url(replicaPort, "tracker");
  return {
    primaryUrl,
    replicaUrl,
    async waitForReplay(timeoutMs = 10_000) {
      const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, "SELECT pg_current_wal_lsn()::text AS lsn");
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ replayed }] = await query<{ replayed: boolean }>(
          replicaUrl,
          "SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS replayed",
          [lsn],
        );
        if (replayed) return;
        if (Date.now() > deadline)
          throw new Error(`The replica had not replayed the primary's WAL up to ${lsn} within ${timeoutMs} ms.`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async pauseReplay() {
      await query(replicaUrl, "SELECT pg_wal_replay_pause()");
      // Pausing is asked, then takes effect: wait until replay has really stopped.
      for (let i = 0; i < 500; i++) {
        const [{ state }] = await query<{ state: string }>(
          replicaUrl,
          "SELECT pg_get_wal_replay_pause_state() AS state",
        );
        if (state === "paused") return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error("The replica did not pause its replay within 5 seconds.");
    },
    async resumeReplay() {
      await query(replicaUrl, "SELECT pg_wal_replay_resume()");
    },
    async delayReplay(ms: number) {
      await query(replicaUrl, `ALTER SYSTEM SET recovery_min_apply_delay = '${Math.max(0, Math.floor(ms))}ms'`);
      await query(replicaUrl, "SELECT pg_reload_conf()");
    },
    stopReplica: () => replica.stop(),
    startReplica: () => replica.start(),
    async stop() {
      await replica.stop();
      await primary.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
