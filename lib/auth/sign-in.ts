// Credential checks behind the sign-in form: throttling, constant-time answers, and one message
// for every failure so the form never reveals whether an email has an account.
import { db } from "../db";
import { isStorableText } from "../events/schemas";
import { spendVerifyTime, verifyPassword } from "./password";
import type { Role, SessionUser } from "./roles";
import { SignInThrottle } from "./throttle";
import { createThrottleStore } from "./throttle-store";

export const throttle = new SignInThrottle(() => createThrottleStore());

export type SignInResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterMs?: number };

export async function checkCredentials(emailRaw: string, password: string, address: string): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase().slice(0, 320);
  const attempt = await throttle.begin(email, address);
  if (!("succeeded" in attempt)) return { ok: false, reason: "throttled", retryAfterMs: attempt.retryAfterMs };
  // No account can have an address holding NUL or another control character, and PostgreSQL
  // would fail the lookup on a NUL: such an address is simply not found (same time, same answer).
  const user = isStorableText(email) ? await db().user.findUnique({ where: { email } }) : null;
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await spendVerifyTime(password), false);
  if (!user || !valid || user.disabled) return { ok: false, reason: "invalid" }; // the try stays counted
  await attempt.succeeded();
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion } };
}

/** The user behind a session token, or null when disabled, deleted or signed out everywhere since. */
export async function loadSessionUser(id: number, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { id } });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
