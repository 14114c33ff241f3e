"use client";
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import {
  deleteEventAction,
  restoreRevisionAction,
  transitionEventAction,
  type EventFormState,
} from "@/lib/events/actions";
import "./desk.css";

type Props = {
  id: string;
  version: number;
  status: string;
  canSubmit: boolean;
  canPublish: boolean;
  canDelete: boolean;
};

/**
 * Sends a form to its action without React's reset of the form afterwards: a refused step keeps
 * what was typed and ticked (a reason, a confirmation), so what is shown is what is sent again.
 */
const keepingState = (dispatch: (data: FormData) => void) => (e: FormEvent<HTMLFormElement>) => {
  e.preventDefault();
  const data = new FormData(e.currentTarget);
  startTransition(() => dispatch(data));
};

export function WorkflowControls({ id, version, status, canSubmit, canPublish, canDelete }: Props) {
  const [state, action, pending] = useActionState<EventFormState, FormData>(transitionEventAction, {});
  const [delState, del] = useActionState<EventFormState, FormData>(deleteEventAction, {});
  const message = state.message ?? delState.message;
  const send = keepingState(action);
  if (
    !(status === "draft" && canSubmit) &&
    !((status === "draft" || status === "in_review") && canPublish) &&
    !(status === "published" && canPublish) &&
    !canDelete
  )
    return null;
  return (
    <section aria-labelledby="workflow-heading" className="workflow-section">
      <h2 id="workflow-heading">Workflow</h2>
      {message && (
        <div className="notice" role="alert">
          {message}
        </div>
      )}
      <div className="workflow">
        {status === "draft" && canSubmit && (
          <form action={action} onSubmit={send}>
            <Hidden id={id} version={version} action="submit" />
            <button className="button" disabled={pending}>
              Submit for review
            </button>
          </form>
        )}
        {(status === "draft" || status === "in_review") && canPublish && (
          <form action={action} onSubmit={send}>
            <Hidden id={id} version={version} action="publish" />
            {/* Shown once the server says a quote was not found in its copy: confirm, and say why. */}
            {state.fieldErrors?.confirmNotFound && <ConfirmNotFound messages={state.fieldErrors.confirmNotFound} />}
            <button className="button" disabled={pending}>
              Publish
            </button>
          </form>
        )}
        {status === "published" && canPublish && (
          <RetractControl id={id} version={version} send={send} pending={pending} message={state.message} />
        )}
        {canDelete && (
          <form
            action={del}
            className="inline-form"
            onSubmit={(e) => {
              if (!confirm("Delete this event from every public view? Its history is kept.")) return e.preventDefault();
              keepingState(del)(e);
            }}
          >
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="version" value={version} />
            <button className="button danger">Delete event</button>
          </form>
        )}
      </div>
    </section>
  );
}

/**
 * Retracting is public and cannot be undone from the desk, so the button only asks: a modal
 * <dialog> (focus kept inside, Escape cancels) says what will happen and takes the reason.
 */
function RetractControl({
  id,
  version,
  send,
  pending,
  message,
}: {
  id: string;
  version: number;
  send: (e: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  message?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="button danger"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        Retract…
      </button>
      <dialog
        ref={dialog}
        className="confirm"
        role="alertdialog"
        aria-labelledby="retract-heading"
        aria-describedby="retract-what"
      >
        <form onSubmit={send}>
          <h2 id="retract-heading">Retract this event?</h2>
          <p id="retract-what">
            Readers will see it marked as retracted, with your reason, and it leaves the public lists. Its page stays so
            that links still work. A retraction cannot be undone here.
          </p>
          {message && (
            <p className="field-error" role="alert">
              {message}
            </p>
          )}
          <Hidden id={id} version={version} action="retract" />
          <label htmlFor="retract-reason">Retraction reason (shown to readers)</label>
          <textarea id="retract-reason" name="reason" rows={3} required maxLength={2000} />
          <div className="actions">
            <button className="button danger" disabled={pending}>
              Retract event
            </button>
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function ConfirmNotFound({ messages }: { messages: string[] }) {
  return (
    <fieldset className="group">
      <legend>Quotes not found in their copies</legend>
      <label className="inline">
        <input type="checkbox" name="confirm" value="yes" required /> I have checked: publish these quotes although they
        were not found in the captured copies
      </label>
      <label htmlFor="confirm-reason">Reason (kept in the event&apos;s public history)</label>
      <textarea
        id="confirm-reason"
        name="confirmReason"
        rows={2}
        required
        maxLength={2000}
        aria-describedby="confirm-reason-error"
      />
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
      <button className="link-button" disabled={pending} aria-label={`Restore revision ${revision}`}>
        Restore this version
      </button>
      {state.message && (
        <span role="alert" className="field-error">
          {" "}
          {state.message}
        </span>
      )}
    </form>
  );
}
