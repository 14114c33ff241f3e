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

const globalForBreaker = globalThis as unknown as { trackerDatabaseBreaker?: BreakerState };

export const breakerState: BreakerState = (globalForBreaker.trackerDatabaseBreaker ??= { openSince: null, lastError: null, probing: false, opened: 0, confirming: false, lastAnswered: 0 });
// A process that started before these fields existed (a dev server's hot reload) gets them here.
breakerState.confirming ??= false;
breakerState.lastAnswered ??= 0;

export const databaseIsAvailable = () => breakerState.openSince === null;
