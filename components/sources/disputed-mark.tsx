// The mark that says an event is disputed, shared by the table, the timeline's details panel and
// the event page so it reads the same everywhere; its meaning is given once, here, for the legends
// and the codebook.
import { disputedLabel } from "./citation-view";

export const DISPUTED_MARK_MEANING =
  "“Disputed by N sources”: N of the event's sources deny or contradict the claim (for example, a government's denial). The event's page lists them under “Disputed by”.";

/** Nothing when no source disputes the event. Plain text, so a screen reader reads it as shown. */
export function DisputedMark({ count, href }: { count: number; href?: string }) {
  if (count < 1) return null;
  const label = disputedLabel(count);
  return <span className="disputed-mark">{href ? <a href={href}>{label}</a> : label}</span>;
}
