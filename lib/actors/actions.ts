"use server";
// The editor's actor forms. Public HTTP endpoints like every server action: the role is checked
// here (guardAction) and again in the write (mutations.ts), never only by the page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardAction } from "../auth/guard";
import { ForbiddenError } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { ActorConflictError, ActorInputError, ActorNotFoundError } from "./errors";
import { MERGE_ROLE, mergeActors, updateActor } from "./mutations";
import type { ActorFormValues } from "./schemas";

export interface ActorFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was submitted, so a refused save loses nothing typed. */
  values?: ActorFormValues;
}

export interface MergeFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  merged?: string;
}

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
};
const versionOf = (formData: FormData) =>
  /^\d{1,9}$/.test(text(formData, "version")) ? Number(text(formData, "version")) : -1;

function refusal(err: unknown): { message: string; fieldErrors?: Record<string, string[]> } | null {
  if (err instanceof ActorInputError) return { message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ActorConflictError || err instanceof ActorNotFoundError || err instanceof ForbiddenError)
    return { message: err.message };
  if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE };
  return null;
}

function refreshPublic(...slugs: string[]) {
  revalidatePath("/actors");
  for (const s of slugs) revalidatePath(`/actors/${s}`);
}

export async function updateActorAction(_prev: ActorFormState, formData: FormData): Promise<ActorFormState> {
  const g = await guardAction("editor");
  if (g.refused !== undefined) {
    await logWrite("actor.update", null, {}, g.reason);
    return { message: g.refused };
  }
  const slug = text(formData, "slug");
  const values: ActorFormValues = {
    name: text(formData, "name"),
    kind: text(formData, "kind") as ActorFormValues["kind"],
    countryCode: text(formData, "countryCode"),
    aliases: text(formData, "aliases"),
    description: text(formData, "description"),
  };
  let saved: { slug: string; unchanged: boolean };
  try {
    saved = await updateActor(db(), g.user, slug, versionOf(formData), values);
    await logWrite("actor.update", g.user, { slug, unchanged: saved.unchanged });
  } catch (err) {
    await logWrite("actor.update", g.user, { slug }, err);
    const r = refusal(err);
    if (!r) return { message: "The actor could not be saved just now; nothing was saved. Please try again.", values };
    return { ...r, values };
  }
  refreshPublic(saved.slug);
  redirect(`/editor/actors/${saved.slug}?${saved.unchanged ? "unchanged" : "saved"}=1`);
}

export async function mergeActorsAction(_prev: MergeFormState, formData: FormData): Promise<MergeFormState> {
  const g = await guardAction(MERGE_ROLE);
  if (g.refused !== undefined) {
    await logWrite("actor.merge", null, {}, g.reason);
    return { message: g.refused };
  }
  const kept = text(formData, "slug");
  const merged = text(formData, "merged").trim().toLowerCase();
  if (text(formData, "confirm") !== "yes") {
    return {
      message: "Tick the box to confirm the merge: it cannot be undone.",
      fieldErrors: { confirm: ["Confirm the merge."] },
      merged,
    };
  }
  let result: { slug: string; moved: number; collapsed: number };
  try {
    result = await mergeActors(db(), g.user, kept, merged, versionOf(formData));
    await logWrite("actor.merge", g.user, { kept, merged, moved: result.moved, collapsed: result.collapsed });
  } catch (err) {
    await logWrite("actor.merge", g.user, { kept, merged }, err);
    const r = refusal(err);
    if (!r)
      return { message: "The actors could not be merged just now; nothing was changed. Please try again.", merged };
    return { ...r, merged };
  }
  refreshPublic(result.slug, merged);
  redirect(`/editor/actors/${result.slug}?merged=${encodeURIComponent(merged)}`);
}
