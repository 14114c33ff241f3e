"use client";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
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
        <form action={action}>
          <Hidden id={id} version={version} action="publish" />
          {/* Shown once the server says a quote was not found in its copy: confirm, and say why. */}
          {state.fieldErrors?.confirmNotFound && <ConfirmNotFound messages={state.fieldErrors.confirmNotFound} />}
          <button className="button" disabled={pending}>Publish</button>
        </form>
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

function ConfirmNotFound({ messages }: { messages: string[] }) {
  return (
    <fieldset className="group">
      <legend>Quotes not found in their copies</legend>
      <label className="inline"><input type="checkbox" name="confirm" value="yes" required /> I have checked: publish these quotes although they were not found in the captured copies</label>
      <label htmlFor="confirm-reason">Reason (kept in the event&apos;s public history)</label>
      <textarea id="confirm-reason" name="confirmReason" rows={2} required maxLength={2000} aria-describedby="confirm-reason-error" />
      <FieldError id="confirm-reason-error" messages={messages} />
    </fieldset>
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
