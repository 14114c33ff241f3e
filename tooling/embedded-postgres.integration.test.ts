// The embedded server must start even when its data folder sits under a folder the postgres
// user cannot enter (CI clones into root's mode-700 home), say plainly when its port is busy,
// ask for a password rather than trust anyone on the machine (moving data folders made by
// earlier versions over), and use nothing under the shared temp folder that is not its own.
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  freePort,
  standInDataDir,
  startEmbeddedPostgres,
  withoutTrust,
  type EmbeddedPostgres,
} from "./embedded-postgres";

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The error a connection gets, or null when it is let in. */
async function refusal(url: string): Promise<string | null> {
  try {
    await query(url, "SELECT 1");
    return null;
  } catch (err) {
    return String((err as Error).message);
  }
}

const withPassword = (url: string, password: string | null) => {
  const u = new URL(url);
  u.password = password ?? "";
  return u.toString();
};

const hbaRecords = async (dataDir: string) =>
  (await readFile(path.join(dataDir, "pg_hba.conf"), "utf8")).split("\n").filter((l) => /^\s*(local|host)/.test(l));

describe("embedded PostgreSQL launcher", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  async function scratchFolder(prefix: string) {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    await chmod(dir, 0o755); // the postgres user must be able to enter it
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function start(dataDir: string, port: number): Promise<EmbeddedPostgres> {
    const server = await startEmbeddedPostgres({ dataDir, port });
    cleanup.push(() => rm(`${server.dataDir}.log`, { force: true }));
    cleanup.push(() => server.stop());
    return server;
  }

  it("starts under a mode-700 folder and serves queries", async () => {
    const closed = await mkdtemp(path.join(os.tmpdir(), "tracker-closed-"));
    await chmod(closed, 0o700);
    cleanup.push(() => rm(closed, { recursive: true, force: true }));
    const server = await startEmbeddedPostgres({ dataDir: path.join(closed, "pg"), port: await freePort() });
    cleanup.push(() => rm(server.dataDir, { recursive: true, force: true }));
    cleanup.push(() => rm(`${server.dataDir}.log`, { force: true }));
    cleanup.push(() => server.stop());
    expect(server.dataDir.startsWith(closed)).toBe(false); // moved where postgres can reach it
    const rows = await query(server.url, "SELECT 1 + 1 AS two");
    expect(rows[0].two).toBe(2);
  }, 60_000);

  it("names the busy port instead of failing obscurely", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    cleanup.push(() => new Promise((r) => blocker.close(r)));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = await mkdtemp(path.join(os.tmpdir(), "tracker-busy-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await expect(startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port })).rejects.toThrow(
      `Port ${port} is already in use`,
    );
  });

  it("asks for a generated password kept owner-only beside the data, and lets no one in without it", async () => {
    const dir = await scratchFolder("tracker-password-");
    const server = await start(path.join(dir, "pg"), await freePort());
    const passwordFile = path.join(dir, "pg-password");
    expect((await lstat(passwordFile)).mode & 0o777).toBe(0o600);
    const password = (await readFile(passwordFile, "utf8")).trim();
    expect(password.length).toBeGreaterThanOrEqual(32);
    expect(decodeURIComponent(new URL(server.url).password)).toBe(password);

    expect(await refusal(server.url)).toBeNull();
    expect(await refusal(withPassword(server.url, "not-the-password"))).toMatch(/password authentication failed/);
    expect(await refusal(withPassword(server.url, null))).not.toBeNull();
    const records = await hbaRecords(server.dataDir);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record).toMatch(/scram-sha-256\s*$/);
  }, 60_000);

  it("keeps its socket and lock file in a folder made for this start, owned by the server's user and closed to others", async () => {
    const dir = await scratchFolder("tracker-socket-");
    const port = await freePort();
    const server = await start(path.join(dir, "pg"), port);
    const socketDir = server.socketDir!;
    expect(path.dirname(socketDir)).toBe(os.tmpdir());
    expect(path.basename(socketDir)).toMatch(/^tracker-pg-socket-.{6}$/); // mkdtemp's random suffix
    const st = await lstat(socketDir);
    expect(st.isDirectory()).toBe(true);
    expect(st.mode & 0o077).toBe(0);
    expect(st.uid).toBe((await lstat(server.dataDir)).uid); // the user PostgreSQL runs as
    expect(existsSync(path.join(socketDir, `.s.PGSQL.${port}.lock`))).toBe(true);
    expect(existsSync(path.join(server.dataDir, `.s.PGSQL.${port}`))).toBe(false);
    await server.stop();
    expect(existsSync(socketDir)).toBe(false);
  }, 60_000);

  it("moves a data folder an earlier version made with trust authentication to a password, keeping its data", async () => {
    const dir = await scratchFolder("tracker-upgrade-");
    const dataDir = path.join(dir, "pg");
    const port = await freePort();
    const first = await start(dataDir, port);
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('made before the upgrade')");
    await first.stop();

    // What an earlier version left: every record trusts, and no password is kept anywhere.
    const hbaFile = path.join(first.dataDir, "pg_hba.conf");
    const hba = await readFile(hbaFile, "utf8");
    await writeFile(hbaFile, hba.replace(/scram-sha-256(\s*)$/gm, "trust$1"));
    expect(withoutTrust(await readFile(hbaFile, "utf8"))).not.toBeNull();
    await rm(path.join(dir, "pg-password"));

    const again = await start(dataDir, port);
    expect((await query(again.url, "SELECT note FROM kept"))[0].note).toBe("made before the upgrade");
    expect((await lstat(path.join(dir, "pg-password"))).mode & 0o777).toBe(0o600);
    for (const record of await hbaRecords(again.dataDir)) expect(record).toMatch(/scram-sha-256\s*$/);
    expect(await refusal(withPassword(again.url, "not-the-password"))).toMatch(/password authentication failed/);

    // And the next start opens it with the kept password, as any other.
    await again.stop();
    const third = await start(dataDir, port);
    expect((await query(third.url, "SELECT count(*)::int AS n FROM kept"))[0].n).toBe(1);
  }, 90_000);

  it("refuses, in one sentence, a data folder whose kept password is not its own", async () => {
    const dir = await scratchFolder("tracker-wrong-password-");
    const dataDir = path.join(dir, "pg");
    const port = await freePort();
    const first = await start(dataDir, port);
    await first.stop();
    await writeFile(path.join(dir, "pg-password"), "some-other-password\n", { mode: 0o600 });
    await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
      `The embedded PostgreSQL in ${dataDir} refused the password kept in ${path.join(dir, "pg-password")}: put back the password that folder was made with, or move the data folder aside and start again.`,
    );
  }, 60_000);

  it("stops on a group-readable password file", async () => {
    const dir = await scratchFolder("tracker-open-password-");
    await writeFile(path.join(dir, "pg-password"), "pw\n", { mode: 0o640 });
    await chmod(path.join(dir, "pg-password"), 0o640);
    await expect(startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort() })).rejects.toThrow(
      /can be read or changed by other users \(mode 640\): make it private with chmod 600/,
    );
  });

  it("will not use a stand-in data folder under the temp folder that someone else made or linked", async () => {
    const closed = await mkdtemp(path.join(os.tmpdir(), "tracker-closed-"));
    await chmod(closed, 0o700);
    cleanup.push(() => rm(closed, { recursive: true, force: true }));
    const dataDir = path.join(closed, "pg");
    const elsewhere = await scratchFolder("tracker-elsewhere-");
    const standIn = standInDataDir(dataDir);
    cleanup.push(() => rm(standIn, { recursive: true, force: true }));

    await symlink(elsewhere, standIn);
    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
      `${standIn} is not a folder of this app's own`,
    );
    await rm(standIn);

    await mkdir(standIn, { mode: 0o777 });
    await chmod(standIn, 0o777);
    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
      `${standIn} is not a folder of this app's own`,
    );
    expect(existsSync(path.join(standIn, "PG_VERSION"))).toBe(false);
  }, 60_000);
});
