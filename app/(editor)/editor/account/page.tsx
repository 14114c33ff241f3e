import type { Metadata } from "next";
import { ChangePasswordForm, SignOutEverywhereForm } from "@/components/users/account-forms";
import { requireUser } from "@/lib/authz";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("contributor", "/editor/account");
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as {user.email} ({user.role}).
      </p>
      <h2>Change your password</h2>
      <p>Changing it ends all your sessions, this one included: sign in again with the new password.</p>
      <ChangePasswordForm />
      <h2>Sign out everywhere</h2>
      <p>
        Ends your sessions on every device and browser, this one included, for example after using a shared computer or
        losing a phone. Signing out anywhere does the same: a session is never kept alive on the server after you sign
        out.
      </p>
      <SignOutEverywhereForm />
    </>
  );
}
