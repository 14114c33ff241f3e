import type { EditableEvent } from "@/lib/events/editor-queries";
import { RestoreButton } from "./workflow-controls";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** The full history for editors: who, when, what kind, the note and each field from → to. */
export function RevisionHistory({ event, canRestore }: { event: EditableEvent; canRestore: boolean }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">
        History ({event.revisions.length} revision{event.revisions.length === 1 ? "" : "s"})
      </h2>
      <ol className="history">
        {event.revisions.map((r) => (
          <li key={r.id}>
            <p>
              <strong>{r.kind}</strong> — version {r.version},{" "}
              {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC, by {r.by}
              {r.note && <> — “{r.note}”</>}
            </p>
            {r.changes.length > 0 && r.kind !== "create" && (
              <details>
                <summary>
                  {r.changes.length} field{r.changes.length === 1 ? "" : "s"} changed
                </summary>
                <ul>
                  {r.changes.map((c) => (
                    <li key={c.field}>
                      <code>{c.field}</code>: {show(c.from)} → {show(c.to)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {canRestore && r.version < event.version && r.kind !== "delete" && (
              <RestoreButton id={event.snapshot.id} version={event.version} revision={r.id} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
