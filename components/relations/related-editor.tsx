"use client";
// The editor's "Related events" section: this event's links to others (each removable) and the
// links other events make to it (changed on those events), and a form to add one: the kind, and
// the other event, typed as its public id or found by its title. Each link is saved at once,
// with a revision on this event, apart from the event form above.
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FieldError, errorProps } from "@/components/ui/field-error";
import {
  addRelationAction,
  removeRelationAction,
  searchEventsToLinkAction,
  type RelationFormState,
} from "@/lib/relations/actions";
import { cap, OUTGOING_LABEL, RELATION_KINDS } from "@/lib/relations/kinds";
import type { EventChoice, RelatedEventView } from "@/lib/relations/queries";
import "./relations.css";

type Props = {
  eventId: string;
  version: number;
  outgoing: RelatedEventView[];
  incoming: RelatedEventView[];
  canEdit: boolean;
};

const DEBOUNCE_MS = 200;
const status = (s: string) => (s === "published" ? "" : ` — ${s.replace("_", " ")}`);

/** Sends the form without React's reset afterwards: a refused link keeps what was chosen. */
const keeping = (dispatch: (data: FormData) => void) => (e: FormEvent<HTMLFormElement>) => {
  e.preventDefault();
  const data = new FormData(e.currentTarget);
  startTransition(() => dispatch(data));
};

export function RelatedEditor({ eventId, version, outgoing, incoming, canEdit }: Props) {
  const [addState, add, adding] = useActionState<RelationFormState, FormData>(addRelationAction, {});
  const [removeState, remove, removing] = useActionState<RelationFormState, FormData>(removeRelationAction, {});
  const [last, setLast] = useState<"add" | "remove" | null>(null);
  const state = last === "remove" ? removeState : addState;
  return (
    <section aria-labelledby="related-edit-heading" className="related-edit">
      <h2 id="related-edit-heading">Related events</h2>
      {state.message && (
        <div className={state.ok ? "notice" : "notice error"} role={state.ok ? "status" : "alert"}>
          {state.message}
        </div>
      )}
      {outgoing.length === 0 && incoming.length === 0 ? (
        <p className="muted">No related events yet.</p>
      ) : (
        <ul className="related-list" aria-label="Links of this event">
          {outgoing.map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              <strong>{cap(r.label)}:</strong> <a href={`/editor/events/${r.id}`}>{r.title}</a>{" "}
              <span className="muted">
                ({r.dateLabel}
                {status(r.status)})
              </span>
              {canEdit && (
                <form
                  action={remove}
                  onSubmit={(e) => {
                    setLast("remove");
                    keeping(remove)(e);
                  }}
                  className="inline-form"
                >
                  <Hidden eventId={eventId} version={version} />
                  <input type="hidden" name="kind" value={r.kind} />
                  <input type="hidden" name="to" value={r.id} />
                  <button
                    className="button secondary small"
                    disabled={removing}
                    aria-label={`Remove the link: this event ${r.label} ${r.title}`}
                  >
                    Remove
                  </button>
                </form>
              )}
            </li>
          ))}
          {incoming.map((r) => (
            <li key={`in:${r.kind}:${r.id}`}>
              <strong>{cap(r.label)}:</strong> <a href={`/editor/events/${r.id}`}>{r.title}</a>{" "}
              <span className="muted">
                ({r.dateLabel}
                {status(r.status)}; linked from that event, and changed there)
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <AddLink
          eventId={eventId}
          version={version}
          state={addState}
          pending={adding}
          action={add}
          send={(e) => {
            setLast("add");
            keeping(add)(e);
          }}
        />
      )}
    </section>
  );
}

function Hidden({ eventId, version }: { eventId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="from" value={eventId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

type AddProps = {
  eventId: string;
  version: number;
  state: RelationFormState;
  pending: boolean;
  action: (data: FormData) => void;
  send: (e: FormEvent<HTMLFormElement>) => void;
};

function AddLink({ eventId, version, state, pending, action, send }: AddProps) {
  const uid = useId();
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<EventChoice[] | null>(null);
  const [to, setTo] = useState("");
  const toRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (query.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(() => {
      searchEventsToLinkAction(query, eventId).then(
        (found) => live && setChoices(found),
        () => live && setChoices([]),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, eventId]);
  const shown = query.trim().length < 2 ? null : choices;
  return (
    <form action={action} onSubmit={send} className="related-add" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>Add a link</h3>
      <p className="muted">
        A link is saved at once, with a revision of this event; save other changes in the form above first.
      </p>
      <Hidden eventId={eventId} version={version} />
      <label htmlFor={`${uid}-kind`}>How this event relates to the other</label>
      <select
        id={`${uid}-kind`}
        name="kind"
        defaultValue="responds-to"
        {...errorProps(`${uid}-kind`, state.fieldErrors?.kind)}
      >
        {RELATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {OUTGOING_LABEL[k]}…
          </option>
        ))}
      </select>
      <FieldError id={`${uid}-kind-error`} messages={state.fieldErrors?.kind} />
      <label htmlFor={`${uid}-search`}>Find the other event by its title</label>
      <input
        id={`${uid}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
        aria-describedby={`${uid}-found`}
      />
      <p id={`${uid}-found`} className="muted" role="status">
        {shown === null ? "Type two letters or more." : `${shown.length} event${shown.length === 1 ? "" : "s"} found.`}
      </p>
      {shown && shown.length > 0 && (
        <ul className="related-choices" aria-label="Events found">
          {shown.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  setTo(c.id);
                  toRef.current?.focus();
                }}
                aria-label={`Choose ${c.title}`}
              >
                Choose
              </button>{" "}
              {c.title}{" "}
              <span className="muted">
                ({c.dateLabel}
                {status(c.status)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${uid}-to`}>Public id of the other event</label>
      <input
        id={`${uid}-to`}
        ref={toRef}
        name="to"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        required
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        {...errorProps(`${uid}-to`, state.fieldErrors?.to)}
      />
      <FieldError id={`${uid}-to-error`} messages={state.fieldErrors?.to} />
      <p>
        <button className="button" disabled={pending}>
          {pending ? "Linking…" : "Add link"}
        </button>
      </p>
    </form>
  );
}
