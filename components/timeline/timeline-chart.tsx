// The timeline as server-rendered SVG: histogram, axis, lanes, marks or counts. Every mark is a
// link (focusable, named for screen readers) that opens its details, so the chart works before
// any JavaScript arrives; timeline-gestures.tsx adds tooltips, arrow keys and zoom gestures.
import { eventTypeLabel } from "@/lib/events/codebook";
import { bucketCounts, bucketInterval, labelX, makeScale, markFor, placeLabels, type Mark, type TimelineEvent } from "@/lib/timeline/geometry";
import type { Lane } from "@/lib/timeline/lanes";

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
type Props = { lanes: Lane[]; visible: TimelineEvent[]; aggregated: boolean; startMs: number; endMs: number; hrefFor: HrefFor; selectedId?: string };

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
// Marks that begin before the window or end after it are cut at the plot's edges, never drawn
// over the lane names.
const clampX = (v: number) => Math.min(WIDTH, Math.max(GUTTER, v));

export function TimelineChart({ lanes, visible, aggregated, startMs, endMs, hrefFor, selectedId }: Props) {
  const scale = makeScale(startMs, endMs, WIDTH - GUTTER);
  const x = (d: Date) => clampX(GUTTER + scale(d));
  const interval = bucketInterval(startMs, endMs, Math.max(6, Math.floor(COUNT_BUDGET / Math.max(1, lanes.length))));
  const histogram = bucketCounts(visible, startMs, endMs, bucketInterval(startMs, endMs, 80));
  const maxCount = Math.max(1, ...histogram.map((b) => b.count));
  const height = HIST + AXIS + lanes.length * LANE + 8;
  const ticks = scale.ticks(8);
  const fmt = scale.tickFormat(8);

  return (
    <svg className="timeline-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={`Timeline from ${iso(startMs)} to ${iso(endMs - 86_400_000)}: ${visible.length} events${aggregated ? ", shown as counts per period" : ""}`}>
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#dbe8f7" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#0b5cad" strokeWidth="2" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        {histogram.map((b) => {
          const h = (b.count / maxCount) * (HIST - 8);
          return b.count ? <rect key={b.start} className="hist" x={x(new Date(b.start))} width={Math.max(1, x(new Date(b.end)) - x(new Date(b.start)) - 1)} y={HIST - h} height={h} /> : null;
        })}
        {ticks.map((t) => (
          <g key={t.getTime()}>
            <line className="tick" x1={x(t)} x2={x(t)} y1={HIST} y2={height} />
            <text className="tick-label" x={x(t) + 3} y={HIST + 17}>{fmt(t)}</text>
          </g>
        ))}
      </g>
      {lanes.map((lane, i) => {
        const y = HIST + AXIS + i * LANE;
        return (
          <g key={lane.label} role="list" aria-label={`${lane.label}: ${lane.events.length} events`} data-lane={i}>
            <text className="lane-label" x={6} y={y + 21} aria-hidden="true">{lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label}</text>
            <line className="lane-line" x1={GUTTER} x2={WIDTH} y1={y + LANE} y2={y + LANE} aria-hidden="true" />
            {aggregated ? <Counts events={lane.events} startMs={startMs} endMs={endMs} interval={interval} x={x} y={y} hrefFor={hrefFor} lane={lane.label} /> : <Marks marks={lane.events.map((e) => markFor(e, x))} y={y} hrefFor={hrefFor} selectedId={selectedId} />}
          </g>
        );
      })}
    </svg>
  );
}

function Marks({ marks, y, hrefFor, selectedId }: { marks: Mark[]; y: number; hrefFor: HrefFor; selectedId?: string }) {
  const labels = placeLabels(marks, WIDTH - 4);
  return marks.map((m) => {
    const e = m.event;
    const date = `${e.dateLabel}${e.precision !== "day" ? ` (known to the ${e.precision})` : ""}`;
    const type = eventTypeLabel(e.type);
    // data-date/data-type feed the visible tooltip on hover and focus; the name carries the same.
    return (
      <a key={e.id} href={hrefFor({ selected: e.id })} aria-label={`${e.title}, ${date}, ${type}`} role="listitem" aria-current={e.id === selectedId ? "true" : undefined} className={`mark ${m.kind}${e.approximate ? " approximate" : ""}`} data-id={e.id} data-title={e.title} data-date={date} data-type={type}>
        {m.kind === "point" ? (
          <circle cx={(m.x1 + m.x2) / 2} cy={y + 17} r={5} />
        ) : (
          // At least 6 units wide: a two-day range or a month seen across decades must stay visible.
          <rect x={Math.min(m.x1, WIDTH - 6)} y={y + 11} width={Math.max(6, m.x2 - m.x1)} height={12} rx={m.kind === "bar" ? 3 : 0} />
        )}
        {labels.has(e.id) && <text x={labelX(m)} y={y + 8}>{labels.get(e.id)}</text>}
      </a>
    );
  });
}

type CountsProps = { events: TimelineEvent[]; startMs: number; endMs: number; interval: ReturnType<typeof bucketInterval>; x: (d: Date) => number; y: number; hrefFor: HrefFor; lane: string };

function Counts({ events, startMs, endMs, interval, x, y, hrefFor, lane }: CountsProps) {
  return bucketCounts(events, startMs, endMs, interval).filter((b) => b.count).map((b) => {
    const x1 = x(new Date(b.start));
    const w = Math.max(12, x(new Date(b.end)) - x1 - 1);
    const period = `${iso(Math.max(b.start, startMs))} to ${iso(Math.min(b.end, endMs) - 86_400_000)}`;
    return (
      <a key={b.start} href={hrefFor({ start: iso(b.start), end: iso(b.end - 86_400_000) })} aria-label={`${b.count} events in ${lane}, ${period}: zoom in`} role="listitem" className="bucket" data-title={`${b.count} events in ${lane}`} data-date={period} data-type="Select to zoom in">
        <rect x={x1} y={y + 8} width={w} height={18} rx={3} />
        <text x={x1 + w / 2} y={y + 21} textAnchor="middle">{b.count}</text>
      </a>
    );
  });
}
