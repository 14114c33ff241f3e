"use client";
// The actor filter's type-ahead: an ARIA combobox with a listbox popup (WAI-ARIA Authoring
// Practices, "Editable Combobox With List Autocomplete"), filled from GET /api/v1/actors as the
// reader types, so no page carries the list of every actor. Choosing an actor adds it to the
// form as a hidden `actor` field; "Apply filters" applies it. Without JavaScript the same text
// field is submitted as `actorName` and the page resolves it (lib/actors/typed-actor.ts).
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import "./actor-picker.css";

export interface PickedActor {
  slug: string;
  name: string;
}
interface Match extends PickedActor {
  kind: string;
  country: string | null;
}

const KIND_LABELS: Record<string, string> = {
  state: "state",
  person: "person",
  organisation: "organisation",
  international_body: "international body",
  company: "company",
};
const DEBOUNCE_MS = 150;

const noSubscription = () => () => {};
const searchable = (text: string) => /[\p{L}\p{N}]/u.test(text);

function describe(m: Match) {
  return [KIND_LABELS[m.kind] ?? m.kind, m.country].filter(Boolean).join(", ");
}

/** `applied`: the actors the current view is filtered by (their names loaded for those slugs only). */
export function ActorPicker({ applied }: { applied: PickedActor[] }) {
  // One filter form per page, so fixed ids (the page's CSS and tests may name them).
  const id = "f-actor";
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [added, setAdded] = useState<PickedActor[]>([]);
  const [matches, setMatches] = useState<Match[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  // Server markup and the first render say "text field": it is a combobox only once this script
  // runs, so a reader without JavaScript is never told of a list that cannot appear.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const chosen = new Set([...applied, ...added].map((a) => a.slug));
  const shown = matches.filter((m) => !chosen.has(m.slug));

  useEffect(() => {
    const q = text.trim();
    if (!searchable(q)) return; // onChange has already emptied the list
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/actors?${new URLSearchParams({ q, limit: "10" })}`, { signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ data: Match[] }>) : Promise.reject(new Error(String(r.status)))))
        .then(({ data }) => {
          setMatches(data);
          setActive(-1);
          setStatus(
            data.length
              ? `${data.length} ${data.length === 1 ? "actor" : "actors"} found; use the up and down arrows to choose.`
              : "No actor found.",
          );
        })
        .catch((err: Error) => {
          if (err.name !== "AbortError")
            setStatus("Actors could not be looked up; apply the filters to search by name instead.");
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text]);

  const expanded = open && shown.length > 0;

  function choose(m: Match) {
    setAdded((prev) => [...prev, { slug: m.slug, name: m.name }]);
    setText("");
    setOpen(false);
    setActive(-1);
    setStatus(`${m.name} added. Apply filters to show their events.`);
    inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!shown.length) return;
      e.preventDefault();
      setOpen(true);
      const step = e.key === "ArrowDown" ? 1 : -1;
      // Alt+Down only opens the list, as the Authoring Practices ask.
      if (!expanded && e.altKey) return;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : shown.length - 1) : (i + step + shown.length) % shown.length));
    } else if (e.key === "Enter" && expanded && active >= 0) {
      e.preventDefault(); // choose, do not submit the form
      choose(shown[active]);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText("");
      }
    }
  }

  return (
    <div className="actor-picker">
      {/* Applied actors travel as hidden fields (removable through the chips below the form);
          actors added here join them until the form is applied. */}
      {applied.map((a) => (
        <input key={a.slug} type="hidden" name="actor" value={a.slug} />
      ))}
      {added.length > 0 && (
        <ul className="chips" aria-label="Actors to add">
          {added.map((a) => (
            <li key={a.slug}>
              <input type="hidden" name="actor" value={a.slug} />
              <button
                type="button"
                className="chip-button"
                aria-label={`Remove ${a.name}`}
                onClick={() => setAdded((prev) => prev.filter((x) => x.slug !== a.slug))}
              >
                {a.name} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id}>Add an actor</label>
      <div className="combobox">
        <input
          ref={inputRef}
          id={id}
          name="actorName"
          type="text"
          autoComplete="off"
          maxLength={100}
          placeholder="Type a name"
          aria-describedby={`${id}-help`}
          {...(enhanced && {
            role: "combobox",
            "aria-autocomplete": "list" as const,
            "aria-expanded": expanded,
            "aria-controls": listId,
            "aria-activedescendant": expanded && active >= 0 ? `${listId}-${active}` : undefined,
          })}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            if (!searchable(e.target.value)) {
              setMatches([]);
              setStatus("");
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Matching actors" className="combobox-list" hidden={!expanded}>
          {shown.map((m, i) => (
            <li
              key={m.slug}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input must keep focus (its blur closes the list).
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {m.name} <span className="muted">{describe(m)}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-help`} className="muted">
        {enhanced
          ? "A name, an alias or part of one: choose from the list, or apply the filters to look up what you typed."
          : "A name, an alias or part of one; apply the filters to look it up."}
      </p>
      {/* A live region without the status role: the page's own status (the result count) keeps that role alone. */}
      <p id={`${id}-status`} aria-live="polite" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
