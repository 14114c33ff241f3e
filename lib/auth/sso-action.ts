"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "../auth";
import { localPath } from "./local-path";

// Starts single sign-on: Auth.js only starts a provider's sign-in from a POST (with its state,
// PKCE and nonce cookies set here), never from a link. `from` is attacker-controlled: only a
// local path (local-path.ts) is kept, or the provider's return would be an open redirect.
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const from = localPath(formData.get("from"));
  try {
    await signIn("sso", { redirectTo: from });
  } catch (err) {
    // The provider could not be reached or answered wrongly (Auth.js has logged why).
    if (err instanceof AuthError) redirect(`/signin?${new URLSearchParams({ error: "SsoUnavailable", from })}`);
    throw err; // the redirect to the provider
  }
}
