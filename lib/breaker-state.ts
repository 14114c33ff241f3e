// The database breaker's state, shared by the proxy (which only reads it) and the code that
// talks to the database (which opens it). It lives on globalThis because the proxy and the routes
// are bundled separately: under `next start` they share the Node process, not module instances.
export interface BreakerState {
  /** When the database was found unreachable (ms since epoch), or null while it answers. */
  openSince: number | null;
  lastError: string | null;
  probing: boolean;
  /** How many times it has opened since the process started. */
  opened: number;
  /** A probe is checking (or about to check) whether a reported connection error is an outage. */
  confirming: boolean;
  /** When a confirming probe last found the database answering (ms since epoch). */
  lastAnswered: number;
}

const globalForBreaker = globalThis as unknown as {
  trackerDatabaseBreaker?: BreakerState;
  trackerReplicaBreaker?: BreakerState;
};

const closed = (): BreakerState => ({
  openSince: null,
  lastError: null,
  probing: false,
  opened: 0,
  confirming: false,
  lastAnswered: 0,
});

/** The primary's breaker (DATABASE_URL): while open, every request but health and readiness gets a 503. */
export const breakerState: BreakerState = (globalForBreaker.trackerDatabaseBreaker ??= closed());
// A process that started before these fields existed (a dev server's hot reload) gets them here.
breakerState.confirming ??= false;
breakerState.lastAnswered ??= 0;

/**
 * The read replica's breaker (DATABASE_READ_URL), apart from the primary's: a replica that is
 * down makes the public reads answer 503 while the desk, which reads and writes the primary,
 * keeps working (docs/decisions, "Reads from a replica"). Never opens without a replica.
 */
export const replicaBreakerState: BreakerState = (globalForBreaker.trackerReplicaBreaker ??= closed());

export const databaseIsAvailable = () => breakerState.openSince === null;

/** False only while a configured replica is known to be unreachable. */
export const replicaIsAvailable = () => replicaBreakerState.openSince === null;
