// The timeline as server-rendered SVG markup: histogram, axis, lanes, marks or counts. Every mark
// is a link (focusable, named for screen readers) that opens its details, so the chart works
// before any JavaScript arrives; timeline-gestures.tsx adds tooltips, arrow keys and zoom gestures.
//
// Built as a string rather than as React elements (decision 0016): a view has up to ~450 links,
// and React serialised each one into the page's RSC payload and then rendered it again to HTML,
// which made the timeline the most expensive page under load. Every value written into the
// markup goes through escape-html.
import escapeHtml from "escape-html";
import { eventTypeLabel } from "@/lib/events/codebook";
import { precisionNote } from "@/lib/events/date-span";
import {
  bucketCounts,
  bucketInterval,
  labelX,
  makeScale,
  markFor,
  placeLabels,
  type Mark,
  type TimelineEvent,
} from "@/lib/timeline/geometry";
import type { Lane } from "@/lib/timeline/lanes";
import { DAY_MS } from "@/lib/day";

const WIDTH = 1000;
const GUTTER = 170;
const HIST = 56;
const AXIS = 26;
const LANE = 34;
/** Count links across all lanes when aggregated: well under the ~500 item elements budget. */
const COUNT_BUDGET = 450;
/** Shares of the chart's width taken by the lane names and by the plot, for pointer gestures. */
export const GUTTER_SHARE = GUTTER / WIDTH;
export const PLOT_SHARE = (WIDTH - GUTTER) / WIDTH;

type HrefFor = (p: { selected?: string; start?: string; end?: string }) => string;
/** `related`: the selected event's related events, id → how each relates to it ("responds to “…”"). */
type Props = {
  lanes: Lane[];
  visible: TimelineEvent[];
  aggregated: boolean;
  startMs: number;
  endMs: number;
  hrefFor: HrefFor;
  selectedId?: string;
  related?: Map<string, string>;
};
type Value = string | number | undefined;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
// A tenth of a unit is finer than a pixel at any size the chart is drawn.
const round = (v: number) => Math.round(v * 10) / 10;
// Marks that begin before the window or end after it are cut at the plot's edges, never drawn
// over the lane names.
const clampX = (v: number) => Math.min(WIDTH, Math.max(GUTTER, v));

/** `<name a="1" …>`, skipping undefined attributes and escaping every value (also used by the map). */
export function open(name: string, attrs: Record<string, Value>, selfClosing = false) {
  let s = `<${name}`;
  for (const [k, v] of Object.entries(attrs))
    if (v !== undefined) s += ` ${k}="${escapeHtml(String(typeof v === "number" ? round(v) : v))}"`;
  return s + (selfClosing ? "/>" : ">");
}
export const el = (name: string, attrs: Record<string, Value>, text?: string) =>
  text === undefined ? open(name, attrs, true) : `${open(name, attrs)}${escapeHtml(text)}</${name}>`;

export function timelineSvg({
  lanes,
  visible,
  aggregated,
  startMs,
  endMs,
  hrefFor,
  selectedId,
  related,
}: Props): string {
  const scale = makeScale(startMs, endMs, WIDTH - GUTTER);
  const x = (d: Date) => clampX(GUTTER + scale(d));
  const interval = bucketInterval(startMs, endMs, Math.max(6, Math.floor(COUNT_BUDGET / Math.max(1, lanes.length))));
  const histogram = bucketCounts(visible, startMs, endMs, bucketInterval(startMs, endMs, 80));
  const maxCount = Math.max(1, ...histogram.map((b) => b.count));
  const height = HIST + AXIS + lanes.length * LANE + 8;
  const ticks = scale.ticks(8);
  const fmt = scale.tickFormat(8);
  const label = `Timeline from ${iso(startMs)} to ${iso(endMs - DAY_MS)}: ${visible.length} events${aggregated ? ", shown as counts per period" : ""}`;

  const out: string[] = [
    open("svg", { class: "timeline-svg", viewBox: `0 0 ${WIDTH} ${height}`, role: "group", "aria-label": label }),
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#dbe8f7"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0b5cad" stroke-width="2"/></pattern></defs>',
    '<g aria-hidden="true">',
  ];
  for (const b of histogram) {
    if (!b.count) continue;
    const h = (b.count / maxCount) * (HIST - 8);
    const x1 = x(new Date(b.start));
    out.push(
      el("rect", { class: "hist", x: x1, width: Math.max(1, x(new Date(b.end)) - x1 - 1), y: HIST - h, height: h }),
    );
  }
  for (const t of ticks) {
    out.push(
      el("line", { class: "tick", x1: x(t), x2: x(t), y1: HIST, y2: height }),
      el("text", { class: "tick-label", x: x(t) + 3, y: HIST + 17 }, fmt(t)),
    );
  }
  out.push("</g>");
  lanes.forEach((lane, i) => {
    const y = HIST + AXIS + i * LANE;
    out.push(
      open("g", { role: "list", "aria-label": `${lane.label}: ${lane.events.length} events`, "data-lane": i }),
      el(
        "text",
        { class: "lane-label", x: 6, y: y + 21, "aria-hidden": "true" },
        lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label,
      ),
      el("line", { class: "lane-line", x1: GUTTER, x2: WIDTH, y1: y + LANE, y2: y + LANE, "aria-hidden": "true" }),
    );
    if (aggregated) counts(out, lane, startMs, endMs, interval, x, y, hrefFor);
    else
      marks(
        out,
        lane.events.map((e) => markFor(e, x)),
        y,
        hrefFor,
        selectedId,
        related,
      );
    out.push("</g>");
  });
  out.push("</svg>");
  return out.join("");
}

function marks(
  out: string[],
  list: Mark[],
  y: number,
  hrefFor: HrefFor,
  selectedId?: string,
  related?: Map<string, string>,
) {
  const labels = placeLabels(list, WIDTH - 4);
  for (const m of list) {
    const e = m.event;
    // endPrecision is set only for ranges (lib/timeline/queries.ts), so the span's end stands in for the end date.
    const note = precisionNote({ precision: e.precision, endPrecision: e.endPrecision, endDate: e.spanEnd });
    const date = `${e.dateLabel}${note ? ` (${note})` : ""}`;
    const type = eventTypeLabel(e.type);
    // data-date/data-type feed the visible tooltip on hover and focus; the name carries the same.
    out.push(
      open("a", {
        href: hrefFor({ selected: e.id }),
        "aria-label": `${e.title}, ${date}, ${type}${related?.has(e.id) ? `; related: ${related.get(e.id)}` : ""}`,
        role: "listitem",
        "aria-current": e.id === selectedId ? "true" : undefined,
        class: `mark ${m.kind}${e.approximate ? " approximate" : ""}${related?.has(e.id) ? " related" : ""}`,
        "data-id": e.id,
        "data-title": e.title,
        "data-date": date,
        "data-type": type,
      }),
      m.kind === "point"
        ? el("circle", { cx: (m.x1 + m.x2) / 2, cy: y + 17, r: 5 })
        : // At least 6 units wide: a two-day range or a month seen across decades must stay visible.
          el("rect", {
            x: Math.min(m.x1, WIDTH - 6),
            y: y + 11,
            width: Math.max(6, m.x2 - m.x1),
            height: 12,
            rx: m.kind === "bar" ? 3 : 0,
          }),
    );
    const text = labels.get(e.id);
    if (text !== undefined) out.push(el("text", { x: labelX(m), y: y + 8 }, text));
    out.push("</a>");
  }
}

function counts(
  out: string[],
  lane: Lane,
  startMs: number,
  endMs: number,
  interval: ReturnType<typeof bucketInterval>,
  x: (d: Date) => number,
  y: number,
  hrefFor: HrefFor,
) {
  for (const b of bucketCounts(lane.events, startMs, endMs, interval)) {
    if (!b.count) continue;
    const x1 = x(new Date(b.start));
    const w = Math.max(12, x(new Date(b.end)) - x1 - 1);
    const period = `${iso(Math.max(b.start, startMs))} to ${iso(Math.min(b.end, endMs) - DAY_MS)}`;
    out.push(
      open("a", {
        href: hrefFor({ start: iso(b.start), end: iso(b.end - DAY_MS) }),
        "aria-label": `${b.count} events in ${lane.label}, ${period}: zoom in`,
        role: "listitem",
        class: "bucket",
        "data-title": `${b.count} events in ${lane.label}`,
        "data-date": period,
        "data-type": "Select to zoom in",
      }),
      el("rect", { x: x1, y: y + 8, width: w, height: 18, rx: 3 }),
      el("text", { x: x1 + w / 2, y: y + 21, "text-anchor": "middle" }, String(b.count)),
      "</a>",
    );
  }
}
