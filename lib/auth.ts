// Auth.js (next-auth v5): email + password, plus an optional OpenID Connect provider configured
// only by environment variables. JWT sessions, 8 hours absolute, checked against the user's
// session version on every request so "sign out everywhere" and password changes take effect.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "./db";
import { checkCredentials, loadSessionUser } from "./auth/sign-in";
import { reportDatabaseError } from "./database-breaker";
import type { Role } from "./auth/roles";
import { requestLog } from "./request-log";

export const SESSION_MAX_AGE_S = Number(process.env.SESSION_MAX_AGE_HOURS ?? 8) * 3600;

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class Throttled extends CredentialsSignin {
  code = "throttled";
}

function clientAddress(request: Request): string {
  // Next.js sets x-forwarded-for from the socket; behind a proxy the proxy appends to it.
  return request.headers.get("x-forwarded-for")?.split(",").pop()?.trim() || "unknown";
}

const oidc = process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET;

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
        const result = await checkCredentials(email, String(credentials?.password ?? ""), address);
        // Chosen fields only: the credentials object holds the password.
        const log = await requestLog();
        if (!result.ok) {
          log.warn({ action: "sign-in", outcome: "refused", reason: result.reason, email, address }, "sign-in refused");
          throw result.reason === "throttled" ? new Throttled() : new InvalidCredentials();
        }
        log.info({ action: "sign-in", outcome: "ok", userId: result.user.id, address }, "sign-in ok");
        return { id: String(result.user.id), email: result.user.email, name: result.user.name };
      },
    }),
    ...(oidc
      ? [{
          id: "sso",
          name: process.env.OIDC_NAME ?? "Single sign-on",
          type: "oidc" as const,
          issuer: process.env.OIDC_ISSUER,
          clientId: process.env.OIDC_CLIENT_ID,
          clientSecret: process.env.OIDC_CLIENT_SECRET,
        }]
      : []),
  ],
  // Auth.js's own messages as JSON lines with the request id, instead of its coloured text on
  // stderr. Only the name, message and stack: an error's `cause` can carry provider responses.
  // A wrong password is already logged as "sign-in refused"; debug output is never enabled.
  logger: {
    error(error) {
      const type = (error as Error & { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin") return;
      const cause = error.cause instanceof Error ? error.cause.message : (error.cause as { err?: Error } | undefined)?.err?.message;
      void requestLog().then((log) => log.error({ authError: type, err: { message: error.message, stack: error.stack, cause } }, "auth error"));
    },
    warn(code) {
      void requestLog().then((log) => log.warn({ authWarning: code }, "auth warning"));
    },
    debug() {},
  },
  callbacks: {
    // Single sign-on maps to an existing, enabled account by email; it never creates editors.
    async signIn({ user, account }) {
      if (account?.provider !== "sso") return true;
      const email = user.email?.toLowerCase();
      const existing = email ? await db().user.findUnique({ where: { email } }) : null;
      const allowed = Boolean(existing && !existing.disabled);
      (await requestLog())[allowed ? "info" : "warn"]({ action: "sign-in", provider: "sso", outcome: allowed ? "ok" : "refused", userId: existing?.id ?? null }, allowed ? "sign-in ok" : "sign-in refused");
      return allowed;
    },
    async jwt({ token, user, account }) {
      if (user) {
        const found = await db().user.findUnique({ where: { email: String(user.email).toLowerCase() } });
        if (!found) return null;
        token.uid = found.id;
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
