// The timeline's part of related events: when an event is selected, the chart rings the marks of
// its related events and names the relation in each mark's accessible name, the legend says what
// the ring means, and the details panel lists them.
import Link from "next/link";
import { cap, labelFor } from "@/lib/relations/kinds";
import type { RelatedEventView } from "@/lib/relations/queries";
import "./timeline-related.css";

/** id → how that event relates to the selected one, from its own side ("responds to “Summit”"). */
export function relatedMarks(
  selected: { title: string; related: RelatedEventView[] } | null,
): Map<string, string> | undefined {
  if (!selected?.related.length) return undefined;
  const marks = new Map<string, string>();
  for (const r of selected.related) {
    const label = `${labelFor(r.kind, r.direction === "outgoing" ? "incoming" : "outgoing")} “${selected.title}”`;
    marks.set(r.id, marks.has(r.id) ? `${marks.get(r.id)}, ${label}` : label);
  }
  return marks;
}

export function RelatedLegendItem({ selected }: { selected: { related: RelatedEventView[] } | null }) {
  if (!selected?.related.length) return null;
  return (
    <li>
      <svg width="18" height="12" aria-hidden="true">
        <circle cx="9" cy="6" r="4" className="legend-related" />
      </svg>{" "}
      ringed: related to the selected event
    </li>
  );
}

export function RelatedInPanel({ related, target }: { related: RelatedEventView[]; target?: string }) {
  if (!related.length) return null;
  return (
    <section aria-labelledby="timeline-related-heading" className="timeline-related">
      <h3 id="timeline-related-heading">Related events</h3>
      <ul>
        {related.map((r) => (
          <li key={`${r.direction}:${r.kind}:${r.id}`}>
            <strong>{cap(r.label)}:</strong>{" "}
            <Link href={`/events/${r.id}`} target={target}>
              {r.title}
            </Link>{" "}
            <span className="muted">({r.dateLabel})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
