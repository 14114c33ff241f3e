// Opens the database breaker when the database cannot be reached, and closes it again with a
// cheap probe: SELECT 1 on a connection of its own (never the app's pool, which may be full of
// dead or busy connections), at most every 500 ms while open, so normal answers resume within
// about a second of the database's return.
//
// A request that waited too long for one of the pool's connections while every one was busy (a
// burst, a slow report, long transactions) gets an error that says nothing about the server, and
// opening the breaker on it would send the whole site to 503 while PostgreSQL is fine. So that
// error starts a probe first, and only a failed probe opens the breaker; a busy pool fails just
// the request that waited (its own 503) and nothing else. An error only the server or the
// network can cause (connection refused or cut, the server shutting down) already is a failed
// attempt to reach it, and opens the breaker at once, as before: any delay there would let
// requests racing an outage meet the database's errors instead of the clear 503.
//
// With a read replica (DATABASE_READ_URL) there are two breakers, run by these same rules: the
// primary's, which sends every request to 503, and the replica's, which sends only the public
// reads to 503 (lib/availability.ts) while the desk keeps the primary.
import pg from "pg";
import { breakerState, replicaBreakerState, type BreakerState } from "./breaker-state";
import { isDatabaseUnavailableError, isPoolWaitTimeout } from "./db-errors";
import { logger } from "./log";
import { isReplicaError } from "./replica-errors";

const PROBE_INTERVAL_MS = 500;
const PROBE_TIMEOUT_MS = 1000;

// The primary and the read replica each have a breaker of their own, run by the same rules.
interface Breaker {
  state: BreakerState;
  url: () => string | undefined;
  /** How the log names the server: "database" or "read replica". */
  name: string;
  /** What a reader gets while it is open. */
  meanwhile: string;
}

const PRIMARY: Breaker = {
  state: breakerState,
  url: () => process.env.DATABASE_URL,
  name: "database",
  meanwhile: "answering 503 until it is back",
};
const REPLICA: Breaker = {
  state: replicaBreakerState,
  url: () => process.env.DATABASE_READ_URL?.trim() || undefined,
  name: "read replica",
  meanwhile: "public reads answer 503 until it is back; the desk keeps working on the primary",
};

function log(level: "info" | "warn", msg: string, extra: Record<string, unknown> = {}) {
  logger[level](extra, msg);
}

/** One SELECT 1 on a fresh connection; false on any failure, within about PROBE_TIMEOUT_MS. */
export async function probeDatabase(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on("error", () => {}); // a probe's dropped socket must not become an uncaught error
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

function startProbe(b: Breaker) {
  const breaker = b.state;
  if (breaker.probing || !b.url()) return;
  breaker.probing = true;
  const tick = async () => {
    const url = b.url();
    if (url && (await probeDatabase(url))) {
      log("info", `${b.name} back; answering normally again`, {
        unavailableMs: Date.now() - (breaker.openSince ?? Date.now()),
      });
      breaker.openSince = null;
      breaker.lastError = null;
      breaker.probing = false;
      return;
    }
    setTimeout(tick, PROBE_INTERVAL_MS).unref();
  };
  setTimeout(tick, PROBE_INTERVAL_MS).unref();
}

function open(b: Breaker, since: number, error: string) {
  const breaker = b.state;
  if (breaker.openSince !== null) return;
  breaker.openSince = since;
  breaker.opened++;
  breaker.lastError = error;
  log("warn", `${b.name} unavailable; ${b.meanwhile}`, { err: error });
  startProbe(b);
}

/**
 * Probes once for a reported wait for a busy pool. Reports that arrive while a probe runs, or within
 * PROBE_INTERVAL_MS of one that found the database answering, share one probe: a saturated pool
 * reports an error per waiting request and must not add a connection per error.
 */
function confirmOutage(b: Breaker, error: string) {
  const breaker = b.state;
  const url = b.url();
  if (breaker.confirming) return;
  const reportedAt = Date.now();
  if (!url) return open(b, reportedAt, error); // nothing to probe with: believe the error
  breaker.confirming = true;
  const wait = Math.max(0, breaker.lastAnswered + PROBE_INTERVAL_MS - reportedAt);
  setTimeout(async () => {
    const answered = await probeDatabase(url);
    breaker.confirming = false;
    if (answered) {
      breaker.lastAnswered = Date.now();
      log(
        "info",
        `a request could not get a ${b.name} connection in time, but the ${b.name} answers: the pool is busy, not down`,
        { err: error },
      );
    } else {
      open(b, reportedAt, error);
    }
  }, wait).unref();
}

function report(b: Breaker, err: unknown): boolean {
  if (!isDatabaseUnavailableError(err)) return false;
  const message = err instanceof Error ? err.message : String(err);
  if (b.state.openSince !== null) startProbe(b);
  else if (isPoolWaitTimeout(err)) confirmOutage(b, message);
  else open(b, Date.now(), message);
  return true;
}

/**
 * Reports an error from anything that talks to the database. A connection error opens the
 * breaker and starts the probe that closes it; a pool wait that ran out of time opens it only if
 * a probe fails too; any other error is left alone. Returns whether it was either: the caller
 * answers 503 for its own request in both cases. An error of the read replica's client
 * (lib/replica-errors.ts) goes to the replica's breaker, never the primary's: a replica outage
 * must not take the desk down.
 */
export function reportDatabaseError(err: unknown): boolean {
  return report(isReplicaError(err) ? REPLICA : PRIMARY, err);
}

/** As reportDatabaseError, for errors known to come from the read replica (its pool's own events). */
export function reportReplicaError(err: unknown): boolean {
  return report(REPLICA, err);
}
