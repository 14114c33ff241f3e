"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardAction } from "../auth/guard";
import { ForbiddenError, type Role } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { InvalidInputError } from "../events/errors";
import { changeOwnPassword, changeRole, createUser, resetPassword, setDisabled, signOutEverywhere } from "./mutations";

export interface UserFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

// The guard first (lib/auth/guard.ts): signed out, not allowed and database unavailable answer
// in the same words as every other action, before the form is read (an outage used to read as
// "Sign in first."). The mutation checks the role again, since it can be reached without an action.
async function refusal(
  action: string,
  g: { refused: string; reason: string },
  values?: Record<string, string>,
): Promise<UserFormState> {
  await logWrite(action, null, {}, g.reason);
  return { message: g.refused, values };
}

/** `log` names the write and its target for the log line; never the password fields. */
async function run(
  fn: () => Promise<unknown>,
  success: string,
  log: Parameters<typeof logWrite>,
  values?: Record<string, string>,
): Promise<UserFormState> {
  try {
    await fn();
  } catch (err) {
    await logWrite(log[0], log[1], log[2], err);
    if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE, values };
    if (err instanceof InvalidInputError) return { message: err.message, fieldErrors: err.fieldErrors, values };
    if (err instanceof ForbiddenError) return { message: err.message, values };
    return { message: "That could not be done just now; nothing was changed.", values };
  }
  await logWrite(log[0], log[1], log[2]);
  revalidatePath("/admin/users");
  return { ok: true, message: success };
}

export async function createUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const g = await guardAction("admin");
  const values = {
    email: String(form.get("email") ?? ""),
    name: String(form.get("name") ?? ""),
    role: String(form.get("role") ?? "contributor"),
  };
  if (g.refused !== undefined) return refusal("user.create", g, values);
  const { user } = g;
  const password = String(form.get("password") ?? "");
  return run(
    () => createUser(db(), user, { ...values, role: values.role as Role, password: password || undefined }),
    `Created ${values.email}.`,
    ["user.create", user, { email: values.email, role: values.role }],
    values,
  );
}

/** One action for the per-user controls; `op` says which. */
export async function manageUserAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const g = await guardAction("admin");
  if (g.refused !== undefined) return refusal("user.manage", g);
  const { user } = g;
  const id = Number(form.get("userId"));
  const log = (action: string, extra: Record<string, unknown> = {}): Parameters<typeof logWrite> => [
    action,
    user,
    { targetUserId: id, ...extra },
  ];
  switch (form.get("op")) {
    case "role":
      return run(
        () => changeRole(db(), user, id, String(form.get("role")) as Role),
        "Role changed.",
        log("user.role", { role: String(form.get("role")) }),
      );
    case "disable":
      return run(
        () => setDisabled(db(), user, id, true),
        "Account disabled and signed out everywhere.",
        log("user.disable"),
      );
    case "enable":
      return run(() => setDisabled(db(), user, id, false), "Account enabled.", log("user.enable"));
    case "reset":
      return run(
        () => resetPassword(db(), user, id, String(form.get("password") ?? ""), String(form.get("current") ?? "")),
        "Password reset; the user's sessions have ended.",
        log("user.reset-password"),
      );
    case "signout":
      return run(() => signOutEverywhere(db(), user, id), "Signed out everywhere.", log("user.sign-out-everywhere"));
    default:
      await logWrite("user.manage", user, { targetUserId: id }, "unknown action");
      return { message: "Unknown action." };
  }
}

export async function changeOwnPasswordAction(_prev: UserFormState, form: FormData): Promise<UserFormState> {
  const g = await guardAction("contributor");
  if (g.refused !== undefined) return refusal("user.change-own-password", g);
  const { user } = g;
  const state = await run(
    () => changeOwnPassword(db(), user, String(form.get("current") ?? ""), String(form.get("next") ?? "")),
    "Password changed. Sign in again with the new password.",
    ["user.change-own-password", user],
  );
  // Every session has ended, this one too: say so on a page that needs none (the cookie left in
  // this browser no longer matches the account and is cleared on the next request).
  if (state.ok) redirect("/signed-out?why=password");
  return state;
}
