// Writes a pg_dump custom-format (-Fc) backup of one database. The rows reported are counted in
// the very snapshot pg_dump reads (exported with pg_export_snapshot), so they are what the file
// holds even while the app keeps writing. The dump goes to a ".partial" file first and is renamed
// only once pg_restore can read its table of contents, so a failed run never leaves a file that
// looks like a backup.
import { existsSync } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { countRows, type TableCount } from "./backup-tables";
import { describeDatabase, findPgTool, firstError, runPgTool, serverMajorVersion } from "./pg-tools";
import { UserFacingError } from "../../tooling/user-facing-error";

export const PROJECT_DIR = path.resolve(import.meta.dirname, "../..");

export interface BackupResult {
  file: string;
  bytes: number;
  tables: TableCount[];
  serverMajor: number;
  pgDump: string;
  seconds: number;
}

/** backups/tracker-20261129T031500Z.dump: UTC, sortable, no characters a shell or Windows minds. */
export function defaultBackupFile(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(PROJECT_DIR, "backups", `tracker-${stamp}.dump`);
}

export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const started = performance.now();
  if (existsSync(file))
    throw new UserFacingError(
      `${file} already exists; a backup never overwrites a file, so choose another --out or move that one away.`,
    );
  const serverMajor = await serverMajorVersion(url);
  const pgDump = findPgTool("pg_dump", serverMajor);
  const pgRestore = findPgTool("pg_restore", serverMajor);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;

  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  // The dump holds password hashes: made owner-only before pg_dump (which keeps the mode) writes.
  await writeFile(partial, "", { mode: 0o600, flag: "wx" }).catch(async () => {
    await client.end();
    throw new UserFacingError(
      `Cannot write ${partial}: check that its folder is writable and that no other backup is being written there.`,
    );
  });
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const tables = await countRows(client);
    const dump = await runPgTool(
      pgDump,
      ["--format=custom", "--no-password", `--snapshot=${rows[0].id}`, `--file=${partial}`],
      url,
    );
    if (dump.code !== 0)
      throw new UserFacingError(`pg_dump could not back up ${describeDatabase(url)}: ${firstError(dump.stderr)}`);
    await client.query("COMMIT");

    // Read the file back: every table must have its data entry in the archive's contents.
    const list = await runPgTool(pgRestore, ["--list", partial], url);
    const dataEntries = list.stdout.split("\n").filter((l) => / TABLE DATA /.test(l)).length;
    if (list.code !== 0 || dataEntries !== tables.length) {
      throw new UserFacingError(
        `The backup written to ${partial} does not read back (${list.code !== 0 ? firstError(list.stderr) : `${dataEntries} tables of ${tables.length}`}); nothing was kept.`,
      );
    }
    await rename(partial, file);
    const { size } = await stat(file);
    return { file, bytes: size, tables, serverMajor, pgDump, seconds: (performance.now() - started) / 1000 };
  } finally {
    await rm(partial, { force: true });
    await client.end();
  }
}
