"use client";
// One form for new and existing events. The zod schema that the server action applies runs
// here first, so most errors show before a round trip; the server's verdict is final.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldError, errorProps } from "@/components/ui/field-error";
import { findDuplicatesAction, saveEventAction, type EventFormState } from "@/lib/events/actions";
import {
  CLAIM_STATUS_SLUGS,
  EVENT_TYPE_LABELS,
  EVENT_TYPE_SLUGS,
  ITEM_CATEGORIES,
  LOCATION_PRECISION_SLUGS,
  SANCTIONS_REGIMES,
} from "@/lib/events/codebook";
import { emptyForm, fromInput, suggestId, toRawInput, type FormValues } from "@/lib/events/form-values";
import { eventInputSchema, fieldErrorsOf, type EventInput } from "@/lib/events/schemas";
import { ActorFields, type PickerActor } from "./actor-fields";
import { ConflictPanel } from "./conflict-panel";
import { DateFields } from "./date-fields";
import { summaryItems } from "./error-targets";
import { SourceFields } from "./source-fields";
import "./desk.css";

type Props = { existing?: { snapshot: EventInput; version: number }; actors: PickerActor[] };

export function EventForm({ existing, actors }: Props) {
  const [values, setValues] = useState<FormValues>(() => (existing ? fromInput(existing.snapshot) : emptyForm()));
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  // No default kind: the editor says whether a public change corrects or updates (a wrong
  // default would mislabel it in public).
  const [change, setChange] = useState<{ kind: "" | "correction" | "update"; note: string }>({ kind: "", note: "" });
  // Asked for by the server when a save would publish a quote not found in its copy.
  const [confirm, setConfirm] = useState({ checked: false, reason: "" });
  const [state, formAction, pending] = useActionState<EventFormState, FormData>(saveEventAction, {});
  const [duplicates, setDuplicates] = useState<Awaited<ReturnType<typeof findDuplicatesAction>>>([]);
  const set = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));
  const status = existing?.snapshot.status ?? "draft";
  const published = status === "published";
  // After a refused save, the next save starts from the version now in the database.
  const baseVersion = state.conflict?.currentVersion ?? existing?.version;
  const errors = { ...(state.fieldErrors ?? {}), ...clientErrors };
  const raw = toRawInput(values, status);
  const summary = summaryItems(errors);

  // After every refused attempt (the browser's check or the server's), focus goes to the list of
  // errors, so the editor learns what and where even when the field is below the fold.
  const summaryRef = useRef<HTMLElement>(null);
  const hasErrors = summary.length > 0;
  useEffect(() => {
    if (!pending && hasErrors) summaryRef.current?.focus();
  }, [state, clientErrors, pending, hasErrors]);

  const urls = values.sources.map((s) => s.url).join(" ");
  useEffect(() => {
    if (existing) return;
    const t = setTimeout(() => {
      findDuplicatesAction({
        startDate: String(raw.startDate),
        title: values.title,
        urls: urls.split(" ").filter(Boolean),
      }).then(setDuplicates, () => {});
    }, 400);
    return () => clearTimeout(t);
  }, [existing, raw.startDate, values.title, urls]);

  const payload = JSON.stringify({
    input: raw,
    newActors: values.newActors,
    baseVersion,
    kind: published && change.kind ? change.kind : undefined,
    note: published ? change.note : undefined,
    confirmNotFound: confirm.checked ? confirm.reason : undefined,
  });

  return (
    <form
      // For a click before the page is interactive: React's form action does nothing then.
      action={formAction}
      className="editor-form"
      noValidate
      onSubmit={(e) => {
        // Sent by hand, not through the form's action: React resets a form after its action,
        // and a reset puts radios, checkboxes and selects back to how the page was first drawn
        // while this component's state (what the next save sends) stays. After a refused save
        // every control must still show what will be saved.
        e.preventDefault();
        const parsed = eventInputSchema.safeParse(raw);
        const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
        if (published && !change.kind) found.kind = ["Choose whether this corrects an error or adds new information"];
        if (published && !change.note.trim()) found.note = ["Describe the change for readers"];
        setClientErrors(found);
        if (Object.keys(found).length) return;
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="payload" value={payload} readOnly />
      <ErrorSummary
        ref={summaryRef}
        items={summary}
        intro={state.message && state.message !== "Some fields need attention." ? state.message : undefined}
      />
      {state.message && !hasErrors && (
        <div className="notice" role="alert">
          {state.message}
        </div>
      )}
      {state.conflict && (
        <ConflictPanel differences={state.conflict.differences} changedBy={state.conflict.changedBy} />
      )}

      <div className="row">
        <div className="grow">
          <label htmlFor="ev-title">Title</label>
          <input
            id="ev-title"
            value={values.title}
            onChange={(e) => set({ title: e.target.value })}
            {...errorProps("ev-title", errors.title)}
          />
          <FieldError id="ev-title-error" messages={errors.title} />
        </div>
        <div className="wide">
          <label htmlFor="ev-id">Public id</label>
          <input
            id="ev-id"
            value={values.id}
            placeholder={suggestId(values) || "date-and-words"}
            readOnly={Boolean(existing)}
            onChange={(e) => set({ id: e.target.value })}
            {...errorProps("ev-id", errors.id)}
          />
          <FieldError id="ev-id-error" messages={errors.id} />
        </div>
      </div>
      <label htmlFor="ev-summary">Summary (neutral, in your own words)</label>
      <textarea
        id="ev-summary"
        rows={3}
        value={values.summary}
        onChange={(e) => set({ summary: e.target.value })}
        {...errorProps("ev-summary", errors.summary)}
      />
      <FieldError id="ev-summary-error" messages={errors.summary} />
      <div className="row">
        <div>
          <label htmlFor="ev-type">Event type</label>
          <select
            id="ev-type"
            value={values.type}
            onChange={(e) => set({ type: e.target.value })}
            {...errorProps("ev-type", errors.type)}
          >
            <option value="">Choose…</option>
            {EVENT_TYPE_SLUGS.map((t) => (
              <option key={t} value={t}>
                {EVENT_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError id="ev-type-error" messages={errors.type} />
        </div>
        <div>
          <label htmlFor="ev-claim">Claim status</label>
          <select id="ev-claim" value={values.claimStatus} onChange={(e) => set({ claimStatus: e.target.value })}>
            {CLAIM_STATUS_SLUGS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DateFields values={values} set={set} errors={errors} />
      <fieldset className="group">
        <legend>Place</legend>
        <div className="row">
          {(
            [
              ["place", "Place name"],
              ["countryCodes", "Country codes (e.g. KP, RU)"],
              ["latitude", "Latitude"],
              ["longitude", "Longitude"],
            ] as const
          ).map(([f, label]) => (
            <div key={f}>
              <label htmlFor={`ev-${f}`}>{label}</label>
              <input
                id={`ev-${f}`}
                value={values[f]}
                inputMode={f === "latitude" || f === "longitude" ? "decimal" : undefined}
                onChange={(e) => set({ [f]: e.target.value })}
                {...errorProps(`ev-${f}`, errors[f])}
              />
              <FieldError
                id={`ev-${f}-error`}
                messages={errors[f] ?? Object.entries(errors).find(([k]) => k.startsWith(`${f}.`))?.[1]}
              />
            </div>
          ))}
        </div>
        <div>
          <label htmlFor="ev-location-precision">Place known to the</label>
          <select
            id="ev-location-precision"
            value={values.locationPrecision}
            onChange={(e) => set({ locationPrecision: e.target.value as FormValues["locationPrecision"] })}
            {...errorProps("ev-location-precision", errors.locationPrecision)}
          >
            {LOCATION_PRECISION_SLUGS.map((p) => (
              <option key={p} value={p}>
                {p === "exact" ? "spot (exact)" : p}
              </option>
            ))}
          </select>
          <p className="muted">
            The map draws the place no more precisely: the country shaded, a halo around a city or region, or a point.
          </p>
          <FieldError id="ev-location-precision-error" messages={errors.locationPrecision} />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>Transfers and sanctions</legend>
        <div className="checks">
          {Object.entries(ITEM_CATEGORIES).map(([k, v]) => (
            <label key={k} title={v}>
              <input
                type="checkbox"
                checked={values.itemCategories.includes(k)}
                onChange={(e) =>
                  set({
                    itemCategories: e.target.checked
                      ? [...values.itemCategories, k]
                      : values.itemCategories.filter((x) => x !== k),
                  })
                }
              />
              {k}
            </label>
          ))}
        </div>
        <div className="row">
          <div>
            <label htmlFor="ev-regime">Sanctions regime</label>
            <select
              id="ev-regime"
              value={values.sanctionsRegime}
              onChange={(e) => set({ sanctionsRegime: e.target.value })}
            >
              <option value="">None</option>
              {Object.entries(SANCTIONS_REGIMES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="ev-instrument">Instrument (resolution or order)</label>
            <input id="ev-instrument" value={values.instrument} onChange={(e) => set({ instrument: e.target.value })} />
          </div>
          <div>
            <label htmlFor="ev-tags">Tags (comma-separated)</label>
            <input id="ev-tags" value={values.tags} onChange={(e) => set({ tags: e.target.value })} />
          </div>
        </div>
      </fieldset>
      <ActorFields
        actors={values.actors}
        newActors={values.newActors}
        known={actors}
        errors={errors}
        onChange={(a, n) => set({ actors: a, newActors: n })}
      />
      <SourceFields sources={values.sources} errors={errors} onChange={(sources) => set({ sources })} />

      {duplicates.length > 0 && (
        <section className="notice" aria-label="Possible duplicates">
          <p>
            <strong>Possible duplicates</strong> — check these before saving:
          </p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>
                <a href={`/editor/events/${d.id}`} target="_blank" rel="noreferrer">
                  {d.title}
                </a>{" "}
                ({d.startDate}; {d.reason})
              </li>
            ))}
          </ul>
        </section>
      )}
      {published && (
        <fieldset className="group">
          <legend>This event is public: describe your change</legend>
          <fieldset className="choice" {...(errors.kind ? { "aria-describedby": "ev-kind-error" } : {})}>
            <legend>Kind of change (shown to readers)</legend>
            <label className="inline">
              <input
                type="radio"
                id="ev-kind-correction"
                name="kind-choice"
                value="correction"
                checked={change.kind === "correction"}
                onChange={() => setChange({ ...change, kind: "correction" })}
                {...(errors.kind ? { "aria-invalid": true } : {})}
              />{" "}
              Correction (something was wrong)
            </label>
            <label className="inline">
              <input
                type="radio"
                id="ev-kind-update"
                name="kind-choice"
                value="update"
                checked={change.kind === "update"}
                onChange={() => setChange({ ...change, kind: "update" })}
                {...(errors.kind ? { "aria-invalid": true } : {})}
              />{" "}
              Update (new information)
            </label>
            <FieldError id="ev-kind-error" messages={errors.kind} />
          </fieldset>
          <label htmlFor="ev-note">Change note (shown to readers)</label>
          <textarea
            id="ev-note"
            rows={2}
            value={change.note}
            onChange={(e) => setChange({ ...change, note: e.target.value })}
            {...errorProps("ev-note", errors.note)}
          />
          <FieldError id="ev-note-error" messages={errors.note} />
        </fieldset>
      )}
      {(errors.confirmNotFound || confirm.checked) && (
        <fieldset className="group">
          <legend>Quotes not found in their copies</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={confirm.checked}
              onChange={(e) => setConfirm({ ...confirm, checked: e.target.checked })}
            />{" "}
            I have checked: publish these quotes although they were not found in the captured copies
          </label>
          <label htmlFor="ev-confirm-reason">Reason (kept in the event&apos;s public history)</label>
          <textarea
            id="ev-confirm-reason"
            rows={2}
            value={confirm.reason}
            onChange={(e) => setConfirm({ ...confirm, reason: e.target.value })}
            {...errorProps("ev-confirm-reason", errors.confirmNotFound)}
          />
          <FieldError id="ev-confirm-reason-error" messages={errors.confirmNotFound} />
        </fieldset>
      )}
      <p>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : existing ? "Save changes" : "Create draft"}
        </button>
      </p>
    </form>
  );
}
