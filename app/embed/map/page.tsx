import type { Metadata } from "next";
import { MapView } from "@/components/map/map-view";
import { parseEventQuery } from "@/lib/events/query-params";
import { parseMapView } from "@/lib/map/params";
import { listMapEvents } from "@/lib/map/queries";
import "@/components/timeline/timeline.css";
import "@/components/map/map.css";

export const metadata: Metadata = { title: "Map (embedded)" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** For an iframe in a news article: the map and its list alone, links opening in the top window. */
export default async function EmbeddedMapPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { query } = parseEventQuery(raw);
  const { view } = parseMapView(raw);
  const { events, total } = await listMapEvents(query);
  return (
    <main id="main" className="embed">
      <h1 className="embed-title">Sanctions &amp; Arms-Transfer Tracker: map</h1>
      <MapView events={events} total={total} query={query} view={view} base="/embed/map" embed />
    </main>
  );
}
