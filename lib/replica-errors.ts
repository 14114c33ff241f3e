// Which errors came from the read replica's client. Prisma's adapter turns node-postgres' error
// into a new object of its own, so nothing in an error a page or route catches says which server
// failed; the replica's client (lib/db.ts) marks each error it throws instead, and
// reportDatabaseError sends marked errors to the replica's breaker, so a replica outage never
// opens the primary's (which would send the desk to 503 too).
const marked = new WeakSet<object>();

export function markReplicaError(err: unknown): void {
  if (err && typeof err === "object") marked.add(err);
}

/** True when `err`, or an error it wraps as its `cause`, was thrown by the replica's client. */
export function isReplicaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  if (marked.has(err)) return true;
  const cause = (err as { cause?: unknown }).cause;
  // Auth.js wraps what its callbacks throw as `cause: { err }`.
  const inner = cause && typeof cause === "object" && "err" in cause ? (cause as { err: unknown }).err : undefined;
  return isReplicaError(cause, depth + 1) || isReplicaError(inner, depth + 1);
}
