"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "../auth";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { endOwnSessions } from "../users/mutations";
import { guardAction } from "./guard";
import { localPath } from "./local-path";
import { throttledMessage } from "./sign-in-messages";

export interface SignInState {
  message?: string;
  email?: string;
}

// Only local paths (see local-path.ts): anything else would make the form an open redirect.
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: localPath(formData.get("from")),
    });
    return {};
  } catch (err) {
    // Auth.js wraps what authorize() throws; an outage must not read as a wrong password.
    if (err instanceof AuthError && reportDatabaseError(err)) {
      return {
        email,
        message: "Signing in is not possible just now: the database is unavailable. Please try again in a few seconds.",
      };
    }
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return {
        email,
        message: code?.startsWith("throttled")
          ? throttledMessage(code)
          : "The email or password is not right, or the account is disabled.",
      };
    }
    throw err; // the redirect after a successful sign-in
  }
}

/**
 * Signing out ends the session on the server too, not only this browser's cookie: a copied
 * cookie must be worthless afterwards. Sessions are signed cookies checked against the account's
 * session version on each request, so the version is bumped, which ends the user's sessions on
 * every device (there is no per-session record to strike out). While the database is
 * unavailable the cookie is still cleared, and the log says the server could not end it.
 */
export async function signOutAction() {
  const g = await guardAction("contributor");
  if (g.user) {
    try {
      await endOwnSessions(db(), g.user);
      await logWrite("sign-out", g.user);
    } catch (err) {
      if (!reportDatabaseError(err)) throw err;
      await logWrite("sign-out", g.user, { sessionEnded: false }, err);
    }
  } else if (g.reason === "unavailable") {
    await logWrite("sign-out", null, { sessionEnded: false }, "database unavailable; only the cookie was cleared");
  }
  await signOut({ redirectTo: "/" });
}

/**
 * "Sign out everywhere" on the account page: every session of the caller ends, this one too (the
 * same as signing out, said plainly for a lost phone or a shared computer left signed in).
 */
export async function signOutEverywhereAction(): Promise<{ message?: string; ok?: boolean }> {
  const g = await guardAction("contributor");
  if (g.refused !== undefined) {
    await logWrite("user.sign-out-everywhere-own", null, {}, g.reason);
    return { message: g.refused };
  }
  try {
    await endOwnSessions(db(), g.user);
  } catch (err) {
    await logWrite("user.sign-out-everywhere-own", g.user, {}, err);
    if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE };
    return { message: "That could not be done just now; nothing was changed." };
  }
  await logWrite("user.sign-out-everywhere-own", g.user);
  await signOut({ redirectTo: "/signed-out?why=everywhere" }); // clears this browser's cookie too, and ends the action with a redirect
  return { ok: true };
}
