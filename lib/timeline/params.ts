// The timeline's own URL parameters, on top of the shared event filters: the visible window
// (`start`, `end`), the lane grouping (`lanes`) and the event whose details are open (`selected`).
import { parseDateBound } from "../events/date-span";
import { rawValues, serializeEventQuery, type EventQuery, type RawParams } from "../events/query-params";
import { isEventId } from "../validation/event-id";
import { DAY_MS } from "../day";
import { MIN_WINDOW_MS, windowBounds } from "./window";

export interface TimelineView {
  start?: string;
  end?: string;
  lanes: "type" | "actor";
  selected?: string;
}

const get = (raw: RawParams, key: string): string | undefined => rawValues(raw, key)[0];

export function parseTimelineView(raw: RawParams): { view: TimelineView; notices: string[] } {
  const notices: string[] = [];
  const view: TimelineView = { lanes: get(raw, "lanes") === "actor" ? "actor" : "type" };
  for (const key of ["start", "end"] as const) {
    const v = get(raw, key);
    if (!v) continue;
    if (parseDateBound(v, key === "start" ? "from" : "to")) view[key] = v;
    else notices.push(`Ignored “${key}” “${v.slice(0, 40)}”: use YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
  const selected = get(raw, "selected");
  if (isEventId(selected)) view.selected = selected;
  return { view, notices };
}

/** The timeline URL for filters + view; defaults left out. */
export function timelineHref(base: string, query: EventQuery, view: TimelineView): string {
  const qs = new URLSearchParams(serializeEventQuery({ ...query, page: 1, pageSize: undefined }).slice(1));
  if (view.start) qs.set("start", view.start);
  if (view.end) qs.set("end", view.end);
  if (view.lanes !== "type") qs.set("lanes", view.lanes);
  if (view.selected) qs.set("selected", view.selected);
  const s = qs.toString();
  return `${base}${s ? `?${s}` : ""}`;
}

/**
 * timelineHref for each item of one view, with `selected` set: the shared part is built once and
 * each id only appended (a view has up to ~450 items), which holds because `selected` is the
 * parameter timelineHref writes last.
 */
export function selectionHref(base: string, query: EventQuery, view: TimelineView): (id: string) => string {
  const shared = timelineHref(base, query, { ...view, selected: undefined });
  const joiner = shared.includes("?") ? "&" : "?";
  return (id) => `${shared}${joiner}${new URLSearchParams({ selected: id })}`;
}

/** Windows for the zoom and pan controls: half or double the width, or a half-width step. */
export function neighbours(startMs: number, endMs: number) {
  const w = endMs - startMs;
  const mid = startMs + w / 2;
  return {
    zoomIn: windowBounds(mid - Math.max(w / 4, MIN_WINDOW_MS / 2), mid + Math.max(w / 4, MIN_WINDOW_MS / 2)),
    zoomOut: windowBounds(mid - w, mid + w),
    earlier: windowBounds(startMs - w / 2, endMs - w / 2),
    later: windowBounds(startMs + w / 2, endMs + w / 2),
  };
}

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * The window shown, [start, end) in ms: the URL's bounds, or else the filtered events' extent
 * (first day, day after the last) with a little room either side; a week at the least.
 */
export function windowFor(
  extent: { first: number | null; last: number | null },
  view: Pick<TimelineView, "start" | "end">,
): [number, number] {
  const first = extent.first ?? Date.UTC(2023, 0, 1);
  const last = extent.last ?? Date.UTC(2024, 0, 1);
  const pad = Math.round(Math.max(30 * DAY_MS, (last - first) * 0.03) / DAY_MS) * DAY_MS;
  const from = view.start && parseDateBound(view.start, "from");
  const to = view.end && parseDateBound(view.end, "to");
  const start = from ? ms(from) : first - pad;
  const end = to ? ms(to) + DAY_MS : last + pad;
  return end - start >= MIN_WINDOW_MS ? [start, end] : [start, start + MIN_WINDOW_MS];
}
