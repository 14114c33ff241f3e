// Restores a pg_dump custom-format backup into an EMPTY database, all or nothing: every check
// that can be made before writing (file, version, target empty, it is this app's backup) is made
// first, and pg_restore runs as one transaction that stops at the first error, so a refusal or a
// failure leaves the target exactly as it was. See docs/decisions/0011-backups-with-pg-dump.md.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { countRows, type TableCount } from "./backup-tables";
import { adminQuery, withDatabase } from "../../tooling/database";
import { describeDatabase, findPgTool, firstError, runPgTool, serverMajorVersion } from "./pg-tools";
import { MIGRATIONS_DIR } from "../../tooling/schema-engine";
import { UserFacingError } from "../../tooling/user-facing-error";

export interface RestoreResult {
  database: string;
  dumpedFrom: string;
  tables: TableCount[];
  migrations: { applied: number; notYetApplied: string[]; unknownHere: string[] };
  seconds: number;
}

/** Refuses anything but a readable pg_dump custom-format file, before any server is asked. */
export function checkBackupFile(file: string): void {
  let fd: number;
  try {
    if (!statSync(file).isFile())
      throw new UserFacingError(`${file} is not a file; give the path of a .dump file made by npm run db:backup.`);
    fd = openSync(file, "r");
  } catch (err) {
    if (err instanceof UserFacingError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserFacingError(code === "ENOENT" ? `There is no file ${file}.` : `${file} cannot be read (${code}).`);
  }
  const head = Buffer.alloc(5);
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") !== "PGDMP") {
    throw new UserFacingError(
      `${file} is not a pg_dump custom-format backup (those start with "PGDMP"); make one with npm run db:backup. Nothing was restored.`,
    );
  }
}

export const validDatabaseName = (name: string) => /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(name);

async function tablesIn(url: string): Promise<string[]> {
  const { rows } = await adminQuery(
    url,
    `
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
    ORDER BY 1`,
  );
  return rows.map((r) => String(r.name).replace(/^public\./, ""));
}

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const { rowCount } = await adminQuery(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  return rowCount === 1;
}

/**
 * Restores `file` into database `database` on the server of `serverUrl` (a URL to any database
 * there that exists). With `create`, a missing database is made first (and dropped again if the
 * restore fails).
 */
export async function restoreDatabase(
  file: string,
  target: { serverUrl: string; database: string; create: boolean },
): Promise<RestoreResult> {
  const started = performance.now();
  checkBackupFile(file);
  if (!validDatabaseName(target.database)) {
    throw new UserFacingError(
      `"${target.database}" is not a usable database name: use letters, digits, _ and -, starting with a letter.`,
    );
  }
  const serverMajor = await serverMajorVersion(target.serverUrl);
  const pgRestore = findPgTool("pg_restore", serverMajor);

  const list = await runPgTool(pgRestore, ["--list", file], target.serverUrl);
  if (list.code !== 0) {
    const detail = firstError(list.stderr);
    if (/unsupported version/.test(detail)) {
      throw new UserFacingError(
        `${file} was written by a newer pg_dump than this server's PostgreSQL ${serverMajor} pg_restore can read (${detail}); restore it into a server of that newer version.`,
      );
    }
    throw new UserFacingError(`${file} cannot be read as a backup (${detail}). Nothing was restored.`);
  }
  const dumpedFrom = /Dumped from database version: (\S+)/.exec(list.stdout)?.[1] ?? "unknown";
  const dumpMajor = Number(dumpedFrom.split(".")[0]);
  if (!(dumpMajor <= serverMajor)) {
    throw new UserFacingError(
      `${file} was dumped from PostgreSQL ${dumpedFrom} and cannot go into this older PostgreSQL ${serverMajor} server; restore it into PostgreSQL ${dumpMajor} or newer.`,
    );
  }
  if (!/ TABLE \S+ _prisma_migrations /.test(list.stdout)) {
    throw new UserFacingError(
      `${file} holds no _prisma_migrations table, so it is not a backup of this app's database. Nothing was restored.`,
    );
  }

  const targetUrl = withDatabase(target.serverUrl, target.database);
  const exists = await databaseExists(target.serverUrl, target.database);
  if (!exists && !target.create)
    throw new UserFacingError(
      `There is no database ${target.database} on ${describeDatabase(target.serverUrl).split("/")[0]}.`,
    );
  if (exists) {
    const tables = await tablesIn(targetUrl);
    if (tables.length > 0) {
      const shown = tables.slice(0, 4).join(", ") + (tables.length > 4 ? ", …" : "");
      throw new UserFacingError(
        `The database ${target.database} is not empty (it has ${tables.length} tables: ${shown}), and a restore never overwrites data. Restore into a new database with --database <name>, or empty this one first. Nothing was changed.`,
      );
    }
  } else {
    await adminQuery(target.serverUrl, `CREATE DATABASE "${target.database}"`);
  }

  // COMMENT ON EXTENSION needs the extension's owner, which a non-superuser restoring into their
  // own database is not; the comment is PostgreSQL's stock text, so skipping it loses nothing.
  const listFile = path.join(os.tmpdir(), `tracker-restore-${process.pid}-${Date.now()}.list`);
  await writeFile(
    listFile,
    list.stdout
      .split("\n")
      .filter((l) => !/^\d+; \d+ \d+ COMMENT - EXTENSION /.test(l))
      .join("\n"),
  );
  try {
    const restore = await runPgTool(
      pgRestore,
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        "--no-password",
        `--use-list=${listFile}`,
        `--dbname=${target.database}`,
        file,
      ],
      targetUrl,
    );
    if (restore.code !== 0) {
      if (!exists) await adminQuery(target.serverUrl, `DROP DATABASE IF EXISTS "${target.database}" WITH (FORCE)`);
      throw new UserFacingError(
        `Restoring ${file} failed and was rolled back (${firstError(restore.stderr)}); ${exists ? `the database ${target.database} is unchanged` : `the new database ${target.database} was removed again`}.`,
      );
    }
  } finally {
    await rm(listFile, { force: true });
  }
  return {
    database: target.database,
    dumpedFrom,
    ...(await checkRestored(targetUrl)),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Row counts and migrations of the restored database, with fresh planner statistics (pg_restore leaves none). */
async function checkRestored(url: string): Promise<Pick<RestoreResult, "tables" | "migrations">> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("ANALYZE");
    const tables = await countRows(client);
    const { rows } = await client
      .query<{ name: string }>(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .catch(() => {
        throw new UserFacingError(
          "The restored database has no readable _prisma_migrations table; it is not usable by the app.",
        );
      });
    const applied = new Set(rows.map((r) => r.name));
    const here = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    return {
      tables,
      migrations: {
        applied: applied.size,
        notYetApplied: here.filter((m) => !applied.has(m)).sort(),
        unknownHere: [...applied].filter((m) => !here.includes(m)).sort(),
      },
    };
  } finally {
    await client.end();
  }
}
