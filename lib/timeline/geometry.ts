// Pure layout for the timeline: a UTC time scale, each event's mark (point, bar or uncertain
// span), and counts per time bucket when there are too many marks to draw. Server-rendered SVG
// built from these stays small: the browser gets the picture, not the data.
import { scaleUtc } from "d3-scale";
import { utcDay, utcMonth, utcWeek, utcYear, type CountableTimeInterval } from "d3-time";
import { DAY_MS } from "../day";

export interface TimelineEvent {
  id: string;
  title: string;
  type: string;
  precision: "day" | "month" | "year";
  /** For a range whose end is known to another precision than its start; absent or null: the same. */
  endPrecision?: "day" | "month" | "year" | null;
  approximate: boolean;
  /** First and last day the event may cover (YYYY-MM-DD), from its dates and precision. */
  spanStart: string;
  spanEnd: string;
  /** Whether the recorded date is a range (an end date was given). */
  isRange: boolean;
  dateLabel: string;
  lanes: string[];
}

export type MarkKind = "point" | "bar" | "uncertain";

export interface Mark {
  event: TimelineEvent;
  kind: MarkKind;
  x1: number;
  x2: number;
}

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function makeScale(startMs: number, endMs: number, width: number) {
  return scaleUtc()
    .domain([new Date(startMs), new Date(endMs)])
    .range([0, width]);
}

/**
 * Day-precision single days are points; recorded ranges are bars; month- and year-precision
 * dates are uncertain spans over the whole month or year, drawn hatched — never as a point on
 * the 1st, which would claim a precision the source does not have. A range with either end
 * known only to the month or year ("September 2022 – 2 November 2022") is hatched as a whole,
 * from the first day its start may be to the last its end may be: one mark cannot say which of
 * its parts is exact, and a solid bar would claim that both ends are.
 */
export function markFor(e: TimelineEvent, x: (d: Date) => number): Mark {
  const x1 = x(new Date(ms(e.spanStart)));
  const x2 = x(new Date(ms(e.spanEnd) + DAY_MS));
  const exact = e.precision === "day" && (e.endPrecision ?? e.precision) === "day";
  const kind: MarkKind = !exact ? "uncertain" : e.isRange ? "bar" : "point";
  return { event: e, kind, x1, x2: Math.max(x2, x1 + 1) };
}

/** Whether an event's span overlaps the visible window. */
export function inView(e: TimelineEvent, startMs: number, endMs: number) {
  return ms(e.spanEnd) + DAY_MS > startMs && ms(e.spanStart) < endMs;
}

const QUARTER = utcMonth.every(3) as CountableTimeInterval;
const DECADE = utcYear.every(10) as CountableTimeInterval;
const CENTURY = utcYear.every(100) as CountableTimeInterval;

/**
 * The finest calendar interval that gives at most `max` buckets over the window; centuries at
 * the widest, so that even an absurd window from the URL (start=0001) stays cheap to count.
 */
export function bucketInterval(startMs: number, endMs: number, max = 40): CountableTimeInterval {
  const days = (endMs - startMs) / DAY_MS;
  const options: [CountableTimeInterval, number][] = [
    [utcDay, 1],
    [utcWeek, 7],
    [utcMonth, 30.44],
    [QUARTER, 91.3],
    [utcYear, 365.25],
    [DECADE, 3652.5],
  ];
  for (const [interval, length] of options) if (days / length <= max) return interval;
  return CENTURY;
}

export interface Bucket {
  start: number;
  end: number;
  count: number;
}

/** Counts events by the bucket their span starts in (clamped to the window), over the window. */
export function bucketCounts(
  events: TimelineEvent[],
  startMs: number,
  endMs: number,
  interval: CountableTimeInterval,
): Bucket[] {
  const starts = interval.range(interval.floor(new Date(startMs)), new Date(endMs));
  if (!starts.length || starts[0].getTime() > startMs) starts.unshift(interval.floor(new Date(startMs)));
  const buckets = starts.map((d) => ({ start: d.getTime(), end: interval.offset(d, 1).getTime(), count: 0 }));
  for (const e of events) {
    const t = Math.max(ms(e.spanStart), startMs);
    // Binary search for the bucket holding t.
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid].start <= t) lo = mid;
      else hi = mid - 1;
    }
    if (t < endMs) buckets[lo].count++;
  }
  return buckets;
}

/** Where a mark's label starts: right of a point, at the start of a span. */
export const labelX = (m: Mark) => (m.kind === "point" ? (m.x1 + m.x2) / 2 + 8 : m.x1 + 2);

const MAX_LABEL = 40;
const MIN_LABEL = 8;

/**
 * Labels for one lane, left to right: each is kept only where it starts after the previous one
 * ends, shortened (with an ellipsis) to 40 characters and to end before the plot's right edge,
 * and dropped when fewer than 8 characters would fit. So labels never overlap each other or run
 * off the chart; the full title is always in the item's name and tooltip.
 */
export function placeLabels(marks: Mark[], right = Infinity, charWidth = 6.5, gap = 8): Map<string, string> {
  const shown = new Map<string, string>();
  let nextFree = -Infinity;
  for (const m of [...marks].sort((a, b) => a.x1 - b.x1)) {
    const x = labelX(m);
    if (x < nextFree) continue;
    const fits = Math.floor((right - x) / charWidth);
    const title = m.event.title;
    const limit = Math.min(MAX_LABEL, fits);
    if (limit < MIN_LABEL) continue;
    const text = title.length > limit ? `${title.slice(0, limit - 1).trimEnd()}…` : title;
    shown.set(m.event.id, text);
    nextFree = x + text.length * charWidth + gap;
  }
  return shown;
}
