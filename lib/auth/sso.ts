// Single sign-on through one OpenID Connect provider (OIDC_* settings). It signs in to accounts
// that already exist and are enabled; it never creates one.
//
// An account is found by the provider's subject ("sub", stable and unique per issuer) once it has
// been linked. The first sign-in links it: the provider must say the email is verified, and an
// enabled account must have that email. From then on the subject alone decides: a different
// provider account claiming the same email (an address given to someone new, an unverified
// change at the provider) is refused, and the linked subject still signs in if the email at the
// provider changes. Linking to another subject takes clearing the link in the database (README).
import { db } from "../db";
import { reportDatabaseError } from "../database-breaker";
import { isStorableText } from "../validation/storable-text";
import { requestLog } from "../request-log";
import { emailHash } from "./sign-in-log";

export type SsoRefusal = "unverified" | "unknown" | "disabled" | "subject-mismatch";

export type SsoMatch =
  { ok: true; userId: number; linkedNow: boolean } | { ok: false; reason: SsoRefusal; userId?: number };

export interface SsoClaims {
  issuer: string;
  subject: string;
  email?: unknown;
  emailVerified?: unknown;
}

/** The account a provider sign-in may enter, linking it to the subject on its first use. */
export async function matchSsoAccount({ issuer, subject, email, emailVerified }: SsoClaims): Promise<SsoMatch> {
  const linked = await db().user.findFirst({ where: { ssoIssuer: issuer, ssoSubject: subject } });
  if (linked)
    return linked.disabled
      ? { ok: false, reason: "disabled", userId: linked.id }
      : { ok: true, userId: linked.id, linkedNow: false };

  // OpenID Connect Core 5.1 defines email_verified as a boolean: nothing else counts as verified.
  if (emailVerified !== true) return { ok: false, reason: "unverified" };
  const address = typeof email === "string" ? email.trim().toLowerCase() : "";
  const user = address && isStorableText(address) ? await db().user.findUnique({ where: { email: address } }) : null;
  if (!user) return { ok: false, reason: "unknown" };
  if (user.disabled) return { ok: false, reason: "disabled", userId: user.id };
  if (user.ssoSubject !== null) return { ok: false, reason: "subject-mismatch", userId: user.id };

  // Link only while the account has none: of two first sign-ins at once, one links and the other
  // is judged against the subject that won.
  const { count } = await db().user.updateMany({
    where: { id: user.id, ssoSubject: null },
    data: { ssoIssuer: issuer, ssoSubject: subject },
  });
  if (count === 1) return { ok: true, userId: user.id, linkedNow: true };
  const now = await db().user.findUnique({ where: { id: user.id } });
  return now && !now.disabled && now.ssoIssuer === issuer && now.ssoSubject === subject
    ? { ok: true, userId: user.id, linkedNow: false }
    : { ok: false, reason: "subject-mismatch", userId: user.id };
}

/** Where the sign-in page explains a refusal that is the database's, not the account's. */
export const SSO_DATABASE_UNAVAILABLE = "/signin?error=DatabaseUnavailable";

/**
 * Auth.js's signIn callback for the provider. `profile` holds the ID token's claims, already
 * checked by Auth.js (signature, issuer, audience, nonce). On success the account's id is written
 * to `user.id`: Auth.js hands that same object to the jwt callback, which starts the session from
 * it. Refusals are logged with their reason, the subject and the email's hash, never the email.
 */
export async function ssoSignIn(
  user: { id?: string },
  profile: Record<string, unknown> | undefined,
  issuer: string,
): Promise<boolean | string> {
  const log = await requestLog();
  const subject = typeof profile?.sub === "string" ? profile.sub : "";
  if (!subject) {
    log.warn({ action: "sign-in", provider: "sso", outcome: "refused", reason: "unknown" }, "sign-in refused");
    return false;
  }
  let match: SsoMatch;
  try {
    match = await matchSsoAccount({
      issuer: typeof profile?.iss === "string" ? profile.iss : issuer,
      subject,
      email: profile?.email,
      emailVerified: profile?.email_verified,
    });
  } catch (err) {
    // An outage is not a refusal: say so on the sign-in page instead of "not allowed".
    if (reportDatabaseError(err)) return SSO_DATABASE_UNAVAILABLE;
    throw err;
  }
  if (!match.ok) {
    // The email as the same keyed hash as a refused password sign-in's, so one account's tries line up.
    const hash = typeof profile?.email === "string" ? emailHash(profile.email) : null;
    log.warn(
      {
        action: "sign-in",
        provider: "sso",
        outcome: "refused",
        reason: match.reason,
        userId: match.userId ?? null,
        subject,
        emailHash: hash,
      },
      "sign-in refused",
    );
    return false;
  }
  log.info(
    { action: "sign-in", provider: "sso", outcome: "ok", userId: match.userId, linkedNow: match.linkedNow },
    "sign-in ok",
  );
  user.id = String(match.userId);
  return true;
}
