// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or the embedded database).
import { openAppDatabase } from "../tooling/database";
import { migrateOrExplain } from "./lib/migrate";
import { runCli } from "./lib/run-cli";

await runCli(async () => {
  const database = await openAppDatabase();
  try {
    const applied = await migrateOrExplain(database.url);
    console.log(applied.length ? `Applied ${applied.join(", ")}.` : "The database is up to date.");
  } finally {
    await database.stop();
  }
});
