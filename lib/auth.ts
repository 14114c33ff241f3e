// Auth.js (next-auth v5): email + password, plus an optional OpenID Connect provider configured
// only by environment variables. JWT sessions, 8 hours absolute, checked against the user's
// session version on every request so "sign out everywhere" and password changes take effect.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "./db";
import { checkCredentials, loadSessionUser } from "./auth/sign-in";
import { CLIENT_ADDRESS_HEADER } from "./auth/client-address";
import { sessionMaxAgeSeconds } from "./auth/session-config";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, deviceCookieAfterSignIn } from "./auth/sign-in-device";
import { emailHash } from "./auth/sign-in-log";
import { reportDatabaseError } from "./database-breaker";
import type { Role } from "./auth/roles";
import { requestLog } from "./request-log";
import { ssoSignIn } from "./auth/sso";
import { ssoSettings } from "./auth/sso-settings";

// Checked at start-up too (instrumentation.ts), where a bad value stops the app with one sentence.
export const SESSION_MAX_AGE_S = sessionMaxAgeSeconds();

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
/** code: "throttled:<account|address|device>:<seconds to wait>", for the form's message (throttledMessage). */
class Throttled extends CredentialsSignin {
  constructor(refusedBy: string, retryAfterMs: number) {
    super();
    this.code = `throttled:${refusedBy}:${Math.ceil(retryAfterMs / 1000)}`;
  }
}

function clientAddress(request: Request): string {
  // Set from the socket and TRUSTED_PROXY_HOPS as the request arrived (lib/auth/client-address-hook.ts);
  // never X-Forwarded-For as such, which the client writes. Missing only for a request that
  // arrived before the app finished starting.
  return request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** The device cookie, read from the request and renewed on success (lib/auth/sign-in-device.ts). */
function deviceCookieOf(request: Request): string | undefined {
  const pair = request.headers
    .get("cookie")
    ?.split(/;\s*/)
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  return pair?.slice(DEVICE_COOKIE.length + 1);
}

async function rememberDevice(request: Request, email: string) {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return;
  const { cookies } = await import("next/headers");
  (await cookies()).set(DEVICE_COOKIE, deviceCookieAfterSignIn(deviceCookieOf(request), email, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(request.url).protocol === "https:",
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

const sso = ssoSettings();

const config: NextAuthConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = String(credentials?.email ?? "").slice(0, 320);
        const address = clientAddress(request);
        const result = await checkCredentials(
          email,
          String(credentials?.password ?? ""),
          address,
          deviceCookieOf(request),
        );
        // Chosen fields only: the credentials object holds the password. The typed email only as
        // a hash: people type their password into the email box.
        const log = await requestLog();
        if (!result.ok) {
          const throttled =
            result.reason === "throttled" ? { refusedBy: result.refusedBy, retryAfterMs: result.retryAfterMs } : {};
          log.warn(
            {
              action: "sign-in",
              outcome: "refused",
              reason: result.reason,
              ...throttled,
              emailHash: emailHash(email),
              address,
            },
            "sign-in refused",
          );
          throw result.reason === "throttled"
            ? new Throttled(result.refusedBy, result.retryAfterMs)
            : new InvalidCredentials();
        }
        await rememberDevice(request, result.user.email);
        log.info({ action: "sign-in", outcome: "ok", userId: result.user.id, address }, "sign-in ok");
        return { id: String(result.user.id), email: result.user.email, name: result.user.name };
      },
    }),
    ...(sso
      ? [
          {
            id: "sso",
            name: sso.name,
            type: "oidc" as const,
            issuer: sso.issuer,
            clientId: sso.clientId,
            clientSecret: sso.clientSecret,
          },
        ]
      : []),
  ],
  // Auth.js's own messages as JSON lines with the request id, instead of its coloured text on
  // stderr. Only the name, message and stack: an error's `cause` can carry provider responses.
  // A wrong password is already logged as "sign-in refused"; debug output is never enabled.
  logger: {
    error(error) {
      const type = (error as Error & { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      const cause =
        error.cause instanceof Error ? error.cause.message : (error.cause as { err?: Error } | undefined)?.err?.message;
      void requestLog().then((log) =>
        log.error({ authError: type, err: { message: error.message, stack: error.stack, cause } }, "auth error"),
      );
    },
    warn(code) {
      void requestLog().then((log) => log.warn({ authWarning: code }, "auth warning"));
    },
    debug() {},
  },
  callbacks: {
    // Single sign-on enters an existing, enabled account linked by subject (lib/auth/sso.ts); it
    // never creates one. It sets user.id to that account's id.
    async signIn({ user, account, profile }) {
      if (account?.provider !== "sso") return true;
      return ssoSignIn(user, profile, sso!.issuer);
    },
    async jwt({ token, user, account }) {
      if (user) {
        // By id, not email: for single sign-on the email is the provider's, not the account's.
        const id = Number(user.id);
        const found = Number.isSafeInteger(id) ? await db().user.findUnique({ where: { id } }) : null;
        if (!found || found.disabled) return null;
        token.uid = found.id;
        token.email = found.email;
        token.name = found.name;
        token.sv = found.sessionVersion;
        token.signedInAt = Math.floor(Date.now() / 1000);
        token.provider = account?.provider;
        return token;
      }
      // Absolute lifetime: the sliding expiry Auth.js renews never outlives the sign-in by more than maxAge.
      if (typeof token.signedInAt !== "number" || Date.now() / 1000 - token.signedInAt > SESSION_MAX_AGE_S) return null;
      let current;
      try {
        current = await loadSessionUser(Number(token.uid), Number(token.sv));
      } catch (err) {
        // During a database outage keep the session as it is: Auth.js would otherwise clear the
        // cookie and sign every editor out. Nothing can be read or written meanwhile anyway,
        // and the check runs again on the first request after the database is back.
        if (reportDatabaseError(err)) return token;
        throw err;
      }
      if (!current) return null;
      token.role = current.role;
      token.name = current.name;
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      (session.user as { role?: Role }).role = token.role as Role;
      return session;
    },
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth(config);
