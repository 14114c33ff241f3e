import "server-only";
// Read-your-writes for the desk: after an editor's change commits on the primary, the action
// waits (briefly, boundedly) until the read replica has replayed it, so the confirmation it shows
// ("Published. Readers can see it now at /events/…") is true when the editor follows the link.
// Replication on a healthy replica takes milliseconds; the bound keeps a lagging or stopped replica
// from holding the desk up: the change is saved either way, and readers get it on replay.
import { replicaIsAvailable } from "./breaker-state";
import { db, readDb } from "./db";
import { logger } from "./log";
import { readReplicaUrl } from "./replica-url";

const POLL_MS = 10;
export const CATCH_UP_LIMIT_MS = Number(process.env.DATABASE_READ_CATCH_UP_MS ?? 3000);

/**
 * Resolves once the replica has replayed everything the primary had written when it was called
 * (compared by WAL position), true; false when it did not within `limitMs` or cannot be asked.
 * Without a replica, true at once. Never throws: the write it follows is already committed.
 */
export async function waitForReplicaCatchUp(limitMs = CATCH_UP_LIMIT_MS): Promise<boolean> {
  if (!readReplicaUrl()) return true;
  if (!replicaIsAvailable()) return false;
  // A query to a replica cut off by the network waits for TCP, not for our loop: the bound holds anyway.
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), limitMs + 250)));
  try {
    return await Promise.race([waitForReplay(limitMs), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitForReplay(limitMs: number): Promise<boolean> {
  const started = Date.now();
  try {
    const [{ lsn }] = await db().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
    for (;;) {
      const [{ replayed }] = await readDb().$queryRaw<
        { replayed: boolean }[]
      >`SELECT coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) AS replayed`;
      if (replayed) return true;
      if (Date.now() - started >= limitMs) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "could not ask the read replica whether it has replayed a change");
    return false;
  }
  logger.warn(
    { waitedMs: Date.now() - started },
    "the read replica had not replayed a saved change in time; readers see it once it has",
  );
  return false;
}
