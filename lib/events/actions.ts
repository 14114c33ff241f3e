"use server";
// Public HTTP endpoints behind the editor's forms. Each reads the caller from the session and
// hands it to a mutation, which checks the role itself; errors come back as messages and field
// errors together with the submitted values, so nothing typed is lost.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ForbiddenError } from "../auth/roles";
import { currentUser } from "../authz";
import { db } from "../db";
import { findPossibleDuplicates } from "./duplicates";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { createEvent, deleteEvent, restoreRevision, transitionEvent, updateEvent, type ChangeKind } from "./mutations";
import { textSchema, type EventInput, type NewActorInput } from "./schemas";
import { diffSnapshots, type FieldChange } from "./snapshot";

export interface EventFormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Present after a refused save: what is saved now, and how it differs from the editor's input. */
  conflict?: { current: EventInput; currentVersion: number; changedBy: string | null; differences: FieldChange[] };
  version?: number;
}

interface EventPayload {
  input: EventInput;
  newActors: NewActorInput[];
  baseVersion?: number;
  kind?: ChangeKind;
  note?: string;
}

// The envelope around the form's values. The values themselves are checked by the mutations
// (with field messages); this only makes sure the envelope is what the editor's form sends, so
// a hand-made request cannot reach them with, say, no input at all.
const payloadSchema = z.object({
  input: z.record(z.string(), z.unknown()),
  newActors: z.array(z.record(z.string(), z.unknown())).max(50).default([]),
  baseVersion: z.number().int().min(1).max(2 ** 31 - 1).optional(),
  kind: z.enum(["update", "correction"]).optional(),
  note: z.string().max(2000).optional(),
});

function readPayload(formData: FormData): EventPayload | null {
  try {
    const raw = formData.get("payload");
    if (typeof raw !== "string" || raw.length >= 2_000_000) return null;
    const parsed = payloadSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as unknown as EventPayload) : null;
  } catch {
    return null;
  }
}

/** A text field of the form; a file sent in its place counts as empty, never as "[object File]". */
const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
};

function toState(err: unknown, mine?: EventInput): EventFormState {
  if (err instanceof ConflictError) {
    return {
      message: `${err.changedBy ?? "Someone"} saved this event after you opened it. Your changes are still in the form; review the differences, then save again.`,
      conflict: { current: err.current, currentVersion: err.currentVersion, changedBy: err.changedBy, differences: mine ? diffSnapshots(err.current, { ...mine, status: err.current.status }) : [] },
    };
  }
  if (err instanceof InvalidInputError) return { message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ForbiddenError || err instanceof NotFoundError) return { message: err.message };
  console.error(JSON.stringify({ level: "error", msg: "event action failed", err: String(err) }));
  return { message: "The event could not be saved just now. Nothing was changed; please try again." };
}

export async function saveEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const user = await currentUser();
  const payload = readPayload(formData);
  if (!payload) return { message: "The form could not be read; reload the page and try again." };
  let savedId: string;
  try {
    if (payload.baseVersion === undefined) {
      savedId = (await createEvent(db(), user, payload.input, payload.newActors)).id;
    } else {
      const r = await updateEvent(db(), user, payload.input.id, payload.baseVersion, payload.input, { kind: payload.kind, note: payload.note, newActors: payload.newActors });
      savedId = r.id;
    }
  } catch (err) {
    return toState(err, payload.input);
  }
  revalidatePath("/events");
  revalidatePath(`/events/${savedId}`);
  redirect(`/editor/events/${savedId}?saved=1`);
}

export async function transitionEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const user = await currentUser();
  const id = field(formData, "id");
  const action = field(formData, "action") as "submit" | "publish" | "retract";
  if (!["submit", "publish", "retract"].includes(action)) return { message: "Unknown action." };
  try {
    await transitionEvent(db(), user, id, Number(formData.get("version")), action, field(formData, "reason"));
  } catch (err) {
    return toState(err);
  }
  revalidatePath("/events");
  revalidatePath(`/events/${id}`);
  redirect(`/editor/events/${id}?done=${action}`);
}

export async function restoreRevisionAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const user = await currentUser();
  const id = field(formData, "id");
  try {
    await restoreRevision(db(), user, id, Number(formData.get("version")), Number(formData.get("revision")));
  } catch (err) {
    return toState(err);
  }
  revalidatePath(`/events/${id}`);
  redirect(`/editor/events/${id}?done=restore`);
}

export async function deleteEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const user = await currentUser();
  const id = field(formData, "id");
  try {
    await deleteEvent(db(), user, id, Number(formData.get("version")), field(formData, "reason"));
  } catch (err) {
    return toState(err);
  }
  revalidatePath("/events");
  redirect("/editor?deleted=1");
}

/** Possible duplicates of an event being written: close dates with similar titles, or shared source URLs. */
// What the form sends while the editor types. Anything else (a hand-made call) finds nothing,
// rather than reaching the SQL with a number for a title or a NUL byte.
const duplicatesQuerySchema = z.object({
  id: textSchema().max(200).optional(),
  startDate: z.string().max(20),
  title: textSchema().max(10_000),
  urls: z.array(textSchema().max(2000)).max(200),
});

export async function findDuplicatesAction(input: { id?: string; startDate: string; title: string; urls: string[] }) {
  const user = await currentUser();
  if (!user) return [];
  const parsed = duplicatesQuerySchema.safeParse(input);
  return parsed.success ? findPossibleDuplicates(db(), parsed.data) : [];
}
