import "server-only";
// Readiness: can this instance serve real answers? The database must answer and every migration
// folder in prisma/migrations must be recorded as applied in _prisma_migrations (as Prisma's
// `migrate deploy` and our scripts/lib/schema-engine.ts record them), so an instance started
// with new code before `npm run db:migrate` is kept out of rotation instead of failing requests.
//
// It asks on a connection of its own, never one of the app's pool: when every pool connection
// is busy (a burst of readers, long transactions) the instance is slow, not broken, and a load
// balancer taking it out of rotation would turn a busy pool into an outage.
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { databaseIsAvailable } from "./breaker-state";
import { reportDatabaseError } from "./database-breaker";

const READINESS_TIMEOUT_MS = 2000;

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
  const url = process.env.DATABASE_URL;
  if (!url) return { ready: false, reason: "DATABASE_URL is not set." };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: READINESS_TIMEOUT_MS, query_timeout: READINESS_TIMEOUT_MS });
  client.on("error", () => {}); // a dropped socket is answered below, never an uncaught error
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL");
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (err) {
    if (reportDatabaseError(err)) return { ready: false, reason: "The database cannot be reached." };
    // No _prisma_migrations table: nothing has been migrated yet.
    if (/_prisma_migrations/.test(String((err as Error).message))) applied = new Set();
    else return { ready: false, reason: "The database answered with an error while listing applied migrations." };
  } finally {
    client.end().catch(() => {});
  }
  const missing = expected.filter((m) => !applied.has(m));
  if (missing.length) return { ready: false, reason: `${missing.length} migration(s) not applied; run npm run db:migrate.`, missingMigrations: missing };
  return { ready: true, migrations: expected.length };
}
