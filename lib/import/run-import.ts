import "server-only";
// POST /editor/uploads/import: the CSV import form's files, checked ("dry run") or imported. A
// route handler rather than a server action, so the two files have a limit of their own (see
// lib/uploads/accept-upload.ts): the role is checked before the body is read.
import { revalidatePath } from "next/cache";
import { ForbiddenError } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { acceptUpload, jsonAnswer } from "../uploads/accept-upload";
import { emptyImportReport } from "./empty-report";
import { importEvents, type ImportOptions, type ImportReport } from "./import-events";
import { MAX_BYTES, MAX_UPLOAD_BYTES, TOO_BIG_MESSAGE } from "./limits";

export type ImportState = ImportReport & { message?: string; dryRun?: boolean };

export const emptyImportState: ImportReport = emptyImportReport();

const STATUSES = new Set<ImportOptions["status"]>(["file", "draft", "in_review", "published"]);

async function readFile(value: FormDataEntryValue | null): Promise<string | null | "too-big"> {
  if (!(value instanceof File) || value.size === 0) return null;
  if (value.size > MAX_BYTES) return "too-big";
  return value.text();
}

export async function importUpload(request: Request): Promise<Response> {
  const accepted = await acceptUpload(request, {
    action: "import",
    role: "contributor",
    maxBytes: MAX_UPLOAD_BYTES,
    tooBig: TOO_BIG_MESSAGE,
  });
  if (accepted.response) return accepted.response;
  const { user, form } = accepted;
  const answer = (state: ImportState, status = 200) => jsonAnswer(state, status);
  const dryRun = form.get("mode") !== "commit";
  const [events, sources] = await Promise.all([readFile(form.get("events")), readFile(form.get("sources"))]);
  if (events === "too-big" || sources === "too-big") {
    await logWrite("import", user, { dryRun }, "file over 10 MB");
    return answer({ ...emptyImportState, dryRun, message: TOO_BIG_MESSAGE }, 413);
  }
  if (!events) {
    await logWrite("import", user, { dryRun }, "no events file");
    return answer({ ...emptyImportState, dryRun, message: "Choose the events CSV file first." }, 400);
  }
  // The form offers these four; anything else was not sent by it.
  const status = String(form.get("status") ?? "file") as ImportOptions["status"];
  if (!STATUSES.has(status)) {
    await logWrite("import", user, { dryRun }, "unknown status");
    return answer({ ...emptyImportState, dryRun, message: "Choose the status of new events from the list." }, 400);
  }
  try {
    // The file's name is not passed on: revision notes are public (issue 17, item 12).
    const report = await importEvents(db(), user, {
      eventsCsv: events,
      sourcesCsv: sources ?? undefined,
      status,
      dryRun,
    });
    if (report.committed) revalidatePath("/events");
    const counts = {
      dryRun,
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rowErrors: report.errors.length,
    };
    await logWrite("import", user, counts, report.committed || dryRun ? undefined : "rows with errors");
    return answer({ ...report, dryRun });
  } catch (err) {
    await logWrite("import", user, { dryRun }, err);
    if (reportDatabaseError(err)) return answer({ ...emptyImportState, dryRun, message: NOTHING_SAVED_MESSAGE }, 503);
    if (err instanceof ForbiddenError) return answer({ ...emptyImportState, dryRun, message: err.message }, 403);
    return answer(
      {
        ...emptyImportState,
        dryRun,
        message: "The import could not be completed. Nothing was written; please try again.",
      },
      500,
    );
  }
}
