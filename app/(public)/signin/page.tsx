import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/authz";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  if (await currentUser()) redirect("/editor");
  const sso = process.env.OIDC_ISSUER ? (process.env.OIDC_NAME ?? "single sign-on") : undefined;
  return (
    <>
      <h1>Sign in</h1>
      <p>For editors and contributors. Readers need no account.</p>
      <SignInForm from={typeof from === "string" ? from : undefined} sso={sso} />
    </>
  );
}
