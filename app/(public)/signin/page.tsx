import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ssoSettings } from "@/lib/auth/sso-settings";
import { currentUser } from "@/lib/authz";
import { SignInForm } from "./sign-in-form";
import { SsoForm } from "./sso-form";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends a refused or failed provider sign-in back here with ?error=<its error type>.
// The refusal never says which check failed: that is in the log, for an admin.
const MESSAGES: Record<string, string> = {
  AccessDenied:
    "Single sign-on did not sign you in. It opens only an existing, enabled account with the email your provider has verified, linked to that provider account. Ask an admin if you need access.",
  DatabaseUnavailable:
    "Signing in is not possible just now: the database is unavailable. Please try again in a few seconds.",
  SsoUnavailable:
    "Single sign-on could not be started: the provider did not answer. Please try again later, or sign in with your email and password.",
};
const OTHER_ERROR = "Signing in did not work. Please try again.";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[]; error?: string | string[] }>;
}) {
  const { from, error } = await searchParams;
  if (await currentUser()) redirect("/editor");
  const sso = ssoSettings();
  const message =
    typeof error === "string" ? (Object.hasOwn(MESSAGES, error) ? MESSAGES[error] : OTHER_ERROR) : undefined;
  const back = typeof from === "string" ? from : undefined;
  return (
    <>
      <h1>Sign in</h1>
      <p>For editors and contributors. Readers need no account.</p>
      {message && (
        <div className="notice" role="alert">
          {message}
        </div>
      )}
      <SignInForm from={back} />
      {sso && <SsoForm from={back} name={sso.name} />}
    </>
  );
}
