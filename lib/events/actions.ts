"use server";
// Public HTTP endpoints behind the editor's forms. Each reads the caller from the session and
// hands it to a mutation, which checks the role itself; errors come back as messages and field
// errors together with the submitted values, so nothing typed is lost.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { guardAction } from "../auth/guard";
import { ForbiddenError, type SessionUser } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { waitForReplicaCatchUp } from "../replica-catch-up";
import { logWrite } from "../request-log";
import { findPossibleDuplicates } from "./duplicates";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { createEvent, deleteEvent, restoreRevision, transitionEvent, updateEvent } from "./mutations";
import { eventInputSchema, textSchema, type EventInput } from "./schemas";
import { diffSnapshots, type FieldChange } from "./snapshot";

export interface EventFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Present after a refused save: what is saved now, and how it differs from the editor's input. */
  conflict?: { current: EventInput; currentVersion: number; changedBy: string | null; differences: FieldChange[] };
  version?: number;
}

// The envelope around the form's values. The values themselves are checked by the mutations
// (with field messages); this only makes sure the envelope is what the editor's form sends, so
// a hand-made request cannot reach them with, say, no input at all.
const payloadSchema = z.object({
  input: z.record(z.string(), z.unknown()),
  newActors: z.array(z.record(z.string(), z.unknown())).max(50).default([]),
  baseVersion: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  kind: z.enum(["update", "correction"]).optional(),
  note: z.string().max(2000).optional(),
  confirmNotFound: z.string().max(2000).optional(),
});
type EventPayload = z.infer<typeof payloadSchema>;

function readPayload(formData: FormData): EventPayload | null {
  try {
    const raw = formData.get("payload");
    if (typeof raw !== "string" || raw.length >= 2_000_000) return null;
    const parsed = payloadSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A text field of the form; a file sent in its place counts as empty, never as "[object File]". */
const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
};

/** The editor's input parsed as the mutation parses it (the saved status kept), so that only real differences show. */
function differencesFrom(current: EventInput, mine: Record<string, unknown> | undefined): FieldChange[] {
  const parsed = eventInputSchema.safeParse({ ...mine, status: current.status });
  return parsed.success ? diffSnapshots(current, parsed.data) : [];
}

function toState(err: unknown, mine?: Record<string, unknown>): EventFormState {
  // An outage is not the editor's fault and not a bug: say so, and that nothing was written
  // (each write is one transaction, so a failed one left nothing behind).
  if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE };
  if (err instanceof ConflictError) {
    return {
      message: `${err.changedBy ?? "Someone"} saved this event after you opened it. Your changes are still in the form; review the differences, then save again.`,
      conflict: {
        current: err.current,
        currentVersion: err.currentVersion,
        changedBy: err.changedBy,
        differences: mine ? differencesFrom(err.current, mine) : [],
      },
    };
  }
  if (err instanceof InvalidInputError) return { message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ForbiddenError || err instanceof NotFoundError) return { message: err.message };
  return { message: "The event could not be saved just now. Nothing was changed; please try again." };
}

// The guard comes first (lib/auth/guard.ts): signed out, not allowed and database unavailable
// are answered in the same words as every other action, before the form is even read. The
// mutation checks the role again (assertRole), since it can be reached without an action.
// A refusal is logged like any other refused write (one line per attempt).
async function guarded(action: string): Promise<{ user: SessionUser } | { refused: EventFormState }> {
  const g = await guardAction("contributor");
  if (g.refused === undefined) return { user: g.user };
  await logWrite(action, null, {}, g.reason);
  return { refused: { message: g.refused } };
}

export async function saveEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const caller = await guarded("event.save");
  if ("refused" in caller) return caller.refused;
  const { user } = caller;
  const payload = readPayload(formData);
  if (!payload) {
    await logWrite("event.save", user, {}, "unreadable form");
    return { message: "The form could not be read; reload the page and try again." };
  }
  // The input is checked by the mutation (field messages); its id is only read here, and one that
  // is not text finds no event.
  const inputId = typeof payload.input.id === "string" ? payload.input.id : null;
  let savedId: string;
  try {
    if (payload.baseVersion === undefined) {
      savedId = (
        await createEvent(db(), user, payload.input, payload.newActors, { confirmNotFound: payload.confirmNotFound })
      ).id;
    } else {
      const r = await updateEvent(db(), user, inputId ?? "", payload.baseVersion, payload.input, {
        kind: payload.kind,
        note: payload.note,
        newActors: payload.newActors,
        confirmNotFound: payload.confirmNotFound,
      });
      savedId = r.id;
    }
  } catch (err) {
    await logWrite("event.save", user, { eventId: inputId }, err);
    return toState(err, payload.input);
  }
  await logWrite("event.save", user, { eventId: savedId, created: payload.baseVersion === undefined });
  await waitForReplicaCatchUp(); // so the public page the editor opens next shows the change (lib/replica-catch-up.ts)
  revalidatePath("/events");
  revalidatePath(`/events/${savedId}`);
  redirect(`/editor/events/${savedId}?saved=1`);
}

export async function transitionEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const caller = await guarded("event.transition");
  if ("refused" in caller) return caller.refused;
  const { user } = caller;
  const id = field(formData, "id");
  const action = field(formData, "action") as "submit" | "publish" | "retract";
  if (!["submit", "publish", "retract"].includes(action)) {
    await logWrite("event.transition", user, { eventId: id }, "unknown action");
    return { message: "Unknown action." };
  }
  try {
    // The reason counts only with the box ticked: confirming is a deliberate act.
    const confirmNotFound = formData.get("confirm") === "yes" ? field(formData, "confirmReason") : undefined;
    await transitionEvent(
      db(),
      user,
      id,
      Number(formData.get("version")),
      action,
      field(formData, "reason"),
      confirmNotFound,
    );
  } catch (err) {
    await logWrite(`event.${action}`, user, { eventId: id }, err);
    return toState(err);
  }
  await logWrite(`event.${action}`, user, { eventId: id });
  await waitForReplicaCatchUp(); // "Readers can see it now" must be true on the replica too
  revalidatePath("/events");
  revalidatePath(`/events/${id}`);
  redirect(`/editor/events/${id}?done=${action}`);
}

export async function restoreRevisionAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const caller = await guarded("event.restore");
  if ("refused" in caller) return caller.refused;
  const { user } = caller;
  const id = field(formData, "id");
  try {
    await restoreRevision(db(), user, id, Number(formData.get("version")), Number(formData.get("revision")));
  } catch (err) {
    await logWrite("event.restore", user, { eventId: id, revision: Number(formData.get("revision")) }, err);
    return toState(err);
  }
  await logWrite("event.restore", user, { eventId: id, revision: Number(formData.get("revision")) });
  await waitForReplicaCatchUp();
  revalidatePath(`/events/${id}`);
  redirect(`/editor/events/${id}?done=restore`);
}

export async function deleteEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const caller = await guarded("event.delete");
  if ("refused" in caller) return caller.refused;
  const { user } = caller;
  const id = field(formData, "id");
  try {
    await deleteEvent(db(), user, id, Number(formData.get("version")), field(formData, "reason"));
  } catch (err) {
    await logWrite("event.delete", user, { eventId: id }, err);
    return toState(err);
  }
  await logWrite("event.delete", user, { eventId: id });
  revalidatePath("/events");
  redirect("/editor?deleted=1");
}

// What the form sends while the editor types. Anything else (a hand-made call) finds nothing,
// rather than reaching the SQL with a number for a title or a NUL byte.
const duplicatesQuerySchema = z.object({
  id: textSchema().max(200).optional(),
  startDate: z.string().max(20),
  title: textSchema().max(10_000),
  urls: z.array(textSchema().max(2000)).max(200),
});

/** Possible duplicates of an event being written: close dates with similar titles, or shared source URLs. */
export async function findDuplicatesAction(input: { id?: string; startDate: string; title: string; urls: string[] }) {
  // A hint while typing: signed out, or during an outage, there is simply none.
  const g = await guardAction("contributor");
  if (g.refused !== undefined) return [];
  try {
    const parsed = duplicatesQuerySchema.safeParse(input);
    return parsed.success ? await findPossibleDuplicates(db(), g.user, parsed.data) : [];
  } catch (err) {
    if (reportDatabaseError(err)) return [];
    throw err;
  }
}
