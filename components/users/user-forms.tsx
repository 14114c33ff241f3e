"use client";
import { useActionState } from "react";
import { FieldError, errorProps } from "@/components/ui/field-error";
import { createUserAction, manageUserAction, type UserFormState } from "@/lib/users/actions";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, {});
  const e = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="editor-form" aria-label="Create an account">
      {state.message && (
        <div className="notice" role={state.ok ? "status" : "alert"}>
          {state.message}
        </div>
      )}
      <div className="row">
        <div>
          <label htmlFor="nu-email">Email</label>
          <input
            id="nu-email"
            name="email"
            type="email"
            required
            defaultValue={v.email}
            key={`e${v.email}`}
            {...errorProps("nu-email", e.email)}
          />
          <FieldError id="nu-email-error" messages={e.email} />
        </div>
        <div>
          <label htmlFor="nu-name">Name</label>
          <input
            id="nu-name"
            name="name"
            required
            defaultValue={v.name}
            key={`n${v.name}`}
            {...errorProps("nu-name", e.name)}
          />
          <FieldError id="nu-name-error" messages={e.name} />
        </div>
        <div>
          <label htmlFor="nu-role">Role</label>
          <select id="nu-role" name="role" defaultValue={v.role ?? "contributor"} key={`r${v.role}`}>
            <option value="contributor">contributor</option>
            <option value="editor">editor</option>
            <option value="admin">admin</option>
          </select>
        </div>
        <div>
          <label htmlFor="nu-password">Password (12 to 256 characters; blank for single sign-on only)</label>
          <input
            id="nu-password"
            name="password"
            type="password"
            autoComplete="new-password"
            {...errorProps("nu-password", e.password)}
          />
          <FieldError id="nu-password-error" messages={e.password} />
        </div>
        <button className="button" type="submit" disabled={pending}>
          Create account
        </button>
      </div>
    </form>
  );
}

export function UserControls({
  userId,
  email,
  role,
  disabled,
}: {
  userId: number;
  email: string;
  role: string;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(manageUserAction, {});
  const hidden = <input type="hidden" name="userId" value={userId} />;
  return (
    <div className="user-controls">
      {state.message && (
        <p className={state.ok ? "muted" : "field-error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </p>
      )}
      <form action={action} className="inline-form">
        {hidden}
        <input type="hidden" name="op" value="role" />
        <label htmlFor={`role-${userId}`}>Role for {email}</label>
        <select id={`role-${userId}`} name="role" defaultValue={role}>
          <option value="contributor">contributor</option>
          <option value="editor">editor</option>
          <option value="admin">admin</option>
        </select>
        <button className="button secondary" disabled={pending}>
          Change role
        </button>
      </form>
      <form action={action} className="inline-form">
        {hidden}
        <input type="hidden" name="op" value={disabled ? "enable" : "disable"} />
        <button
          className="button secondary"
          disabled={pending}
          aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
        >
          {disabled ? "Enable" : "Disable"}
        </button>
      </form>
      <form action={action} className="inline-form">
        {hidden}
        <input type="hidden" name="op" value="signout" />
        <button className="button secondary" disabled={pending} aria-label={`Sign ${email} out everywhere`}>
          Sign out everywhere
        </button>
      </form>
      <form action={action} className="inline-form">
        {hidden}
        <input type="hidden" name="op" value="reset" />
        <label htmlFor={`pw-${userId}`}>New password for {email}</label>
        <input id={`pw-${userId}`} name="password" type="password" autoComplete="new-password" />
        <button className="button secondary" disabled={pending}>
          Reset password
        </button>
      </form>
    </div>
  );
}
