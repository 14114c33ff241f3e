// Opens the database breaker on connection errors and closes it again with a cheap probe:
// SELECT 1 on a connection of its own (never the app's pool, which may be full of dead or busy
// connections), at most every 500 ms while open, so normal answers resume within about a second
// of the database's return.
import pg from "pg";
import { breakerState as breaker } from "./breaker-state";
import { isDatabaseUnavailableError } from "./db-errors";
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
  const url = process.env.DATABASE_URL;
  if (breaker.probing || !url) return;
  breaker.probing = true;
  const tick = async () => {
    if (await probeDatabase(url)) {
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

/**
 * Reports an error from anything that talks to the database. A connection error opens the
 * breaker and starts the probe; any other error is left alone. Returns whether it was one.
 */
export function reportDatabaseError(err: unknown): boolean {
  if (!isDatabaseUnavailableError(err)) return false;
  if (breaker.openSince === null) {
    breaker.openSince = Date.now();
    breaker.opened++;
    breaker.lastError = err instanceof Error ? err.message : String(err);
    log("warn", "database unavailable; answering 503 until it is back", { err: breaker.lastError });
  }
  startProbe();
  return true;
}
