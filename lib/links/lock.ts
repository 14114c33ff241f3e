// One full link check at a time across every instance and the command line: a PostgreSQL
// session-level advisory lock held on a connection of its own for the length of the run. Not a
// transaction-level lock: that would keep a transaction open for minutes (holding back vacuum)
// and tie the run's writes to it. If the process dies, the connection closes and the server
// releases the lock, so a crash never leaves it held.
import pg from "pg";
import { logger } from "../log";

/** Any fixed number the app uses for nothing else: "link" in ASCII. */
export const LINK_CHECK_LOCK_KEY = 0x6c696e6b;

export type LockedRun<T> = { ran: true; value: T } | { ran: false };

export async function withLinkCheckLock<T>(databaseUrl: string, fn: () => Promise<T>): Promise<LockedRun<T>> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  // A connection dropped while idle must not end the process (node-postgres #2386).
  client.on("error", (err) => logger.warn({ err: err.message }, "link check lock connection lost"));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      LINK_CHECK_LOCK_KEY,
    ]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LINK_CHECK_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}
