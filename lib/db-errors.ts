// Which errors mean "the database cannot be reached" (answer 503, try again) rather than "this
// query is wrong" (a bug, answer 500). The same failure reaches us in several wrappings: raw from
// node-postgres (pool `error` events), as a DriverAdapterError from @prisma/adapter-pg (with a
// `kind`, or kind "postgres" and the SQLSTATE), or as a Prisma client error with a P-code. We walk
// the chain of causes and look for any of the markers below.

/** Socket errors (Node), SQLSTATEs of class 08 and 57P0x, and Prisma's connection error codes. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P01", // admin_shutdown: the server is stopping (fast or immediate shutdown)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "P1001", // Can't reach database server
  "P1002", // The database server was reached but timed out
  "P1008", // Operations timed out
  "P1017", // Server has closed the connection
]);

/** @prisma/adapter-pg's names for the socket errors above (DriverAdapterError.cause.kind). */
const CONNECTION_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

// Errors node-postgres raises without a code: a socket closed under a query, a connect attempt
// that outlived connectionTimeoutMillis, a client reused after its connection failed.
const CONNECTION_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error and is not queryable/i,
  /the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /can't reach database server/i,
  /server has closed the connection/i,
  /connection refused/i,
];

function markers(err: object): unknown[] {
  const e = err as Record<string, unknown>;
  const meta = e.meta as Record<string, unknown> | undefined;
  // Auth.js wraps what its callbacks throw as `cause: { err }`.
  const cause = e.cause as Record<string, unknown> | undefined;
  return [
    e.cause,
    cause && typeof cause === "object" ? cause.err : undefined,
    meta?.driverAdapterError,
    (meta?.driverAdapterError as Record<string, unknown> | undefined)?.cause,
    ...(Array.isArray(e.errors) ? e.errors : []),
  ];
}

/** True when `err` (or anything it wraps) says the database is unreachable or going away. */
export function isDatabaseUnavailableError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 6) return false;
  const e = err as Record<string, unknown>;
  for (const key of ["code", "originalCode", "errorCode"]) {
    if (typeof e[key] === "string" && CONNECTION_CODES.has(e[key])) return true;
  }
  if (typeof e.kind === "string" && CONNECTION_KINDS.has(e.kind)) return true;
  for (const key of ["message", "reason", "cause"]) {
    const text = e[key];
    if (typeof text === "string" && CONNECTION_MESSAGES.some((re) => re.test(text))) return true;
  }
  return markers(err).some((inner) => inner !== err && isDatabaseUnavailableError(inner, depth + 1));
}

// What node-postgres says when a request waited connectionTimeoutMillis for one of the pool's
// connections and none came free: every connection was busy. It says nothing about the server,
// which may be perfectly well (lib/database-breaker.ts probes before believing it).
const POOL_WAIT = /timeout exceeded when trying to connect/i;

/** True when `err` (or anything it wraps) is a wait for a busy pool that ran out of time. */
export function isPoolWaitTimeout(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 6) return false;
  const e = err as Record<string, unknown>;
  if (["message", "reason"].some((key) => typeof e[key] === "string" && POOL_WAIT.test(e[key] as string))) return true;
  return markers(err).some((inner) => inner !== err && isPoolWaitTimeout(inner, depth + 1));
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable just now. Please try again in a few seconds.";

/** What a form says when a write met a database outage; what was typed stays in the form. */
export const NOTHING_SAVED_MESSAGE =
  "The database is unavailable just now, so nothing was saved. What you entered is still here; please try again in a few seconds.";
