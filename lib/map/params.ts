// The map's own URL parameters, on top of the shared event filters: the zoom level (`z`, 0 = the
// whole world, each step doubles the scale) and the centre (`c`, "longitude,latitude"). Zoom and
// pan are plain links built from these, so they work with no JavaScript.
import { rawValues, serializeEventQuery, type EventQuery, type RawParams } from "../events/query-params";

export interface MapView {
  z: number;
  /** [longitude, latitude] of the map's centre. */
  c: [number, number];
}

export const MAX_ZOOM = 6;
export const DEFAULT_VIEW: MapView = { z: 0, c: [0, 0] };
// The whole world fits at zoom 0 with its centre on the equator; latitudes further than this from
// it would pan past the poles.
const MAX_LAT = 80;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Two decimals: a hundredth of a degree is finer than a pixel at the deepest zoom. */
// `|| 0`: never -0, which prints as 0 and so would not survive a round trip through the address.
const round2 = (v: number) => Math.round(v * 100) / 100 || 0;
/** Longitudes wrap around: 190 is -170. */
const wrapLon = (lon: number) => round2(((((lon + 180) % 360) + 360) % 360) - 180);

export function parseMapView(raw: RawParams): { view: MapView; notices: string[] } {
  const notices: string[] = [];
  const view: MapView = { z: DEFAULT_VIEW.z, c: [...DEFAULT_VIEW.c] };
  const z = rawValues(raw, "z")[0];
  if (z !== undefined && z !== "") {
    if (/^\d{1,2}$/.test(z)) view.z = clamp(Number(z), 0, MAX_ZOOM);
    else notices.push(`Ignored zoom “${z.slice(0, 20)}”: use a whole number from 0 to ${MAX_ZOOM}.`);
  }
  const c = rawValues(raw, "c")[0];
  if (c !== undefined && c !== "") {
    const m = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,2}(?:\.\d+)?)$/.exec(c.trim());
    if (m && Math.abs(Number(m[1])) <= 360 && Math.abs(Number(m[2])) <= 90)
      view.c = [wrapLon(Number(m[1])), clamp(round2(Number(m[2])), -MAX_LAT, MAX_LAT)];
    else notices.push(`Ignored centre “${c.slice(0, 40)}”: use longitude,latitude, e.g. 127.5,40.`);
  }
  // At the whole-world zoom the centre is always the default: there is nowhere to pan to.
  if (view.z === 0) view.c = [...DEFAULT_VIEW.c];
  return { view, notices };
}

/** The map URL for filters + view; defaults left out. */
export function mapHref(base: string, query: EventQuery, view: MapView): string {
  const qs = new URLSearchParams(serializeEventQuery({ ...query, page: 1, pageSize: undefined }).slice(1));
  if (view.z !== DEFAULT_VIEW.z) {
    qs.set("z", String(view.z));
    qs.set("c", `${wrapLon(view.c[0])},${clamp(round2(view.c[1]), -MAX_LAT, MAX_LAT)}`);
  }
  const s = qs.toString();
  return `${base}${s ? `?${s}` : ""}`;
}

/** A view at another zoom level and/or centre, kept within the limits the parser accepts. */
export function moveView(view: MapView, p: { z?: number; c?: [number, number] }): MapView {
  const z = clamp(p.z ?? view.z, 0, MAX_ZOOM);
  const c = p.c ?? view.c;
  return z === 0 ? { z, c: [...DEFAULT_VIEW.c] } : { z, c: [wrapLon(c[0]), clamp(round2(c[1]), -MAX_LAT, MAX_LAT)] };
}
