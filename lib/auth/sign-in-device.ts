// Device cookies (OWASP's answer to lockout abuse): after a successful sign-in the browser keeps
// a cookie that names this device for this account, so sign-in can tell the owner's devices from
// an attacker's and lock only the latter out (see throttle.ts).
//
// The cookie holds up to five entries (people share desks), each `nonce.mac` where mac is an
// HMAC of the account's email and the nonce under a key derived from AUTH_SECRET: it cannot be
// forged or moved to another account, and it does not reveal the email. The nonce is the
// device's id for throttling. A device stays recognised for 30 days after its last sign-in.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "tracker-device";
export const DEVICE_COOKIE_MAX_AGE_S = 30 * 24 * 3600;
const MAX_ENTRIES = 5;

function keyFrom(secret: string) {
  return createHmac("sha256", secret).update("tracker sign-in device cookie v1").digest();
}

function mac(secret: string, email: string, nonce: string) {
  return createHmac("sha256", keyFrom(secret))
    .update(`${email.trim().toLowerCase()}\n${nonce}`)
    .digest()
    .subarray(0, 16);
}

function entries(cookie: string | undefined): { nonce: string; mac: string }[] {
  return (cookie ?? "")
    .split("~")
    .slice(0, MAX_ENTRIES)
    .map((e) => /^([\w-]{16})\.([\w-]{22})$/.exec(e))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ nonce: m[1], mac: m[2] }));
}

/** The id of this device for this account when the cookie holds a valid entry for it, else null. */
export function recognisedDevice(cookie: string | undefined, email: string, secret: string | undefined): string | null {
  if (!secret) return null;
  for (const entry of entries(cookie)) {
    const expected = mac(secret, email, entry.nonce);
    const given = Buffer.from(entry.mac, "base64url");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return entry.nonce;
  }
  return null;
}

/** The cookie's value after a successful sign-in: this account's entry first, at most five. */
export function deviceCookieAfterSignIn(cookie: string | undefined, email: string, secret: string): string {
  const known = recognisedDevice(cookie, email, secret);
  const nonce = known ?? randomBytes(12).toString("base64url");
  const own = `${nonce}.${mac(secret, email, nonce).toString("base64url")}`;
  const others = entries(cookie)
    .filter((e) => e.nonce !== nonce)
    .map((e) => `${e.nonce}.${e.mac}`);
  return [own, ...others].slice(0, MAX_ENTRIES).join("~");
}
