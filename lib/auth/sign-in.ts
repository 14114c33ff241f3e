// Credential checks behind the sign-in form: throttling, constant-time answers, and one message
// for every failure so the form never reveals whether an email has an account.
import { db } from "../db";
import { isStorableText } from "../validation/storable-text";
import { spendVerifyTime, verifyPassword } from "./password";
import type { Role, SessionUser } from "./roles";
import { recognisedDevice } from "./sign-in-device";
import { SignInThrottle, type RefusedBy } from "./throttle";
import { createThrottleStore } from "./throttle-store";

export const throttle = new SignInThrottle(() => createThrottleStore());

export type SignInResult =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number; refusedBy: RefusedBy };

/**
 * `deviceCookie` is the browser's device cookie (sign-in-device.ts): a device that signed in to
 * this account before is throttled on its own, so an attacker's failures never lock it out.
 */
export async function checkCredentials(
  emailRaw: string,
  password: string,
  address: string,
  deviceCookie?: string,
): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase().slice(0, 320);
  const device = recognisedDevice(deviceCookie, email, process.env.AUTH_SECRET);
  const attempt = await throttle.begin(email, address, Date.now(), device);
  if (!("succeeded" in attempt))
    return { ok: false, reason: "throttled", retryAfterMs: attempt.retryAfterMs, refusedBy: attempt.refusedBy };
  let user;
  try {
    // No account can have an address holding NUL or another control character, and PostgreSQL
    // would fail the lookup on a NUL: such an address is simply not found (same time, same answer).
    user = isStorableText(email) ? await db().user.findUnique({ where: { email } }) : null;
  } catch (err) {
    // The database could not answer, so no password was checked: the try is not a failure, and
    // an outage must not lock editors out once it is over.
    await attempt.giveBack();
    throw err;
  }
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await spendVerifyTime(password), false);
  if (!user || !valid || user.disabled) return { ok: false, reason: "invalid" }; // the try stays counted
  await attempt.succeeded();
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role as Role,
      sessionVersion: user.sessionVersion,
    },
  };
}

/** The user behind a session token, or null when disabled, deleted or signed out everywhere since. */
export async function loadSessionUser(id: number, sessionVersion: number): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { id } });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
