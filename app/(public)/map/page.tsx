import Link from "next/link";
import { AsOfNotice } from "@/components/as-of/as-of-notice";
import { FollowLink } from "@/components/feeds/follow-link";
import { ActiveFilters } from "@/components/events/active-filters";
import { ActorChoices } from "@/components/events/actor-choices";
import { EventFilters } from "@/components/events/event-filters";
import { MapView } from "@/components/map/map-view";
import { Notices } from "@/components/ui/notices";
import { loadActorFilter } from "@/lib/actors/typed-actor";
import { viewMetadata } from "@/lib/feeds/feed-metadata";
import { parseAsOf } from "@/lib/as-of/parse";
import { listMapEventsAsOf } from "@/lib/as-of/views";
import { PAGING_PARAMS, noticeMessages, parseEventQuery, serializeEventQuery } from "@/lib/events/query-params";
import { mapHref, parseMapView } from "@/lib/map/params";
import { listMapEvents } from "@/lib/map/queries";
import "@/components/timeline/timeline.css";
import "@/components/map/map.css";

export const generateMetadata = viewMetadata("Map");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MapPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { query, notices } = parseEventQuery(raw);
  const { view, notices: viewNotices } = parseMapView(raw);
  const asOf = parseAsOf(raw).asOf;
  const [{ events, total }, actorFilter] = await Promise.all([
    asOf ? listMapEventsAsOf(query, asOf.at) : listMapEvents(query),
    loadActorFilter(raw, query, "/map"),
  ]);
  const filters = serializeEventQuery({ ...query, page: 1, pageSize: undefined });
  return (
    <>
      <h1>Map</h1>
      <AsOfNotice raw={raw} path="/map" />
      <nav aria-label="View" className="view-switch">
        View: <Link href={`/events${filters}`}>Table</Link> · <Link href={`/timeline${filters}`}>Timeline</Link> ·{" "}
        <strong aria-current="page">Map</strong> ·{" "}
        <a href={`/events.csv${filters}`} download>
          Export CSV
        </a>{" "}
        · <Link href={mapHref("/embed/map", query, view)}>Embeddable version</Link> · <FollowLink query={query} />
      </nav>
      <EventFilters query={query} selectedActors={actorFilter.selected} action="/map" listControls={false} />
      <Notices notices={[...noticeMessages(notices, PAGING_PARAMS), ...viewNotices, ...actorFilter.notices]} />
      <ActorChoices choices={actorFilter.choices} />
      <ActiveFilters
        query={query}
        actorNames={new Map(actorFilter.selected.map((a) => [a.slug, a.name]))}
        basePath="/map"
      />
      <MapView events={events} total={total} query={query} view={view} base="/map" />
    </>
  );
}
