import Link from "next/link";
import { AsOfNotice } from "@/components/as-of/as-of-notice";
import { FollowLink } from "@/components/feeds/follow-link";
import { ActiveFilters } from "@/components/events/active-filters";
import { ActorChoices } from "@/components/events/actor-choices";
import { EventFilters } from "@/components/events/event-filters";
import { TimelineView } from "@/components/timeline/timeline-view";
import { Notices } from "@/components/ui/notices";
import { loadActorFilter } from "@/lib/actors/typed-actor";
import { viewMetadata } from "@/lib/feeds/feed-metadata";
import { parseAsOf } from "@/lib/as-of/parse";
import { loadTimelineAsOf } from "@/lib/as-of/views";
import { PAGING_PARAMS, noticeMessages, parseEventQuery, serializeEventQuery } from "@/lib/events/query-params";
import { parseTimelineView } from "@/lib/timeline/params";
import { loadTimeline } from "@/lib/timeline/queries";
import "@/components/timeline/timeline.css";

export const generateMetadata = viewMetadata("Timeline");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TimelinePage({ searchParams }: Props) {
  const raw = await searchParams;
  const { query, notices } = parseEventQuery(raw);
  const { view, notices: viewNotices } = parseTimelineView(raw);
  const asOf = parseAsOf(raw).asOf;
  const [timeline, actorFilter] = await Promise.all([
    asOf ? loadTimelineAsOf(query, view, asOf.at) : loadTimeline(query, view),
    loadActorFilter(raw, query, "/timeline"),
  ]);
  const filters = serializeEventQuery({ ...query, page: 1, pageSize: undefined });
  return (
    <>
      <h1>Timeline</h1>
      <AsOfNotice raw={raw} path="/timeline" />
      <nav aria-label="View" className="view-switch">
        View: <Link href={`/events${filters}`}>Table</Link> · <strong aria-current="page">Timeline</strong> ·{" "}
        <Link href={`/map${filters}`}>Map</Link> ·{" "}
        <a href={`/events.csv${filters}`} download>
          Export CSV
        </a>{" "}
        · <Link href={`/embed/timeline${filters}`}>Embeddable version</Link> · <FollowLink query={query} />
      </nav>
      <EventFilters query={query} selectedActors={actorFilter.selected} action="/timeline" listControls={false} />
      <Notices notices={[...noticeMessages(notices, PAGING_PARAMS), ...viewNotices, ...actorFilter.notices]} />
      <ActorChoices choices={actorFilter.choices} />
      <ActiveFilters
        query={query}
        actorNames={new Map(actorFilter.selected.map((a) => [a.slug, a.name]))}
        basePath="/timeline"
      />
      <TimelineView {...timeline} query={query} view={view} base="/timeline" />
    </>
  );
}
