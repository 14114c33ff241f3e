import "server-only";
// The first line of every server action and editor route handler: who is asking, and may they?
// One guard, so every write answers "sign in first", "not allowed" and "the database is
// unavailable; nothing was saved" in the same words, and an outage never reads as a signed-out
// editor. Each action turns `refused` into its own state shape; the mutation behind it checks the
// role again (assertRole), since a mutation can be reached without an action.
import { currentUser } from "../authz";
import { breakerState, databaseIsAvailable } from "../breaker-state";
import { reportDatabaseError } from "../database-breaker";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { ForbiddenError, hasRole, type Role, type SessionUser } from "./roles";

export const SIGN_IN_FIRST = "Sign in first.";
export const NOT_ALLOWED = new ForbiddenError().message;

export type Guarded =
  | { user: SessionUser; refused?: undefined }
  | { user?: undefined; refused: string; reason: "unavailable" | "signed-out" | "forbidden" };

export async function guardAction(min: Role): Promise<Guarded> {
  // While the database is known to be down, answer at once rather than wait for a connection.
  if (!databaseIsAvailable()) return { refused: NOTHING_SAVED_MESSAGE, reason: "unavailable" };
  let user: SessionUser | null;
  try {
    user = await currentUser();
  } catch (err) {
    if (reportDatabaseError(err)) return { refused: NOTHING_SAVED_MESSAGE, reason: "unavailable" };
    throw err;
  }
  if (!user) {
    // Auth.js swallows an error in its session callback and reports "no session": when the
    // database went away meanwhile, or a probe is still deciding whether it did (a request ran
    // out of time waiting for a busy pool), that is the database, not a signed-out editor.
    const unsure = !databaseIsAvailable() || breakerState.confirming;
    return unsure
      ? { refused: NOTHING_SAVED_MESSAGE, reason: "unavailable" }
      : { refused: SIGN_IN_FIRST, reason: "signed-out" };
  }
  if (!hasRole(user, min)) return { refused: NOT_ALLOWED, reason: "forbidden" };
  return { user };
}
