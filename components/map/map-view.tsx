// Everything on a map page below the filters: zoom and pan links, legend, the map itself and the
// same events listed by country. Shared by /map and /embed/map.
import Link from "next/link";
import { eventTypeLabel } from "@/lib/events/codebook";
import type { EventQuery } from "@/lib/events/query-params";
import type { Cluster } from "@/lib/map/cluster";
import { countryName } from "@/lib/map/geography";
import { HALO_KM, layoutMap, MIN_HALO_PX, TRANSFER_TYPES, type MapEvent, type PositionedMark } from "@/lib/map/marks";
import { mapHref, MAX_ZOOM, moveView, type MapView as View } from "@/lib/map/params";
import { HEIGHT, lonLatAt, projectionFor, WIDTH } from "@/lib/map/projection";
import { MapKeys } from "./map-keys";
import { mapSvg, PRECISION_WORDS } from "./map-svg";

/** Events listed under each country below the map; the table has the rest. */
const PER_COUNTRY = 25;
const NO_COUNTRY = "none";

type Props = { events: MapEvent[]; total: number; query: EventQuery; view: View; base: string; embed?: boolean };

export function MapView({ events, total, query, view, base, embed = false }: Props) {
  const projection = projectionFor(view);
  const layout = layoutMap(events, projection);
  const href = (v: View) => mapHref(base, query, v);
  const step = (dx: number, dy: number) => {
    const c = lonLatAt(projection, WIDTH / 2 + (dx * WIDTH) / 2, HEIGHT / 2 + (dy * HEIGHT) / 2);
    return c ? href(moveView(view, { c })) : href(view);
  };
  const zoomHref = (c: Cluster<PositionedMark>) => {
    const same = c.items.every((m) => m.x === c.items[0].x && m.y === c.items[0].y);
    const centre = lonLatAt(projection, c.x, c.y);
    return view.z >= MAX_ZOOM || same || !centre ? null : href(moveView(view, { z: view.z + 2, c: centre }));
  };
  const target = embed ? "_top" : undefined;
  const eventHref = (id: string) => `/events/${id}`;
  const svg = mapSvg({
    layout,
    projection,
    viewKey: `${view.z}:${view.c.join(",")}`,
    total,
    zoomHref,
    eventHref,
    target,
  });
  const zoomIn = href(moveView(view, { z: view.z + 1 }));
  const zoomOut = href(moveView(view, { z: view.z - 1 }));
  const pan: Record<string, string> =
    view.z > 0 ? { ArrowLeft: step(-1, 0), ArrowRight: step(1, 0), ArrowUp: step(0, -1), ArrowDown: step(0, 1) } : {};
  const shown = events.length < total ? ` (the earliest ${events.length} drawn)` : "";

  return (
    <div className="map">
      <nav aria-label="Map controls" className="map-controls">
        <Link href={zoomIn} scroll={false} aria-disabled={view.z >= MAX_ZOOM || undefined}>
          Zoom in
        </Link>
        <Link href={zoomOut} scroll={false} aria-disabled={view.z === 0 || undefined}>
          Zoom out
        </Link>
        {view.z > 0 && (
          <>
            <Link href={step(-1, 0)} scroll={false}>
              ← West
            </Link>
            <Link href={step(1, 0)} scroll={false}>
              East →
            </Link>
            <Link href={step(0, -1)} scroll={false}>
              ↑ North
            </Link>
            <Link href={step(0, 1)} scroll={false}>
              South ↓
            </Link>
            <Link href={href(moveView(view, { z: 0 }))} scroll={false}>
              Whole world
            </Link>
          </>
        )}
        <span className="muted">
          Zoom {view.z} of {MAX_ZOOM}
        </span>
      </nav>
      <p className="muted" role="status">
        {total} events match{shown}.{layout.outside > 0 && ` ${layout.outside} placed outside this view.`}
        {layout.undrawn.length > 0 &&
          ` ${layout.undrawn.length} in countries too small for this map or with no country recorded: listed below.`}
        {layout.arrowsLeftOut > 0 && ` ${layout.arrowsLeftOut} more supplier–recipient pairs listed below, not drawn.`}
      </p>
      <ul className="legend" aria-label="Legend">
        <li>
          <svg width="22" height="14" aria-hidden="true">
            <rect x="1" y="1" width="20" height="12" className="legend-country" />
          </svg>{" "}
          known only to the country: the country is shaded (darker: more events)
        </li>
        <li>
          <svg width="22" height="22" aria-hidden="true">
            <circle cx="11" cy="11" r="9" className="legend-halo" />
          </svg>{" "}
          known to the city or region: a halo of about {HALO_KM.city} km or {HALO_KM.region} km (never drawn under{" "}
          {MIN_HALO_PX} px)
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="4" className="legend-point" />
          </svg>{" "}
          the exact spot
        </li>
        <li>
          <svg width="22" height="22" aria-hidden="true">
            <circle cx="11" cy="11" r="10" className="legend-cluster" />
          </svg>{" "}
          a count of events close together: select it to zoom in
        </li>
        <li>
          <svg width="30" height="14" aria-hidden="true">
            <path d="M2,10Q15,0 26,8" className="legend-arrow" />
          </svg>{" "}
          an arms or technology transfer, supplier to recipient
        </li>
      </ul>
      {/* Focusable so that + − and the arrow keys work on it (map-keys.tsx); the marks are links within. */}
      <div
        id="map-frame"
        className="map-frame"
        tabIndex={0}
        role="region"
        aria-label="Map: + and − zoom, arrow keys pan"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <MapKeys frameId="map-frame" keys={{ "+": zoomIn, "=": zoomIn, "-": zoomOut, ...pan }} />
      <MapList events={events} embed={embed} target={target} />
      {embed && (
        <p>
          <a href={mapHref("/map", query, view)} target="_top">
            Open this map in the tracker
          </a>
        </p>
      )}
    </div>
  );
}

function MapList({ events, embed, target }: { events: MapEvent[]; embed: boolean; target?: string }) {
  const byCountry = new Map<string, MapEvent[]>();
  for (const e of events) {
    for (const c of e.countryCodes.length ? e.countryCodes : [NO_COUNTRY]) {
      const list = byCountry.get(c);
      if (list) list.push(e);
      else byCountry.set(c, [e]);
    }
  }
  const name = (c: string) => (c === NO_COUNTRY ? "No country recorded" : countryName(c));
  const countries = [...byCountry.keys()].sort((a, b) => name(a).localeCompare(name(b)));
  const transfers = events.filter((e) => TRANSFER_TYPES.has(e.type) && e.suppliers.length && e.recipients.length);
  // Plain links rather than next/link components: a list can hold hundreds of them.
  const item = (e: MapEvent) => (
    <li key={e.id}>
      <a href={`/events/${e.id}`} target={target}>
        {e.title}
      </a>{" "}
      — {e.dateLabel}, {eventTypeLabel(e.type)}; {e.place ?? "place not named"} ({PRECISION_WORDS[e.locationPrecision]})
    </li>
  );
  return (
    <section className="map-list" id="map-list" aria-labelledby="map-list-title">
      <h2 id="map-list-title">The same events by country</h2>
      {countries.length === 0 && <p>No events match these filters.</p>}
      {countries.map((c) => {
        const list = byCountry.get(c)!;
        return (
          <section key={c} aria-labelledby={`country-${c}`}>
            <h3 id={`country-${c}`} tabIndex={-1}>
              {name(c)} ({list.length})
            </h3>
            <ul>{list.slice(0, PER_COUNTRY).map(item)}</ul>
            {list.length > PER_COUNTRY && (
              <p className="muted">
                and {list.length - PER_COUNTRY} more{embed ? "" : " — narrow the filters, or open the table"}.
              </p>
            )}
          </section>
        );
      })}
      {transfers.length > 0 && (
        <section aria-labelledby="transfers">
          <h3 id="transfers" tabIndex={-1}>
            Transfers, supplier → recipient
          </h3>
          <ul>
            {transfers.slice(0, PER_COUNTRY * 4).map((e) => (
              <li key={e.id}>
                {e.suppliers.map(countryName).join(", ")} → {e.recipients.map(countryName).join(", ")}:{" "}
                <a href={`/events/${e.id}`} target={target}>
                  {e.title}
                </a>{" "}
                — {e.dateLabel}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
