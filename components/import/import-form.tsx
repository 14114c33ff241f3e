"use client";
import { useActionState, useState } from "react";
import { importCsvAction, type ImportState } from "@/lib/import/actions";

const initial: ImportState = { rows: 0, created: 0, updated: 0, unchanged: 0, newActors: [], errors: [], notes: [], committed: false };

export function ImportForm({ canChooseStatus }: { canChooseStatus: boolean }) {
  const [state, action, pending] = useActionState(importCsvAction, initial);
  const [mode, setMode] = useState<"dry-run" | "commit">("dry-run");
  const checked = state.rows > 0 || state.fileError || state.message;
  return (
    <form action={action} className="editor-form" onSubmit={(e) => setMode(((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement)?.value as "dry-run" | "commit")}>
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
      ) : <p className="muted">Your imported events will be drafts.</p>}
      <p className="actions">
        <button className="button secondary" type="submit" name="mode" value="dry-run" disabled={pending}>Check file (writes nothing)</button>
        <button className="button" type="submit" name="mode" value="commit" disabled={pending}>Import</button>
      </p>
      {pending && (
        <p role="status">
          <progress aria-label={mode === "commit" ? "Importing" : "Checking"} /> {mode === "commit" ? "Importing…" : "Checking every row…"}
        </p>
      )}
      {!pending && checked && <ImportResult state={state} />}
    </form>
  );
}

function ImportResult({ state }: { state: ImportState }) {
  if (state.message || state.fileError) return <div className="notice" role="alert">{state.message ?? state.fileError}</div>;
  const summary = `${state.rows} ${state.rows === 1 ? "row" : "rows"}: ${state.created} new, ${state.updated} changed, ${state.unchanged} unchanged${state.newActors.length ? `; new actors: ${state.newActors.join(", ")}` : ""}.`;
  if (state.errors.length) {
    return (
      <section className="notice" role="alert" aria-label="Import errors">
        <p><strong>{state.errors.length} problem{state.errors.length === 1 ? "" : "s"} found. Nothing was written.</strong> Fix the file and check it again.</p>
        <table className="codebook">
          <caption className="visually-hidden">Problems by row and column</caption>
          <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
          <tbody>{state.errors.slice(0, 500).map((e, i) => <tr key={i}><td>{e.row}</td><td>{e.column}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      </section>
    );
  }
  return (
    <div className="notice" role="status">
      {state.dryRun ? <p><strong>The file is valid.</strong> Importing it would give: {summary}</p> : <p><strong>Imported.</strong> {summary}</p>}
      {state.notes.length > 0 && <ul>{state.notes.slice(0, 100).map((n, i) => <li key={i}>{n}</li>)}</ul>}
    </div>
  );
}
