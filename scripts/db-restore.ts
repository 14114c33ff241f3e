// npm run db:restore -- <file> [--database <name>] — restores a backup made by db:backup into the
// app's database when it is empty, or into a new database <name> on the same server.
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "./lib/backup-restore";
import { formatCounts } from "./lib/backup-tables";
import { openAppDatabase, withDatabase } from "../tooling/database";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

const USAGE = "Usage: npm run db:restore -- <file> [--database <new database name>]";

await runCli(async () => {
  let parsed: { values: { database?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { database: { type: "string" } }, allowPositionals: true });
  } catch (err) {
    throw new UserFacingError(`${(err as Error).message}. ${USAGE}`);
  }
  if (parsed.positionals.length !== 1) throw new UserFacingError(`Give exactly one backup file. ${USAGE}`);
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]);
  const database = await openAppDatabase();
  try {
    const appDatabase = decodeURIComponent(new URL(database.url).pathname.slice(1));
    const name = parsed.values.database ?? appDatabase;
    const result = await restoreDatabase(file, {
      serverUrl: database.url,
      database: name,
      create: parsed.values.database !== undefined,
    });
    const total = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Restored ${file} (dumped from PostgreSQL ${result.dumpedFrom}) into the database ${result.database} in ${result.seconds.toFixed(1)} s.`,
    );
    console.log(`${total.toLocaleString("en")} rows in ${result.tables.length} tables:`);
    console.log(formatCounts(result.tables));
    const { applied, notYetApplied, unknownHere } = result.migrations;
    if (unknownHere.length) {
      console.log(
        `Migrations: ${applied} applied, ${unknownHere.length} of them unknown to this checkout (${unknownHere.join(", ")}): the backup comes from a newer version of the app; update the code before using it.`,
      );
    } else if (notYetApplied.length) {
      console.log(
        `Migrations: ${applied} applied; ${notYetApplied.length} of this checkout's are not yet (${notYetApplied.join(", ")}): npm run db:migrate (or npm start) applies them.`,
      );
    } else {
      console.log(`Migrations: all ${applied} applied, matching this checkout.`);
    }
    if (name !== appDatabase) {
      const u = new URL(withDatabase(database.url, name));
      if (u.password) u.password = "***";
      console.log(`To use it, set DATABASE_URL to ${u} (with the real password).`);
    }
  } finally {
    await database.stop();
  }
});
