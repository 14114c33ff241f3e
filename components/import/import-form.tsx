"use client";
// The CSV import form. "Check file" and "Import" post the same form, as it stands, to the
// upload route: nothing is reset after a check, so "Import" sends exactly the files and the
// status choice that were checked. Changing any of them clears the last result, which no longer
// describes what "Import" would send.
import { useState, type FormEvent } from "react";
import { emptyImportReport } from "@/lib/import/empty-report";
import { MAX_BYTES, TOO_BIG_MESSAGE } from "@/lib/import/limits";
import type { ImportState } from "@/lib/import/run-import";
import { postUpload } from "@/lib/uploads/post-upload";

type Mode = "dry-run" | "commit";

const initial: ImportState = emptyImportReport();
const refused = (message: string, dryRun: boolean): ImportState => ({ ...initial, dryRun, message });

async function send(form: FormData, mode: Mode): Promise<ImportState> {
  form.set("mode", mode);
  const dryRun = mode !== "commit";
  for (const name of ["events", "sources"]) {
    const file = form.get(name);
    if (file instanceof File && file.size > MAX_BYTES) return refused(TOO_BIG_MESSAGE, dryRun);
  }
  const answer = await postUpload<ImportState>("/editor/uploads/import", form);
  return "rows" in answer ? answer : refused(answer.message, dryRun);
}

export function ImportForm({ canChooseStatus }: { canChooseStatus: boolean }) {
  const [state, setState] = useState<ImportState | null>(null);
  const [pending, setPending] = useState<Mode | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const mode: Mode =
      ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === "commit" ? "commit" : "dry-run";
    const form = new FormData(e.currentTarget);
    setPending(mode);
    setState(null);
    try {
      setState(await send(form, mode));
    } finally {
      setPending(null);
    }
  }

  return (
    <form className="editor-form" onSubmit={submit} onChange={() => setState(null)}>
      <label htmlFor="imp-events">Events CSV (the format of /events.csv; up to 10 MB and 10,000 rows)</label>
      <input id="imp-events" name="events" type="file" accept=".csv,text/csv" required />
      <label htmlFor="imp-sources">Sources CSV (optional; the format of /sources.csv)</label>
      <input id="imp-sources" name="sources" type="file" accept=".csv,text/csv" />
      {canChooseStatus ? (
        <>
          <label htmlFor="imp-status">Status of new events</label>
          <select id="imp-status" name="status" defaultValue="file">
            <option value="file">As in the file’s status column</option>
            <option value="draft">Draft</option>
            <option value="in_review">In review</option>
            <option value="published">Published</option>
          </select>
        </>
      ) : (
        <p className="muted">Your imported events will be drafts.</p>
      )}
      <p className="actions">
        <button className="button secondary" type="submit" name="mode" value="dry-run" disabled={pending !== null}>
          Check file (writes nothing)
        </button>
        <button className="button" type="submit" name="mode" value="commit" disabled={pending !== null}>
          Import
        </button>
      </p>
      {pending && (
        <p role="status">
          <progress aria-label={pending === "commit" ? "Importing" : "Checking"} />{" "}
          {pending === "commit" ? "Importing…" : "Checking every row…"}
        </p>
      )}
      {!pending && state && <ImportResult state={state} />}
    </form>
  );
}

/** "1 row: 1 new, …". */
export function importSummary(state: ImportState): string {
  return `${state.rows} ${state.rows === 1 ? "row" : "rows"}: ${state.created} new, ${state.updated} changed, ${state.unchanged} unchanged${state.newActors.length ? `; new actors: ${state.newActors.join(", ")}` : ""}.`;
}

function ImportResult({ state }: { state: ImportState }) {
  if (state.message || state.fileError)
    return (
      <div className="notice" role="alert">
        {state.message ?? state.fileError}
      </div>
    );
  if (state.errors.length) {
    return (
      <section className="notice" role="alert" aria-label="Import errors">
        <p>
          <strong>
            {state.errors.length} problem{state.errors.length === 1 ? "" : "s"} found. Nothing was written.
          </strong>{" "}
          Fix the file and check it again.
        </p>
        <table className="codebook">
          <caption className="visually-hidden">Problems by row and column</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {state.errors.slice(0, 500).map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }
  return (
    <div className="notice" role="status">
      {state.dryRun ? (
        <p>
          <strong>The file is valid.</strong> Importing it would give: {importSummary(state)}
        </p>
      ) : (
        <p>
          <strong>Imported.</strong> {importSummary(state)}
        </p>
      )}
      {state.notes.length > 0 && (
        <ul>
          {state.notes.slice(0, 100).map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
