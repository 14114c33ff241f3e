// npm run db:backup [-- --out <file>] — a pg_dump custom-format backup of DATABASE_URL (or of the
// embedded database, started for the occasion and stopped again if it was not running).
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase, defaultBackupFile } from "./lib/backup";
import { formatBytes, formatCounts } from "./lib/backup-tables";
import { openAppDatabase } from "../tooling/database";
import { describeDatabase } from "./lib/pg-tools";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

await runCli(async () => {
  let values: { out?: string };
  try {
    ({ values } = parseArgs({ options: { out: { type: "string" } } }));
  } catch (err) {
    throw new UserFacingError(`${(err as Error).message}. Usage: npm run db:backup [-- --out <file>]`);
  }
  // npm runs scripts from the project folder; a relative --out means the folder the user was in.
  const file = values.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : defaultBackupFile();
  const database = await openAppDatabase();
  try {
    const backup = await backupDatabase(database.url, file);
    const total = backup.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Backed up ${describeDatabase(database.url)} (PostgreSQL ${backup.serverMajor}, ${backup.pgDump}) in ${backup.seconds.toFixed(1)} s.`,
    );
    console.log(`File: ${backup.file}`);
    console.log(
      `Size: ${formatBytes(backup.bytes)}; ${total.toLocaleString("en")} rows in ${backup.tables.length} tables:`,
    );
    console.log(formatCounts(backup.tables));
  } finally {
    await database.stop();
  }
});
