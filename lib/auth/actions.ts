"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "../auth";
import { reportDatabaseError } from "../database-breaker";
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
    await signIn("credentials", { email, password: String(formData.get("password") ?? ""), redirectTo: localPath(formData.get("from")) });
    return {};
  } catch (err) {
    // Auth.js wraps what authorize() throws; an outage must not read as a wrong password.
    if (err instanceof AuthError && reportDatabaseError(err)) {
      return { email, message: "Signing in is not possible just now: the database is unavailable. Please try again in a few seconds." };
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

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
