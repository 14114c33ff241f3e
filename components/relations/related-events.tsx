// The public event page's "Related events": its links to and from other public events, each
// labelled from this page's side ("responds to", "responded to by"). Nothing when there are none.
import Link from "next/link";
import { listPublicRelated } from "@/lib/relations/queries";
import { cap } from "@/lib/relations/kinds";
import "./relations.css";

export async function RelatedEvents({ eventId }: { eventId: string }) {
  const related = await listPublicRelated(eventId);
  if (!related.length) return null;
  return (
    <section className="related-events" aria-labelledby="related-heading">
      <h2 id="related-heading">Related events</h2>
      <ul>
        {related.map((r) => (
          <li key={`${r.direction}:${r.kind}:${r.id}`}>
            <strong className="related-label">{cap(r.label)}:</strong> <Link href={`/events/${r.id}`}>{r.title}</Link>{" "}
            <span className="muted">
              (<time dateTime={r.startDate}>{r.dateLabel}</time>)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
