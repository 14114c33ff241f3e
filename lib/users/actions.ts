"use server";
import { revalidatePath } from "next/cache";
import { ForbiddenError, type Role } from "../auth/roles";
import { currentUser } from "../authz";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { InvalidInputError } from "../events/errors";
import { changeOwnPassword, changeRole, createUser, resetPassword, setDisabled, signOutEverywhere } from "./mutations";

export interface UserFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

async function run(fn: () => Promise<unknown>, success: string, values?: Record<string, string>): Promise<UserFormState> {
  try {
    await fn();
  } catch (err) {
    if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE, values };
    if (err instanceof InvalidInputError) return { message: err.message, fieldErrors: err.fieldErrors, values };
    if (err instanceof ForbiddenError) return { message: err.message, values };
    console.error(JSON.stringify({ level: "error", msg: "user action failed", err: String(err) }));
    return { message: "That could not be done just now; nothing was changed.", values };
  }
  revalidatePath("/admin/users");
  return { ok: true, message: success };
}

export async function createUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const user = await currentUser();
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role: String(form.get("role") ?? "contributor") };
  const password = String(form.get("password") ?? "");
  return run(() => createUser(db(), user, { ...values, role: values.role as Role, password: password || undefined }), `Created ${values.email}.`, values);
}

/** One action for the per-user controls; `op` says which. */
export async function manageUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const user = await currentUser();
  const id = Number(form.get("userId"));
  switch (form.get("op")) {
    case "role":
      return run(() => changeRole(db(), user, id, String(form.get("role")) as Role), "Role changed.");
    case "disable":
      return run(() => setDisabled(db(), user, id, true), "Account disabled and signed out everywhere.");
    case "enable":
      return run(() => setDisabled(db(), user, id, false), "Account enabled.");
    case "reset":
      return run(() => resetPassword(db(), user, id, String(form.get("password") ?? "")), "Password reset; the user's sessions have ended.");
    case "signout":
      return run(() => signOutEverywhere(db(), user, id), "Signed out everywhere.");
    default:
      return { message: "Unknown action." };
  }
}

export async function changeOwnPasswordAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const user = await currentUser();
  return run(() => changeOwnPassword(db(), user, String(form.get("current") ?? ""), String(form.get("next") ?? "")), "Password changed. Sign in again with the new password.");
}
