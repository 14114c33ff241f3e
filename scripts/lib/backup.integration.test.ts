// A backup is only a backup once it has been restored: back up a seeded database full of awkward
// rows with the code `npm run db:backup` uses, restore it into a fresh database with the code of
// `npm run db:restore`, and find every table identical, row for row. Refusals change nothing.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase } from "./backup";
import { addAwkwardRows, fingerprint, type Fingerprint } from "./backup-fixtures";
import { restoreDatabase } from "./backup-restore";
import { adminQuery, withDatabase } from "../../tooling/database";
import { bin } from "../../tooling/processes";
import { MIGRATIONS_DIR } from "../../tooling/schema-engine";
import { createSeededDatabase } from "./seeded-database";

const serverUrl = () => inject("serverUrl");
const unique = (what: string) => `tracker_bk_${what}_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;

describe("database backup and restore", () => {
  const databases: string[] = [];
  let dir: string;
  let source: string;
  let sourceUrl: string;
  let dumpFile: string;
  let before: Fingerprint;
  let tables: number;
  let migrations: number;

  async function newDatabase(what: string): Promise<string> {
    const name = unique(what);
    databases.push(name);
    await adminQuery(serverUrl(), `CREATE DATABASE "${name}"`);
    return name;
  }
  const tableCount = async (name: string) =>
    Number(
      (
        await adminQuery(
          withDatabase(serverUrl(), name),
          "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
        )
      ).rows[0].n,
    );
  const exists = async (name: string) =>
    (await adminQuery(serverUrl(), `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "tracker-backup-test-"));
    source = unique("src");
    databases.push(source);
    sourceUrl = await createSeededDatabase(serverUrl(), source);
    await addAwkwardRows(sourceUrl);
    before = await fingerprint(sourceUrl);
    tables = Object.keys(before.tables).length;
    migrations = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
    dumpFile = path.join(dir, "nested", "tracker.dump");
  }, 120_000);

  afterAll(async () => {
    for (const name of databases) await adminQuery(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await rm(dir, { recursive: true, force: true });
  });

  it("restores every table with identical rows, sequences and indexes", async () => {
    const backup = await backupDatabase(sourceUrl, dumpFile);
    // The counts it prints are those of the database, table by table.
    expect(Object.fromEntries(backup.tables.map((t) => [`public.${t.table}`, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(before.tables).map(([t, v]) => [t, v.rows])),
    );
    expect((await stat(dumpFile)).mode & 0o777).toBe(0o600); // it holds password hashes
    expect(backup.bytes).toBe((await stat(dumpFile)).size);

    const target = unique("restored");
    databases.push(target);
    const restored = await restoreDatabase(dumpFile, { serverUrl: sourceUrl, database: target, create: true });
    expect(restored.migrations).toEqual({ applied: migrations, notYetApplied: [], unknownHere: [] });
    expect(restored.tables).toEqual(backup.tables);

    const after = await fingerprint(withDatabase(serverUrl(), target));
    expect(after).toEqual(before);
    // Not a vacuous comparison: the interesting tables are there and hold rows.
    // capture_content holds the copies' original bytes (bytea): the row hashes above cover them.
    for (const table of [
      "_prisma_migrations",
      "event",
      "source",
      "actor",
      "event_actor",
      "app_user",
      "revision",
      "capture",
      "capture_content",
    ]) {
      expect(after.tables[`public.${table}`]?.rows, table).toBeGreaterThan(0);
    }
  });

  it("refuses a target that has tables, and leaves it unchanged", async () => {
    await expect(restoreDatabase(dumpFile, { serverUrl: sourceUrl, database: source, create: false })).rejects.toThrow(
      `The database ${source} is not empty (it has ${tables} tables`,
    );
    expect(await fingerprint(sourceUrl)).toEqual(before);
  });

  it("refuses a missing file, a file that is not a dump and a truncated dump, leaving the target empty", async () => {
    const empty = await newDatabase("empty");
    const target = { serverUrl: sourceUrl, database: empty, create: false };
    const garbage = path.join(dir, "garbage.dump");
    await writeFile(garbage, "CREATE TABLE pwned (x int);\n");
    const truncated = path.join(dir, "truncated.dump");
    const whole = await readFile(dumpFile);
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)));

    await expect(restoreDatabase(path.join(dir, "nope.dump"), target)).rejects.toThrow(
      `There is no file ${path.join(dir, "nope.dump")}.`,
    );
    await expect(restoreDatabase(garbage, target)).rejects.toThrow("is not a pg_dump custom-format backup");
    await expect(restoreDatabase(dir, target)).rejects.toThrow("is not a file");
    // The header and table of contents of a truncated file read fine; its data runs out part
    // way, after some tables were already created: the single transaction undoes them.
    await expect(restoreDatabase(truncated, target)).rejects.toThrow("failed and was rolled back");
    expect(await tableCount(empty)).toBe(0);

    // A database made for the restore is removed again when the restore fails.
    const fresh = unique("fresh");
    databases.push(fresh);
    await expect(restoreDatabase(truncated, { ...target, database: fresh, create: true })).rejects.toThrow(
      `the new database ${fresh} was removed again`,
    );
    expect(await exists(fresh)).toBe(false);
  });

  it("runs as npm scripts that print the file, its size and counts, and never the password", async () => {
    const u = new URL(sourceUrl);
    // The embedded test server asks for its own password; a server that trusts local connections accepts any.
    if (!u.password) u.password = "pw-Never-Shown-42";
    const secret = decodeURIComponent(u.password);
    const env = { ...process.env, DATABASE_URL: u.toString(), INIT_CWD: dir };
    const cli = (script: string, ...args: string[]) =>
      spawnSync(bin("tsx"), [path.resolve(import.meta.dirname, "..", script), ...args], {
        env,
        encoding: "utf8",
        timeout: 60_000,
      });

    const backup = cli("db-backup.ts", "--out", "cli.dump");
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`File: ${path.join(dir, "cli.dump")}`);
    expect(backup.stdout).toMatch(/Size: [\d.]+ kB; [\d,]+ rows in \d+ tables:/);
    expect(backup.stdout).toContain(`rows in ${tables} tables:`);
    expect(backup.stdout).toMatch(/event +31 rows/); // 30 seeded + the awkward one

    const again = cli("db-backup.ts", "--out", "cli.dump");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists; a backup never overwrites a file");

    const copy = unique("cli");
    databases.push(copy);
    const restore = cli("db-restore.ts", "cli.dump", "--database", copy);
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`into the database ${copy}`);
    expect(restore.stdout).toContain(`Migrations: all ${migrations} applied, matching this checkout.`);
    expect(await fingerprint(withDatabase(serverUrl(), copy))).toEqual(before);

    const refused = cli("db-restore.ts", "cli.dump", "--database", copy);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^The database \S+ is not empty .* Nothing was changed\.$/);

    for (const run of [backup, again, restore, refused]) expect(run.stdout + run.stderr).not.toContain(secret);
  }, 60_000);
});
