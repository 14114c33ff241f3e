import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Signed out" };

// Where a password change and "sign out everywhere" land: both end every session of the user,
// the one in this browser included, so the confirmation has to be a page that needs no session.
const REASONS: Record<string, string> = {
  password:
    "Your password was changed, and you were signed out on every device and browser. Sign in again with the new password.",
  everywhere: "You were signed out on every device and browser, this one included.",
};

export default async function SignedOutPage({ searchParams }: { searchParams: Promise<{ why?: string | string[] }> }) {
  const { why } = await searchParams;
  const text = typeof why === "string" && Object.hasOwn(REASONS, why) ? REASONS[why] : "You are signed out.";
  return (
    <>
      <h1>Signed out</h1>
      <p role="status">{text}</p>
      <p>
        <Link href="/signin?from=/editor">Sign in</Link>
      </p>
    </>
  );
}
