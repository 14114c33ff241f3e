import type { Metadata } from "next";
import { TimelineView } from "@/components/timeline/timeline-view";
import { parseEventQuery } from "@/lib/events/query-params";
import { parseTimelineView } from "@/lib/timeline/params";
import { loadTimeline } from "@/lib/timeline/queries";
import "@/components/timeline/timeline.css";

export const metadata: Metadata = { title: "Timeline (embedded)" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For an iframe in a news article: the timeline alone, links opening in the top window. */
export default async function EmbeddedTimelinePage({ searchParams }: Props) {
  const raw = await searchParams;
  const { query } = parseEventQuery(raw);
  const { view } = parseTimelineView(raw);
  const timeline = await loadTimeline(query, view);
  return (
    <main id="main" className="embed">
      <h1 className="embed-title">Sanctions &amp; Arms-Transfer Tracker: timeline</h1>
      <TimelineView {...timeline} query={query} view={view} base="/embed/timeline" embed />
    </main>
  );
}
