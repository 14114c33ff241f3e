"use server";
import { revalidatePath } from "next/cache";
import { guardAction } from "../auth/guard";
import { ForbiddenError } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { InvalidInputError } from "../events/errors";
import { logWrite } from "../request-log";
import { createRelease } from "./create";

export interface ReleaseFormState {
  ok?: boolean;
  message?: string;
  version?: string;
  fieldErrors?: Record<string, string[]>;
  values?: { title: string; description: string };
}

/** Admins make releases; createRelease checks the role again (it is reachable without this action). */
export async function createReleaseAction(_prev: ReleaseFormState, form: FormData): Promise<ReleaseFormState> {
  const g = await guardAction("admin");
  const values = { title: String(form.get("title") ?? ""), description: String(form.get("description") ?? "") };
  if (g.refused !== undefined) {
    await logWrite("release.create", null, {}, g.reason);
    return { message: g.refused, values };
  }
  const { user } = g;
  try {
    const made = await createRelease(db(), user, { title: values.title, description: values.description || undefined });
    await logWrite("release.create", user, { version: made.version });
    revalidatePath("/data/releases");
    return {
      ok: true,
      version: made.version,
      message: `Release ${made.version} is made: ${made.eventCount.toLocaleString("en")} events, ${made.sourceCount.toLocaleString("en")} sources.`,
    };
  } catch (err) {
    await logWrite("release.create", user, {}, err);
    if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE, values };
    if (err instanceof InvalidInputError) return { message: err.message, fieldErrors: err.fieldErrors, values };
    if (err instanceof ForbiddenError) return { message: err.message, values };
    return { message: "The release could not be made just now; nothing was saved.", values };
  }
}
