import "server-only";
// Readiness: can this instance serve real answers? The database must answer and every migration
// folder in prisma/migrations must be recorded as applied in _prisma_migrations (as Prisma's
// `migrate deploy` and our tooling/schema-engine.ts record them), so an instance started
// with new code before `npm run db:migrate` is kept out of rotation instead of failing requests.
//
// It asks on a connection of its own, never one of the app's pool: when every pool connection
// is busy (a burst of readers, long transactions) the instance is slow, not broken, and a load
// balancer taking it out of rotation would turn a busy pool into an outage.
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { databaseIsAvailable } from "./breaker-state";
import { reportDatabaseError, reportReplicaError } from "./database-breaker";
import { readReplicaUrl } from "./replica-url";

const READINESS_TIMEOUT_MS = 2000;

/**
 * The read replica's state, reported beside readiness but never part of it: every instance reads
 * the same replica, so taking instances out of rotation for it would take the desk down with the
 * public pages, which answer 503 by themselves meanwhile (lib/availability.ts).
 */
export type ReplicaReadiness =
  | { status: "not configured" }
  | { status: "ok"; replayLagSeconds: number | null }
  | { status: "unavailable" }
  | { status: "not a replica" };

export type Readiness =
  | { ready: true; migrations: number; replica: ReplicaReadiness }
  | { ready: false; reason: string; missingMigrations?: string[]; replica: ReplicaReadiness };

/**
 * Asks the replica on a connection of its own whether it answers and is in recovery (a streaming
 * replica), and how far behind it is: the time since the last transaction it replayed was
 * committed, or 0 when it has replayed everything the primary sent (an idle primary sends nothing
 * new, which would otherwise read as growing lag).
 */
export async function checkReplica(): Promise<ReplicaReadiness> {
  const url = readReplicaUrl();
  if (!url) return { status: "not configured" };
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: READINESS_TIMEOUT_MS,
    query_timeout: READINESS_TIMEOUT_MS,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ recovering: boolean; lag: number | null }>(
      `SELECT pg_is_in_recovery() AS recovering,
              CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag`,
    );
    if (!rows[0]?.recovering) return { status: "not a replica" };
    return { status: "ok", replayLagSeconds: rows[0].lag };
  } catch (err) {
    reportReplicaError(err);
    return { status: "unavailable" };
  } finally {
    client.end().catch(() => {});
  }
}

export async function checkReadiness(): Promise<Readiness> {
  const [primary, replica] = await Promise.all([checkPrimary(), checkReplica()]);
  return { ...primary, replica };
}

async function migrationFolders(): Promise<string[]> {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

type PrimaryReadiness =
  { ready: true; migrations: number } | { ready: false; reason: string; missingMigrations?: string[] };

async function checkPrimary(): Promise<PrimaryReadiness> {
  if (!databaseIsAvailable()) return { ready: false, reason: "The database cannot be reached." };
  let expected: string[];
  try {
    expected = await migrationFolders();
  } catch {
    return {
      ready: false,
      reason: "The migrations folder prisma/migrations cannot be read from the app's working directory.",
    };
  }
  let applied: Set<string>;
  const url = process.env.DATABASE_URL;
  if (!url) return { ready: false, reason: "DATABASE_URL is not set." };
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: READINESS_TIMEOUT_MS,
    query_timeout: READINESS_TIMEOUT_MS,
  });
  client.on("error", () => {}); // a dropped socket is answered below, never an uncaught error
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
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
  if (missing.length)
    return {
      ready: false,
      reason: `${missing.length} migration(s) not applied; run npm run db:migrate.`,
      missingMigrations: missing,
    };
  return { ready: true, migrations: expected.length };
}
