// The map as server-rendered SVG markup, as the timeline is (decisions 0007 and 0016): the base
// geography, shaded countries, transfer arrows, halos, points and counts. Every mark is a link,
// focusable and named for screen readers, so the map works before (and without) any JavaScript.
// Every value written into the markup goes through escape-html (via open/el).
import { geoPath, type GeoProjection } from "d3-geo";
import { eventTypeLabel, type LocationPrecisionSlug } from "@/lib/events/codebook";
import { countryByAlpha2, countryFeatures, countryName } from "@/lib/map/geography";
import { HALO_KM, type MapLayout, type PositionedMark } from "@/lib/map/marks";
import { HEIGHT, WIDTH } from "@/lib/map/projection";
import { el, open } from "@/components/timeline/timeline-svg";
import type { Cluster } from "@/lib/map/cluster";

type Props = {
  layout: MapLayout;
  projection: GeoProjection;
  /** The view's key (zoom and centre): the base geography depends on nothing else. */
  viewKey: string;
  total: number;
  /** Where a count leads: a closer view centred on it, or null when it cannot split further. */
  zoomHref: (c: Cluster<PositionedMark>) => string | null;
  eventHref: (id: string) => string;
  /** "_top" in the embed: an event opens in the article's window, not in its frame. */
  target?: string;
};

// The land under the marks is the same for every filter: its markup is kept per view (zoom and
// centre), a few dozen of which cover what readers look at.
const baseCache = new Map<string, string>();
const BASE_CACHE_SIZE = 64;

function baseMap(projection: GeoProjection, viewKey: string): string {
  const hit = baseCache.get(viewKey);
  if (hit !== undefined) return hit;
  const path = geoPath(projection).digits(0);
  const out = [`<path class="sphere" d="${path({ type: "Sphere" }) ?? ""}"/>`];
  for (const f of countryFeatures()) {
    const d = path(f);
    if (d) out.push(`<path class="land" d="${d}"/>`);
  }
  const markup = out.join("");
  if (baseCache.size >= BASE_CACHE_SIZE) baseCache.delete(baseCache.keys().next().value!);
  baseCache.set(viewKey, markup);
  return markup;
}

export const PRECISION_WORDS: Record<LocationPrecisionSlug, string> = {
  exact: "the exact spot",
  city: `known to the city (within about ${HALO_KM.city} km)`,
  region: `known to the region (within about ${HALO_KM.region} km)`,
  country: "known only to the country",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Shading steps: 1, 2–4, 5 or more events known only to the country. */
const level = (n: number) => (n >= 5 ? 3 : n >= 2 ? 2 : 1);

export function mapSvg({ layout, projection, viewKey, total, zoomHref, eventHref, target }: Props): string {
  const path = geoPath(projection).digits(0);
  const drawn = layout.clusters.reduce((s, c) => s + c.items.length, 0);
  const label = `Map of ${plural(total, "event")}: ${plural(layout.countries.length, "country", "countries")} shaded, ${plural(drawn, "event")} placed, ${plural(layout.arrows.length, "transfer arrow")}`;
  const out: string[] = [
    open("svg", { class: "map-svg", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group", "aria-label": label }),
    '<defs><marker id="map-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker></defs>',
    `<g aria-hidden="true">${baseMap(projection, viewKey)}</g>`,
  ];
  if (layout.countries.length) {
    out.push(open("g", { role: "list", "aria-label": "Countries shaded: events known only to the country" }));
    for (const c of layout.countries) {
      const d = path(countryByAlpha2(c.code)!);
      if (!d) continue; // outside this view
      const name = countryName(c.code);
      out.push(
        open("a", {
          href: `#country-${c.code}`,
          role: "listitem",
          class: `country-mark level-${level(c.events.length)}`,
          "aria-label": `${name}: ${plural(c.events.length, "event")} known only to the country, listed below`,
        }),
        el("path", { d }),
        "</a>",
      );
    }
    out.push("</g>");
  }
  if (layout.arrows.length) {
    out.push(open("g", { role: "list", "aria-label": "Transfers, supplier to recipient" }));
    for (const a of layout.arrows) {
      // Bowed to the left of the direction of travel, so A → B and B → A stay apart.
      const mx = (a.x1 + a.x2) / 2 - (a.y2 - a.y1) * 0.2;
      const my = (a.y1 + a.y2) / 2 + (a.x2 - a.x1) * 0.2;
      out.push(
        open("a", {
          href: "#transfers",
          role: "listitem",
          class: "arrow",
          "aria-label": `${countryName(a.from)} to ${countryName(a.to)}: ${plural(a.events.length, "transfer")}, listed below`,
        }),
        el("path", {
          d: `M${a.x1.toFixed(1)},${a.y1.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${a.x2.toFixed(1)},${a.y2.toFixed(1)}`,
          "stroke-width": Math.min(6, 1.5 + Math.log2(a.events.length)),
          "marker-end": "url(#map-arrowhead)",
        }),
        "</a>",
      );
    }
    out.push("</g>");
  }
  if (layout.clusters.length) {
    out.push(open("g", { role: "list", "aria-label": "Places" }));
    // Larger halos first, so a small one on top of a large one stays reachable by pointer.
    const sorted = [...layout.clusters].sort((a, b) => radius(b) - radius(a));
    for (const c of sorted)
      out.push(c.items.length === 1 ? single(c.items[0], eventHref, target) : count(c, zoomHref(c)));
    out.push("</g>");
  }
  out.push("</svg>");
  return out.join("");
}

const radius = (c: Cluster<PositionedMark>) => (c.items.length === 1 ? c.items[0].r : 0);

function single(m: PositionedMark, eventHref: (id: string) => string, target?: string): string {
  const e = m.event;
  const where = `${e.place ?? "place not named"}, ${PRECISION_WORDS[e.locationPrecision]}`;
  return (
    open("a", {
      href: eventHref(e.id),
      target,
      role: "listitem",
      class: `mark ${m.kind}`,
      "aria-label": `${e.title}, ${e.dateLabel}, ${eventTypeLabel(e.type)}; ${where}`,
    }) +
    el("circle", { cx: m.x, cy: m.y, r: m.r }) +
    "</a>"
  );
}

function count(c: Cluster<PositionedMark>, href: string | null): string {
  const n = c.items.length;
  const r = Math.min(20, 9 + Math.log2(n) * 2);
  return (
    open("a", {
      href: href ?? "#map-list",
      role: "listitem",
      class: "cluster",
      "aria-label": href ? `${n} events here: zoom in to split them` : `${n} events at one place: listed below`,
    }) +
    el("circle", { cx: c.x, cy: c.y, r }) +
    el("text", { x: c.x, y: c.y + 4, "text-anchor": "middle" }, String(n)) +
    "</a>"
  );
}
