// The sources section of the public event page. Supporting (and context) citations first, in the
// editor's order; citations that deny or contradict the claim under their own "Disputed by"
// heading, so a denial is never read as support.
import type { EventSourceView } from "@/lib/events/queries";
import { Citation } from "./citation";
import { groupCitations } from "./citation-view";

export function EventSources({ sources }: { sources: EventSourceView[] }) {
  const { supporting, disputing } = groupCitations(sources);
  return (
    <section aria-labelledby="sources">
      <h2 id="sources">Sources ({sources.length})</h2>
      {disputing.length > 0 && supporting.length > 0 && <h3 id="supported-by">Supported by</h3>}
      {supporting.length > 0 && (
        <ol className="sources">
          {supporting.map((s) => (
            <Citation key={s.id} source={s} />
          ))}
        </ol>
      )}
      {disputing.length > 0 && (
        <section aria-labelledby="disputed-by" className="disputed">
          <h3 id="disputed-by">Disputed by</h3>
          <p className="muted">These sources deny or contradict the claim.</p>
          <ol className="sources">
            {disputing.map((s) => (
              <Citation key={s.id} source={s} />
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
