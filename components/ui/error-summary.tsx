"use client";
import type { Ref } from "react";

export interface SummaryItem {
  key: string;
  message: string;
  /** The id of the field to go to; without one the message is listed as text. */
  targetId?: string;
  label: string;
}

/**
 * The errors of a refused form at its top, counted, each a link to its field (the GOV.UK error
 * summary pattern): a field below the fold is one click away. The form moves focus here, so a
 * screen reader announces the count and the list.
 */
export function ErrorSummary({ items, intro, ref }: { items: SummaryItem[]; intro?: string; ref?: Ref<HTMLElement> }) {
  if (!items.length) return null;
  const heading = `${items.length} ${items.length === 1 ? "field needs" : "fields need"} attention`;
  return (
    <section ref={ref} className="error-summary" tabIndex={-1} aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">{heading}</h2>
      {intro && <p>{intro}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.targetId ? (
              <a href={`#${item.targetId}`} onClick={(e) => goTo(e, item.targetId!)}>
                {item.label}: {item.message}
              </a>
            ) : (
              <>
                {item.label}: {item.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

// Following the link alone scrolls without moving the focus into the field; do both, with the
// field's label in view above it.
function goTo(e: React.MouseEvent, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  e.preventDefault();
  field.focus({ preventScroll: true });
  (field.closest("div, fieldset") ?? field).scrollIntoView({ block: "start" });
}
