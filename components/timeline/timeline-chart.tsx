// The timeline as server-rendered SVG: histogram, axis, lanes, marks or counts. Every mark is a
// link (focusable, named for screen readers) that opens its details; nothing here needs
// JavaScript in the browser.
import { eventTypeLabel } from "@/lib/events/codebook";
import { bucketCounts, bucketInterval, inView, makeScale, markFor, placeLabels, type Mark, type TimelineEvent } from "@/lib/timeline/geometry";

export const MAX_MARKS = 400;
const WIDTH = 1000;
const GUTTER = 170;
const HIST = 56;
const AXIS = 26;
const LANE = 34;

type Props = { events: TimelineEvent[]; startMs: number; endMs: number; hrefFor: (p: { selected?: string; start?: string; end?: string }) => string; lanes: "type" | "actor"; target?: string };

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function TimelineChart({ events, startMs, endMs, hrefFor, lanes, target }: Props) {
  const scale = makeScale(startMs, endMs, WIDTH - GUTTER);
  const x = (d: Date) => GUTTER + scale(d);
  const visible = events.filter((e) => inView(e, startMs, endMs));
  const laneNames = [...new Set(visible.flatMap((e) => e.lanes))].sort((a, b) => a.localeCompare(b)).slice(0, 40);
  const aggregated = visible.length > MAX_MARKS;
  // Counts stay within the page budget: about 450 count links across all lanes.
  const interval = bucketInterval(startMs, endMs, Math.max(6, Math.floor(450 / Math.max(1, laneNames.length))));
  const histogram = bucketCounts(visible, startMs, endMs, bucketInterval(startMs, endMs, 80));
  const maxCount = Math.max(1, ...histogram.map((b) => b.count));
  const height = HIST + AXIS + laneNames.length * LANE + 8;
  const ticks = scale.ticks(8);
  const fmt = scale.tickFormat(8);
  const laneLabel = (name: string) => (lanes === "type" ? eventTypeLabel(name) : name);

  return (
    <svg className="timeline-svg" viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label={`Timeline from ${iso(startMs)} to ${iso(endMs)}: ${visible.length} events${aggregated ? ", shown as counts per period" : ""}`}>
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
      {laneNames.map((lane, i) => {
        const y = HIST + AXIS + i * LANE;
        const inLane = visible.filter((e) => e.lanes.includes(lane));
        return (
          <g key={lane} role="list" aria-label={`${laneLabel(lane)}: ${inLane.length} events`}>
            <text className="lane-label" x={6} y={y + 21} aria-hidden="true">{laneLabel(lane).slice(0, 24)}</text>
            <line className="lane-line" x1={GUTTER} x2={WIDTH} y1={y + LANE} y2={y + LANE} aria-hidden="true" />
            {aggregated ? <Counts events={inLane} startMs={startMs} endMs={endMs} interval={interval} x={x} y={y} hrefFor={hrefFor} lane={laneLabel(lane)} /> : <Marks marks={inLane.map((e) => markFor(e, (d) => x(d)))} y={y} hrefFor={hrefFor} target={target} />}
          </g>
        );
      })}
    </svg>
  );
}

function Marks({ marks, y, hrefFor, target }: { marks: Mark[]; y: number; hrefFor: Props["hrefFor"]; target?: string }) {
  const labelled = placeLabels(marks);
  return marks.map((m) => {
    const e = m.event;
    const name = `${e.title}, ${e.dateLabel}${e.precision !== "day" ? ` (known to the ${e.precision})` : ""}, ${eventTypeLabel(e.type)}`;
    return (
      <a key={e.id} href={hrefFor({ selected: e.id })} target={target} aria-label={name} role="listitem" className={`mark ${m.kind}${e.approximate ? " approximate" : ""}`} data-id={e.id}>
        <title>{name}</title>
        {m.kind === "point" ? (
          <circle cx={(m.x1 + m.x2) / 2} cy={y + 17} r={5} />
        ) : (
          <rect x={m.x1} y={y + 11} width={m.x2 - m.x1} height={12} rx={m.kind === "bar" ? 3 : 0} />
        )}
        {labelled.has(e.id) && <text x={m.kind === "point" ? (m.x1 + m.x2) / 2 + 8 : m.x1 + 2} y={y + 8}>{e.title.length > 40 ? `${e.title.slice(0, 39)}…` : e.title}</text>}
      </a>
    );
  });
}

function Counts({ events, startMs, endMs, interval, x, y, hrefFor, lane }: { events: TimelineEvent[]; startMs: number; endMs: number; interval: ReturnType<typeof bucketInterval>; x: (d: Date) => number; y: number; hrefFor: Props["hrefFor"]; lane: string }) {
  return bucketCounts(events, startMs, endMs, interval).filter((b) => b.count).map((b) => {
    const x1 = x(new Date(b.start));
    const w = Math.max(12, x(new Date(b.end)) - x1 - 1);
    const label = `${b.count} ${lane} events from ${iso(b.start)}: zoom in`;
    return (
      <a key={b.start} href={hrefFor({ start: iso(b.start), end: iso(b.end) })} aria-label={label} role="listitem" className="bucket">
        <title>{label}</title>
        <rect x={x1} y={y + 8} width={w} height={18} rx={3} />
        <text x={x1 + w / 2} y={y + 21} textAnchor="middle">{b.count}</text>
      </a>
    );
  });
}
