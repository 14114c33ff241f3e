// The public data's version: one counter, bumped in the same transaction as every change a reader
// could see, and read by the page cache before it answers from memory. A transaction's bump
// becomes visible with its data, so a page rendered after a reader saw version n never shows
// data older than n; across instances no message is needed, because they all read one row.
import pg from "pg";
import type { Prisma } from "../generated/prisma/client";
import { logger } from "../log";
import { readReplicaUrl } from "../replica-url";

// As the app's pool (lib/prisma-client.ts), without importing Prisma into the proxy.
const CONNECT_TIMEOUT_MS = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3000);
const globalForVersion = globalThis as unknown as { publicVersionPool?: pg.Pool; publicVersionUrl?: string };

// A pool of its own, small and separate from Prisma's: the read is one primary-key lookup on
// every cacheable request, and it must not queue behind page queries for a connection. Its
// errors never open the breaker: under a burst, waiting for one of its few connections can time
// out while the database is fine; a real outage is reported by the render that follows.
function pool(url: string): pg.Pool {
  if (!globalForVersion.publicVersionPool || globalForVersion.publicVersionUrl !== url) {
    globalForVersion.publicVersionPool?.end().catch(() => {}); // a test moved to another database
    const p = new pg.Pool({
      connectionString: url,
      max: 4,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: CONNECT_TIMEOUT_MS,
    });
    p.on("error", () => {}); // a dropped idle connection must not end the process (node-postgres #2386)
    globalForVersion.publicVersionPool = p;
    globalForVersion.publicVersionUrl = url;
  }
  return globalForVersion.publicVersionPool;
}

/**
 * The current version, or null when it cannot be read (the caller then renders as usual). Read
 * where the public pages are read (the replica in DATABASE_READ_URL, when set): a version the
 * primary has committed but the replica has not replayed yet would key a cache entry or an ETag
 * with a page that still shows the data before it.
 */
export async function readPublicVersion(): Promise<string | null> {
  const url = readReplicaUrl() ?? process.env.DATABASE_URL;
  if (!url) return null;
  try {
    const { rows } = await pool(url).query<{ version: string }>(
      "SELECT version::text AS version FROM public_change WHERE id = 1",
    );
    return rows[0]?.version ?? null;
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "public version unreadable; this page is rendered without the cache");
    return null;
  }
}

// Transactions whose bumps wait for their end: tx client → whether a bump was asked for. A
// WeakMap, so a transaction that never flushes (rolled back, thrown) leaves nothing behind.
const deferred = new WeakMap<Prisma.TransactionClient, { pending: boolean }>();

/**
 * Marks a change readers can see. Call it inside the writing transaction, as late as possible:
 * the row stays locked until commit, so concurrent public changes queue here briefly. In a
 * transaction marked with deferPublicVersionBump it only notes that a bump is due.
 */
export async function bumpPublicVersion(tx: Prisma.TransactionClient): Promise<void> {
  const d = deferred.get(tx);
  if (d) {
    d.pending = true;
    return;
  }
  await tx.$executeRaw`UPDATE public_change SET version = version + 1 WHERE id = 1`;
}

/**
 * For a long transaction of many writes (an import): its bumps are held back, so it does not
 * lock the version row, and with it every publisher, from its first public change to its end.
 * It must call flushPublicVersionBump just before it commits, and not when it rolls back.
 */
export function deferPublicVersionBump(tx: Prisma.TransactionClient): void {
  deferred.set(tx, { pending: false });
}

/** One bump for everything a deferring transaction changed, if readers could see any of it. */
export async function flushPublicVersionBump(tx: Prisma.TransactionClient): Promise<void> {
  const d = deferred.get(tx);
  deferred.delete(tx);
  if (d?.pending) await tx.$executeRaw`UPDATE public_change SET version = version + 1 WHERE id = 1`;
}
