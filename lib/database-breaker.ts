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
import pg from "pg";
import { breakerState as breaker } from "./breaker-state";
import { isDatabaseUnavailableError, isPoolWaitTimeout } from "./db-errors";
import { logger } from "./log";

const PROBE_INTERVAL_MS = 500;
const PROBE_TIMEOUT_MS = 1000;

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

function startProbe() {
  if (breaker.probing || !process.env.DATABASE_URL) return;
  breaker.probing = true;
  const tick = async () => {
    const url = process.env.DATABASE_URL;
    if (url && (await probeDatabase(url))) {
      log("info", "database back; answering normally again", { unavailableMs: Date.now() - (breaker.openSince ?? Date.now()) });
      breaker.openSince = null;
      breaker.lastError = null;
      breaker.probing = false;
      return;
    }
    setTimeout(tick, PROBE_INTERVAL_MS).unref();
  };
  setTimeout(tick, PROBE_INTERVAL_MS).unref();
}

function open(since: number, error: string) {
  if (breaker.openSince !== null) return;
  breaker.openSince = since;
  breaker.opened++;
  breaker.lastError = error;
  log("warn", "database unavailable; answering 503 until it is back", { err: error });
  startProbe();
}

/**
 * Probes once for a reported wait for a busy pool. Reports that arrive while a probe runs, or within
 * PROBE_INTERVAL_MS of one that found the database answering, share one probe: a saturated pool
 * reports an error per waiting request and must not add a connection per error.
 */
function confirmOutage(error: string) {
  const url = process.env.DATABASE_URL;
  if (breaker.confirming) return;
  const reportedAt = Date.now();
  if (!url) return open(reportedAt, error); // nothing to probe with: believe the error
  breaker.confirming = true;
  const wait = Math.max(0, breaker.lastAnswered + PROBE_INTERVAL_MS - reportedAt);
  setTimeout(async () => {
    const answered = await probeDatabase(url);
    breaker.confirming = false;
    if (answered) {
      breaker.lastAnswered = Date.now();
      log("info", "a request could not get a database connection in time, but the database answers: the pool is busy, not down", { err: error });
    } else {
      open(reportedAt, error);
    }
  }, wait).unref();
}

/**
 * Reports an error from anything that talks to the database. A connection error opens the
 * breaker and starts the probe that closes it; a pool wait that ran out of time opens it only if
 * a probe fails too; any other error is left alone. Returns whether it was either: the caller
 * answers 503 for its own request in both cases.
 */
export function reportDatabaseError(err: unknown): boolean {
  if (!isDatabaseUnavailableError(err)) return false;
  const message = err instanceof Error ? err.message : String(err);
  if (breaker.openSince !== null) startProbe();
  else if (isPoolWaitTimeout(err)) confirmOutage(message);
  else open(Date.now(), message);
  return true;
}
