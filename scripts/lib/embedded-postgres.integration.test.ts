// The embedded server must start even when its data folder sits under a folder the postgres
// user cannot enter (CI clones into root's mode-700 home), and say plainly when its port is busy.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "./embedded-postgres";

describe("embedded PostgreSQL launcher", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it("starts under a mode-700 folder and serves queries", async () => {
    const closed = await mkdtemp(path.join(os.tmpdir(), "tracker-closed-"));
    await chmod(closed, 0o700);
    cleanup.push(() => rm(closed, { recursive: true, force: true }));
    const server = await startEmbeddedPostgres({ dataDir: path.join(closed, "pg"), port: await freePort() });
    cleanup.push(() => rm(server.dataDir, { recursive: true, force: true }));
    cleanup.push(() => rm(`${server.dataDir}.log`, { force: true }));
    cleanup.push(() => server.stop());
    expect(server.dataDir.startsWith(closed)).toBe(false); // moved where postgres can reach it
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query("SELECT 1 + 1 AS two");
    await client.end();
    expect(rows[0].two).toBe(2);
  }, 60_000);

  it("names the busy port instead of failing obscurely", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    cleanup.push(() => new Promise((r) => blocker.close(r)));
    const port = (blocker.address() as net.AddressInfo).port;
    const dir = await mkdtemp(path.join(os.tmpdir(), "tracker-busy-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await expect(startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port })).rejects.toThrow(`Port ${port} is already in use`);
  });
});
