"use client";
// The signed-in user's own account: change the password, end every session.
import { useActionState } from "react";
import { FieldError, errorProps } from "@/components/ui/field-error";
import { signOutEverywhereAction } from "@/lib/auth/actions";
import { changeOwnPasswordAction, type UserFormState } from "@/lib/users/actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(changeOwnPasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="editor-form" aria-label="Change your password">
      {state.message && (
        <div className="notice" role={state.ok ? "status" : "alert"}>
          {state.message}
        </div>
      )}
      <div>
        <label htmlFor="pw-current">Current password</label>
        <input
          id="pw-current"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          {...errorProps("pw-current", e.current)}
        />
        <FieldError id="pw-current-error" messages={e.current} />
      </div>
      <div>
        <label htmlFor="pw-next">New password (12 to 256 characters)</label>
        <input
          id="pw-next"
          name="next"
          type="password"
          autoComplete="new-password"
          required
          {...errorProps("pw-next", e.next)}
        />
        <FieldError id="pw-next-error" messages={e.next} />
      </div>
      <button className="button" type="submit" disabled={pending}>
        Change password
      </button>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(signOutEverywhereAction, {});
  return (
    <form action={action} aria-label="Sign out everywhere">
      {state.message && (
        <div className="notice" role={state.ok ? "status" : "alert"}>
          {state.message}
        </div>
      )}
      <button className="button secondary" type="submit" disabled={pending}>
        Sign out everywhere
      </button>
    </form>
  );
}
