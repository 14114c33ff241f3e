// The map's projection for a view: Natural Earth (a compromise projection that shows the whole
// world without Mercator's polar blow-up), fitted to a fixed 1000 × 500 drawing at zoom 0, each
// zoom level doubling the scale. Longitude pans by rotating the globe, so panning east past 180°
// carries on around the world; latitude pans by moving the centre.
import { geoNaturalEarth1, type GeoProjection } from "d3-geo";
import type { MapView } from "./params";

export const WIDTH = 1000;
export const HEIGHT = 500;
const MARGIN = 6;

const BASE_SCALE = geoNaturalEarth1()
  .fitExtent(
    [
      [MARGIN, MARGIN],
      [WIDTH - MARGIN, HEIGHT - MARGIN],
    ],
    { type: "Sphere" },
  )
  .scale();

export function projectionFor(view: MapView): GeoProjection {
  return (
    geoNaturalEarth1()
      .rotate([-view.c[0], 0])
      .center([0, view.c[1]])
      .scale(BASE_SCALE * 2 ** view.z)
      .translate([WIDTH / 2, HEIGHT / 2])
      // Resampling curves to within a whole unit (the markup's own rounding) rather than d3's
      // default of 0.7 draws the land about twice as fast, with the same outlines.
      .precision(1)
      .clipExtent([
        [0, 0],
        [WIDTH, HEIGHT],
      ])
  );
}

/** Whether a projected point falls within the drawing (with a margin for marks cut at the edge). */
export const onScreen = ([x, y]: [number, number], margin = 0) =>
  x >= -margin && x <= WIDTH + margin && y >= -margin && y <= HEIGHT + margin;

const KM_PER_DEGREE = 111.32;

/**
 * A ground distance as pixels at a place: the projected distance to the point that far north
 * (Natural Earth is not conformal, so this is the north-south scale there, close enough for a halo).
 */
export function kmToPixels(projection: GeoProjection, lonLat: [number, number], km: number): number {
  const north: [number, number] = [lonLat[0], Math.min(90, lonLat[1] + km / KM_PER_DEGREE)];
  const a = projection(lonLat);
  const b = projection(north);
  return a && b ? Math.hypot(b[0] - a[0], b[1] - a[1]) : 0;
}

/** The view centred on a pixel of the current drawing, e.g. a cluster the reader zooms into. */
export function lonLatAt(projection: GeoProjection, x: number, y: number): [number, number] | null {
  const p = projection.invert?.([x, y]);
  return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0], p[1]] : null;
}
