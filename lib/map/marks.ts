// What the map draws for each event, never more precisely than its location is known:
// - country: the country itself is shaded (never a pin at its centre);
// - region or city: a halo whose radius is the uncertainty (HALO_KM), drawn at least MIN_HALO_PX;
// - exact: a point.
// Positioned marks (halos and points) are then clustered in screen space; transfers add an arrow
// per supplier → recipient country pair. Pure: the SVG writer (components/map/map-svg.ts) and the
// tests use the same layout.
import type { GeoProjection } from "d3-geo";
import type { LocationPrecisionSlug } from "../events/codebook";
import { clusterByGrid, type Cluster } from "./cluster";
import { countryByAlpha2, countryCentroid } from "./geography";
import { kmToPixels, onScreen } from "./projection";

export interface MapEvent {
  id: string;
  title: string;
  type: string;
  dateLabel: string;
  place: string | null;
  countryCodes: string[];
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecisionSlug;
  /** Countries of the actors in the supplier and recipient roles (transfers only). */
  suppliers: string[];
  recipients: string[];
}

/** The radius of uncertainty drawn around a position known to the city or to the region. */
export const HALO_KM = { city: 25, region: 250 } as const;
/** A halo smaller than this would read as a point: it is drawn this large (and the legend says so). */
export const MIN_HALO_PX = 7;
export const POINT_PX = 4;
/** Arrows beyond this many country pairs are listed below the map rather than drawn. */
export const MAX_ARROWS = 40;
export const TRANSFER_TYPES = new Set(["arms-transfer", "technology-transfer"]);

export interface PositionedMark {
  event: MapEvent;
  kind: "point" | "halo";
  x: number;
  y: number;
  /** Halo radius in pixels (for points, POINT_PX). */
  r: number;
}

export interface ShadedCountry {
  code: string;
  events: MapEvent[];
}

export interface Arrow {
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  events: MapEvent[];
}

export interface MapLayout {
  clusters: Cluster<PositionedMark>[];
  countries: ShadedCountry[];
  arrows: Arrow[];
  /** Positioned events whose place is outside this view. */
  outside: number;
  /** Country-precision events none of whose countries the 1:110m base map draws (e.g. Singapore). */
  undrawn: MapEvent[];
  /** Country pairs beyond MAX_ARROWS, not drawn. */
  arrowsLeftOut: number;
}

const positioned = (e: MapEvent): e is MapEvent & { latitude: number; longitude: number } =>
  e.locationPrecision !== "country" && e.latitude !== null && e.longitude !== null;

export function positionMark(
  e: MapEvent & { latitude: number; longitude: number },
  projection: GeoProjection,
): PositionedMark | null {
  const lonLat: [number, number] = [e.longitude, e.latitude];
  const p = projection(lonLat);
  if (!p || !onScreen(p)) return null;
  if (e.locationPrecision === "exact") return { event: e, kind: "point", x: p[0], y: p[1], r: POINT_PX };
  const km = HALO_KM[e.locationPrecision as keyof typeof HALO_KM];
  return { event: e, kind: "halo", x: p[0], y: p[1], r: Math.max(MIN_HALO_PX, kmToPixels(projection, lonLat, km)) };
}

export function layoutMap(events: MapEvent[], projection: GeoProjection): MapLayout {
  const marks: PositionedMark[] = [];
  const byCountry = new Map<string, MapEvent[]>();
  const undrawn: MapEvent[] = [];
  let outside = 0;
  for (const e of events) {
    if (positioned(e)) {
      const m = positionMark(e, projection);
      if (m) marks.push(m);
      else outside++;
      continue;
    }
    // Rows written before the precision existed are country-level: shade their countries.
    const drawn = e.countryCodes.filter((c) => countryByAlpha2(c));
    if (!drawn.length) undrawn.push(e);
    for (const c of drawn) {
      const list = byCountry.get(c);
      if (list) list.push(e);
      else byCountry.set(c, [e]);
    }
  }
  const { arrows, leftOut } = transferArrows(events, projection);
  return {
    clusters: clusterByGrid(marks),
    countries: [...byCountry].map(([code, list]) => ({ code, events: list })),
    arrows,
    outside,
    undrawn,
    arrowsLeftOut: leftOut,
  };
}

/** One arrow per supplier → recipient country pair of the transfers, the busiest pairs first. */
export function transferArrows(events: MapEvent[], projection: GeoProjection): { arrows: Arrow[]; leftOut: number } {
  const pairs = new Map<string, { from: string; to: string; events: MapEvent[] }>();
  for (const e of events) {
    if (!TRANSFER_TYPES.has(e.type)) continue;
    for (const from of new Set(e.suppliers)) {
      for (const to of new Set(e.recipients)) {
        if (from === to) continue;
        const key = `${from}>${to}`;
        const pair = pairs.get(key) ?? { from, to, events: [] };
        pair.events.push(e);
        pairs.set(key, pair);
      }
    }
  }
  const drawable: Arrow[] = [];
  for (const p of pairs.values()) {
    const a = countryCentroid(p.from);
    const b = countryCentroid(p.to);
    const pa = a && projection(a);
    const pb = b && projection(b);
    if (!pa || !pb) continue;
    drawable.push({ ...p, x1: pa[0], y1: pa[1], x2: pb[0], y2: pb[1] });
  }
  drawable.sort(
    (x, y) => y.events.length - x.events.length || x.from.localeCompare(y.from) || x.to.localeCompare(y.to),
  );
  return { arrows: drawable.slice(0, MAX_ARROWS), leftOut: Math.max(0, drawable.length - MAX_ARROWS) };
}
