// The single sign-on provider's settings (OIDC_*). Read by lib/auth.ts and the sign-in page, and
// checked once at start-up (lib/auth/sign-in-startup.ts) so a setting that cannot work stops the
// app with one sentence. No imports, so that check loads nothing more.
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
}

// Reached without a network: plain http to these exposes nothing on the wire (tests, a provider
// on the same machine). URL.hostname keeps the brackets of an IPv6 address.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The provider's settings, or null when single sign-on is off. A setting that cannot work throws
 * one sentence. Auth.js sends every request to the provider with oauth4webapi's
 * allowInsecureRequests on, so it would accept an http issuer anywhere: the https rule is here.
 */
export function ssoSettings(env: Record<string, string | undefined> = process.env): SsoSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error(
      "Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together: set all three, or none to turn it off.",
    );
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(
      `OIDC_ISSUER must be the provider's issuer URL, such as https://login.example.org; "${issuer.slice(0, 100)}" is not a URL.`,
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error(
      "OIDC_ISSUER must be an https URL (plain http is accepted only for a provider on this machine: localhost, 127.0.0.1 or [::1]).",
    );
  }
  return { issuer, clientId, clientSecret, name: env.OIDC_NAME?.trim() || "single sign-on" };
}

/** ssoSettings' sentence when a setting cannot work, else null: for the start-up check. */
export function ssoSettingsProblem(env: Record<string, string | undefined> = process.env): string | null {
  try {
    ssoSettings(env);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
