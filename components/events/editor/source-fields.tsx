"use client";
import { useEffect, useRef, useState } from "react";
import { CopyPanel } from "@/components/captures/copy-panel";
import { checkKey, useCopyChecks } from "@/components/captures/use-copy-checks";
import { FieldError, errorProps } from "@/components/ui/field-error";
import { SOURCE_STANCES, SOURCE_TYPES } from "@/lib/events/codebook";
import { emptySource, type SourceDraft } from "@/lib/events/form-values";

type Props = { sources: SourceDraft[]; onChange: (sources: SourceDraft[]) => void; errors: Record<string, string[]> };

const TEXT_FIELDS: [keyof SourceDraft, string, string?][] = [
  ["url", "Web address (http or https)", "url"],
  ["title", "Title"],
  ["publisher", "Publisher"],
  ["author", "Author"],
  ["publishedOn", "Published (YYYY, YYYY-MM or YYYY-MM-DD)"],
  ["accessedOn", "Accessed (YYYY-MM-DD)"],
  ["archivedUrl", "Archived copy (web address)", "url"],
  ["language", "Language (e.g. en, ko, ru)"],
];

// Addresses take a line of their own and titles and publishers half of one, so long values
// show whole rather than scrolled out of sight.
const WIDTH: Partial<Record<keyof SourceDraft, string>> = {
  url: "wide",
  archivedUrl: "wide",
  title: "half",
  publisher: "half",
};

export function SourceFields({ sources, onChange, errors }: Props) {
  // A capture answers after the editor may have typed elsewhere: apply it to the latest values.
  const latest = useRef(sources);
  useEffect(() => {
    latest.current = sources;
  });
  const update = (i: number, patch: Partial<SourceDraft>) =>
    onChange(latest.current.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const copies = useCopyChecks(sources);
  // While a copy is on its way the sources keep their order, so it lands on the one it was taken for.
  const [busy, setBusy] = useState(false);
  const move = (i: number, by: number) => {
    const next = [...sources];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="group">
      <legend>Sources</legend>
      <FieldError id="ev-sources-error" messages={errors.sources} />
      <ol className="source-editor">
        {sources.map((s, i) => {
          const key = (f: string) => `sources.${i}.${f}`;
          const id = (f: string) => `src-${i}-${f}`;
          return (
            <li key={i}>
              <h3>Source {i + 1}</h3>
              <div className="row">
                {TEXT_FIELDS.map(([field, label, type]) => (
                  <div key={field} className={WIDTH[field]}>
                    <label htmlFor={id(field)}>
                      {label}
                      <span className="visually-hidden"> of source {i + 1}</span>
                    </label>
                    <input
                      id={id(field)}
                      type={type ?? "text"}
                      value={s[field]}
                      onChange={(e) => update(i, { [field]: e.target.value })}
                      {...errorProps(id(field), errors[key(field)])}
                    />
                    <FieldError id={`${id(field)}-error`} messages={errors[key(field)]} />
                  </div>
                ))}
                <div>
                  <label htmlFor={id("type")}>
                    Type<span className="visually-hidden"> of source {i + 1}</span>
                  </label>
                  <select
                    id={id("type")}
                    value={s.sourceType}
                    onChange={(e) => update(i, { sourceType: e.target.value })}
                  >
                    {Object.entries(SOURCE_TYPES).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={id("stance")}>
                    Stance<span className="visually-hidden"> of source {i + 1}</span>
                  </label>
                  <select id={id("stance")} value={s.stance} onChange={(e) => update(i, { stance: e.target.value })}>
                    {Object.keys(SOURCE_STANCES).map((k) => (
                      <option key={k} value={k}>
                        {k === "supports"
                          ? "Supports the claim"
                          : k === "disputes"
                            ? "Disputes the claim"
                            : "Context only"}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <label htmlFor={id("quote")}>
                Quote: the source&apos;s own words, exactly<span className="visually-hidden"> (source {i + 1})</span>
              </label>
              <textarea
                id={id("quote")}
                rows={3}
                value={s.quote}
                onChange={(e) => update(i, { quote: e.target.value })}
                {...errorProps(id("quote"), errors[key("quote")])}
              />
              <FieldError id={`${id("quote")}-error`} messages={errors[key("quote")]} />
              <label htmlFor={id("note")}>
                Editor&apos;s note: what the source supports, in your words
                <span className="visually-hidden"> (source {i + 1})</span>
              </label>
              <textarea
                id={id("note")}
                rows={2}
                value={s.note}
                onChange={(e) => update(i, { note: e.target.value })}
                {...errorProps(id("note"), errors[key("note")])}
              />
              <FieldError id={`${id("note")}-error`} messages={errors[key("note")]} />
              <CopyPanel
                n={i + 1}
                url={s.url}
                quote={s.quote}
                captureId={s.captureId}
                busy={busy}
                onBusy={setBusy}
                copy={s.captureId ? copies.copyOf(s.captureId) : undefined}
                check={s.captureId ? copies.results[checkKey(s.captureId, s.quote)] : undefined}
                onAttached={(result) => {
                  copies.remember(String(result.captureId), s.quote, result);
                  update(i, { captureId: String(result.captureId) });
                }}
                onDetach={() => update(i, { captureId: "" })}
              />
              <FieldError id={`${id("captureId")}-error`} messages={errors[key("captureId")]} />
              <div className="actions">
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy || i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move source ${i + 1} up`}
                >
                  ↑ Up
                </button>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy || i === sources.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move source ${i + 1} down`}
                >
                  ↓ Down
                </button>
                <button
                  type="button"
                  className="button secondary"
                  disabled={busy}
                  onClick={() => onChange(sources.filter((_, j) => j !== i))}
                  aria-label={`Remove source ${i + 1}`}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button secondary" onClick={() => onChange([...sources, emptySource()])}>
        Add a source
      </button>
    </fieldset>
  );
}
