"use server";
// Public HTTP endpoints behind the editor's "Related events" section. The guard comes first (the
// same words as every other action for signed-out, not allowed and outage); the mutation checks
// the role again and whether this caller may edit the event (lib/relations/mutations.ts).
import { revalidatePath } from "next/cache";
import { guardAction } from "../auth/guard";
import { ForbiddenError } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { ConflictError, InvalidInputError, NotFoundError } from "../events/errors";
import { waitForReplicaCatchUp } from "../replica-catch-up";
import { logWrite } from "../request-log";
import { isRelationSlug, OUTGOING_LABEL } from "./kinds";
import { addRelation, removeRelation } from "./mutations";
import { searchEventsToLink, type EventChoice } from "./queries";

export interface RelationFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/** A text field of the form; a file sent in its place counts as empty. */
const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v.trim().slice(0, 300) : "";
};

function toState(err: unknown): RelationFormState {
  if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE };
  if (err instanceof ConflictError)
    return {
      message: `${err.changedBy ?? "Someone"} changed this event after you opened it. Nothing was linked or unlinked; reload the page and try again.`,
    };
  if (err instanceof InvalidInputError) return { message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ForbiddenError || err instanceof NotFoundError) return { message: err.message };
  return { message: "The link could not be saved just now. Nothing was changed; please try again." };
}

async function change(what: "add" | "remove", formData: FormData): Promise<RelationFormState> {
  const action = what === "add" ? "relation.add" : "relation.remove";
  const g = await guardAction("contributor");
  if (g.refused !== undefined) {
    await logWrite(action, null, {}, g.reason);
    return { message: g.refused };
  }
  const from = field(formData, "from");
  const kind = field(formData, "kind");
  const to = field(formData, "to").toLowerCase();
  const fields = { eventId: from, kind, to };
  if (!isRelationSlug(kind)) {
    await logWrite(action, g.user, fields, "unknown kind");
    return {
      message: "Choose the kind of relation from the list.",
      fieldErrors: { kind: ["Choose a kind of relation"] },
    };
  }
  if (!to) {
    await logWrite(action, g.user, fields, "no target");
    return {
      message: "Choose the other event: search its title, or type its public id.",
      fieldErrors: { to: ["Choose an event"] },
    };
  }
  try {
    const run = what === "add" ? addRelation : removeRelation;
    await run(db(), g.user, from, Number(formData.get("version")), { kind, id: to });
  } catch (err) {
    await logWrite(action, g.user, fields, err);
    return toState(err);
  }
  await logWrite(action, g.user, fields);
  await waitForReplicaCatchUp(); // the public pages read the replica: show the link there at once
  revalidatePath(`/editor/events/${from}`);
  revalidatePath(`/events/${from}`);
  revalidatePath(`/events/${to}`);
  return {
    ok: true,
    message:
      what === "add"
        ? `Linked: this event ${OUTGOING_LABEL[kind]} ${to}.`
        : `Unlinked: this event no longer ${OUTGOING_LABEL[kind]} ${to}.`,
  };
}

export async function addRelationAction(_prev: RelationFormState, formData: FormData): Promise<RelationFormState> {
  return change("add", formData);
}

export async function removeRelationAction(_prev: RelationFormState, formData: FormData): Promise<RelationFormState> {
  return change("remove", formData);
}

/** Events to link as the editor types a title or an id; signed out or during an outage, none. */
export async function searchEventsToLinkAction(text: unknown, excludeId?: unknown): Promise<EventChoice[]> {
  const g = await guardAction("contributor");
  if (g.refused !== undefined || typeof text !== "string" || text.length > 200) return [];
  try {
    return await searchEventsToLink(g.user, text, typeof excludeId === "string" ? excludeId : undefined);
  } catch (err) {
    if (reportDatabaseError(err)) return [];
    throw err;
  }
}
