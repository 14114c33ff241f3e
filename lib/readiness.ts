import "server-only";
// Readiness: can this instance serve real answers? The database must answer and every migration
// folder in prisma/migrations must be recorded as applied in _prisma_migrations (as Prisma's
// `migrate deploy` and our scripts/lib/schema-engine.ts record them), so an instance started
// with new code before `npm run db:migrate` is kept out of rotation instead of failing requests.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { databaseIsAvailable } from "./breaker-state";
import { reportDatabaseError } from "./database-breaker";
import { db } from "./db";

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: string; missingMigrations?: string[] };

async function migrationFolders(): Promise<string[]> {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

export async function checkReadiness(): Promise<Readiness> {
  if (!databaseIsAvailable()) return { ready: false, reason: "The database cannot be reached." };
  let expected: string[];
  try {
    expected = await migrationFolders();
  } catch {
    return { ready: false, reason: "The migrations folder prisma/migrations cannot be read from the app's working directory." };
  }
  let applied: Set<string>;
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (err) {
    if (reportDatabaseError(err)) return { ready: false, reason: "The database cannot be reached." };
    // No _prisma_migrations table: nothing has been migrated yet.
    if (/_prisma_migrations/.test(String((err as Error).message))) applied = new Set();
    else return { ready: false, reason: "The database answered with an error while listing applied migrations." };
  }
  const missing = expected.filter((m) => !applied.has(m));
  if (missing.length) return { ready: false, reason: `${missing.length} migration(s) not applied; run npm run db:migrate.`, missingMigrations: missing };
  return { ready: true, migrations: expected.length };
}
