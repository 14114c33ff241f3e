// The timeline window's units and limits, shared by the server (lib/timeline/params.ts) and the
// browser's zoom and pan (components/timeline/timeline-gestures.tsx): a client component imports
// this module, so it imports nothing but the day's length.
import { DAY_MS } from "../day";

/** The narrowest window shown: a week, whether asked for in the URL or reached by zooming in. */
export const MIN_WINDOW_MS = 7 * DAY_MS;

// Kept within four-digit years, which is all the parameters accept.
const FIRST_MS = Date.parse("0001-01-01T00:00:00Z");
const LAST_MS = Date.parse("9999-12-31T00:00:00Z");
const isoDay = (t: number) => new Date(Math.min(LAST_MS, Math.max(FIRST_MS, t))).toISOString().slice(0, 10);

/** URL bounds for the window [startMs, endMs): `end` names the last day shown, inclusive. */
export const windowBounds = (startMs: number, endMs: number) => ({
  start: isoDay(startMs),
  end: isoDay(endMs - DAY_MS),
});
