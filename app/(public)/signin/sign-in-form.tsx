"use client";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";

export function SignInForm({ from }: { from?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="editor-form narrow">
      {state.message && (
        <div className="notice" role="alert">
          {state.message}
        </div>
      )}
      <input type="hidden" name="from" value={from ?? "/editor"} />
      <label htmlFor="si-email">Email</label>
      <input id="si-email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      <label htmlFor="si-password">Password</label>
      <input
        id="si-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
      />
      <p>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </p>
    </form>
  );
}
