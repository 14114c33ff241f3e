"use client";
import { useActionState } from "react";
import { deleteEventAction, restoreRevisionAction, transitionEventAction, type EventFormState } from "@/lib/events/actions";

type Props = { id: string; version: number; status: string; canSubmit: boolean; canPublish: boolean; canDelete: boolean };

export function WorkflowControls({ id, version, status, canSubmit, canPublish, canDelete }: Props) {
  const [state, action, pending] = useActionState<EventFormState, FormData>(transitionEventAction, {});
  const [delState, del] = useActionState<EventFormState, FormData>(deleteEventAction, {});
  const message = state.message ?? delState.message;
  return (
    <section aria-label="Workflow" className="workflow">
      {message && <div className="notice" role="alert">{message}</div>}
      {status === "draft" && canSubmit && (
        <form action={action}><Hidden id={id} version={version} action="submit" /><button className="button" disabled={pending}>Submit for review</button></form>
      )}
      {(status === "draft" || status === "in_review") && canPublish && (
        <form action={action}><Hidden id={id} version={version} action="publish" /><button className="button" disabled={pending}>Publish</button></form>
      )}
      {status === "published" && canPublish && (
        <form action={action} className="inline-form">
          <Hidden id={id} version={version} action="retract" />
          <label htmlFor="retract-reason">Retraction reason (shown to readers)</label>
          <input id="retract-reason" name="reason" required maxLength={2000} />
          <button className="button secondary" disabled={pending}>Retract</button>
        </form>
      )}
      {canDelete && (
        <form action={del} className="inline-form" onSubmit={(e) => { if (!confirm("Delete this event from every public view? Its history is kept.")) e.preventDefault(); }}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          <button className="button secondary">Delete event</button>
        </form>
      )}
    </section>
  );
}

function Hidden({ id, version, action }: { id: string; version: number; action: string }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

export function RestoreButton({ id, version, revision }: { id: string; version: number; revision: number }) {
  const [state, action, pending] = useActionState<EventFormState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revision" value={revision} />
      <button className="link-button" disabled={pending} aria-label={`Restore revision ${revision}`}>Restore this version</button>
      {state.message && <span role="alert" className="field-error"> {state.message}</span>}
    </form>
  );
}
