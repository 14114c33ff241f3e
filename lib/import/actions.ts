"use server";
import { revalidatePath } from "next/cache";
import { guardAction } from "../auth/guard";
import { ForbiddenError } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { importEvents, type ImportReport } from "./import-events";
import { MAX_BYTES } from "./rows";

export type ImportState = ImportReport & { message?: string; dryRun?: boolean };

const empty: ImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, newActors: [], errors: [], notes: [], committed: false };

async function readFile(value: FormDataEntryValue | null): Promise<string | null | "too-big"> {
  if (!(value instanceof File) || value.size === 0) return null;
  if (value.size > MAX_BYTES) return "too-big";
  return value.text();
}

export async function importCsvAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const dryRun = formData.get("mode") !== "commit";
  // The guard before any file is read: signed out, not allowed and database unavailable answer
  // in the same words as every other action (an outage used to read as "Sign in first.").
  const g = await guardAction("contributor");
  if (g.refused !== undefined) {
    await logWrite("import", null, { dryRun }, g.reason);
    return { ...empty, dryRun, message: g.refused };
  }
  const { user } = g;
  const [events, sources] = await Promise.all([readFile(formData.get("events")), readFile(formData.get("sources"))]);
  if (events === "too-big" || sources === "too-big") {
    await logWrite("import", user, { dryRun }, "file over 10 MB");
    return { ...empty, dryRun, message: "A file is larger than 10 MB; split it into smaller files." };
  }
  if (!events) {
    await logWrite("import", user, { dryRun }, "no events file");
    return { ...empty, dryRun, message: "Choose the events CSV file first." };
  }
  const status = String(formData.get("status") ?? "file") as "file" | "draft" | "in_review" | "published";
  try {
    const report = await importEvents(db(), user, { eventsCsv: events, sourcesCsv: sources ?? undefined, status, dryRun });
    if (report.committed) revalidatePath("/events");
    const counts = { dryRun, rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rowErrors: report.errors.length };
    await logWrite("import", user, counts, report.committed || dryRun ? undefined : "rows with errors");
    return { ...report, dryRun };
  } catch (err) {
    await logWrite("import", user, { dryRun }, err);
    if (reportDatabaseError(err)) return { ...empty, dryRun, message: NOTHING_SAVED_MESSAGE };
    if (err instanceof ForbiddenError) return { ...empty, dryRun, message: err.message };
    return { ...empty, dryRun, message: "The import could not be completed. Nothing was written; please try again." };
  }
}
