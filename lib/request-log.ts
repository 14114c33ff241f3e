import "server-only";
// Request-scoped logging: every line written while handling a request carries its request id, so
// one request's lines can be found together across instances. The id comes from the x-request-id
// header that proxy.ts sets (or a load balancer in front); when it is absent or malformed, one
// id is made per request and reused for all of that request's lines.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { logger, type Logger } from "./log";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/; // never let a client write arbitrary text into the logs
const madeIds = new WeakMap<object, string>();

/** The logger for the current request; the plain logger outside one (start-up, background work). */
export async function requestLog(): Promise<Logger> {
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return logger;
  }
  const given = h.get("x-request-id");
  let reqId = given && REQUEST_ID.test(given) ? given : madeIds.get(h);
  if (!reqId) {
    reqId = randomUUID();
    madeIds.set(h, reqId);
  }
  return logger.child({ reqId });
}

// Errors a caller can fix or is not allowed to cause: the write was refused, nothing broke.
const REFUSALS = new Set(["ConflictError", "NotFoundError", "InvalidInputError", "ForbiddenError"]);

/**
 * One line per write attempt through a server action: what, by whom, and whether it went
 * through, was refused (role, validation, conflict) or failed (a bug or an outage, with the error).
 * `err` is the thrown error, or a short reason when the action refused the request itself.
 * Callers pass chosen fields only (ids, counts), never form data.
 */
export async function logWrite(
  action: string,
  user: { id: number } | null,
  fields: Record<string, unknown> = {},
  err?: unknown,
) {
  const log = await requestLog();
  // Ids come from form fields a client controls: keep a line a line, not a 2 MB payload.
  const short = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 200) : v]),
  );
  const line = { action, userId: user?.id ?? null, ...short };
  if (err === undefined) log.info({ ...line, outcome: "ok" }, `${action} ok`);
  else if (typeof err === "string") log.warn({ ...line, outcome: "refused", reason: err }, `${action} refused`);
  else if (err instanceof Error && REFUSALS.has(err.name))
    log.warn({ ...line, outcome: "refused", reason: err.message }, `${action} refused`);
  else log.error({ ...line, outcome: "failed", err }, `${action} failed`);
}
