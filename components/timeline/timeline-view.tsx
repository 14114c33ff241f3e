// Everything on a timeline page below the filters: controls, legend, chart, details panel and
// the equivalent chronological list. Shared by /timeline and /embed/timeline.
import Link from "next/link";
import { RelatedInPanel, RelatedLegendItem, relatedMarks } from "@/components/relations/timeline-related";
import { DISPUTED_MARK_MEANING, DisputedMark } from "@/components/sources/disputed-mark";
import { eventTypeLabel } from "@/lib/events/codebook";
import type { EventQuery } from "@/lib/events/query-params";
import { inView, type TimelineEvent } from "@/lib/timeline/geometry";
import { neighbours, selectionHref, timelineHref, type TimelineView as View } from "@/lib/timeline/params";
import { assignLanes, markCount, MAX_MARKS } from "@/lib/timeline/lanes";
import type { TimelineSelection } from "@/lib/timeline/queries";
import { TimelineGestures } from "./timeline-gestures";
import { GUTTER_SHARE, PLOT_SHARE, timelineSvg } from "./timeline-svg";
import { DAY_MS } from "@/lib/day";

const LIST_CAP = 200;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

type Props = {
  /** The filtered events overlapping the window [startMs, endMs), in time order; total: all filtered events. */
  events: TimelineEvent[];
  total: number;
  startMs: number;
  endMs: number;
  selected: TimelineSelection | null;
  query: EventQuery;
  view: View;
  base: string;
  embed?: boolean;
};

export function TimelineView({ events, total, startMs, endMs, selected, query, view, base, embed = false }: Props) {
  const href = (p: Partial<View>) => timelineHref(base, query, { ...view, selected: undefined, ...p });
  const n = neighbours(startMs, endMs);
  const visible = events.filter((e) => inView(e, startMs, endMs));
  const lanes = assignLanes(visible, view.lanes);
  const aggregated = markCount(lanes) > MAX_MARKS;
  const byYear = new Map<string, TimelineEvent[]>();
  for (const e of visible.slice(0, LIST_CAP))
    byYear.set(e.spanStart.slice(0, 4), [...(byYear.get(e.spanStart.slice(0, 4)) ?? []), e]);
  const target = embed ? "_top" : undefined;
  // Marks select within the window shown.
  const selectHref = selectionHref(base, query, { ...view, start: isoDay(startMs), end: isoDay(endMs - DAY_MS) });

  return (
    <div className="timeline">
      <nav aria-label="Timeline controls" className="timeline-controls">
        <Link href={href(n.zoomIn)} scroll={false}>
          Zoom in
        </Link>
        <Link href={href(n.zoomOut)} scroll={false}>
          Zoom out
        </Link>
        <Link href={href(n.earlier)} scroll={false}>
          ← Earlier
        </Link>
        <Link href={href(n.later)} scroll={false}>
          Later →
        </Link>
        <Link href={href({ start: undefined, end: undefined })} scroll={false}>
          Show all
        </Link>
        <span className="muted">Lanes:</span>
        <Link href={href({ lanes: "type" })} aria-current={view.lanes === "type" ? "true" : undefined}>
          by type
        </Link>
        <Link href={href({ lanes: "actor" })} aria-current={view.lanes === "actor" ? "true" : undefined}>
          by actor
        </Link>
      </nav>
      <p className="muted" role="status">
        {visible.length} of {total} events between {isoDay(startMs)} and {isoDay(endMs - DAY_MS)}
        {aggregated
          ? " — too many to draw one by one, so shown as counts per period; select a count or zoom in to split it."
          : "."}
      </p>
      <ul className="legend" aria-label="Legend">
        <li>
          <svg width="18" height="12" aria-hidden="true">
            <circle cx="9" cy="6" r="5" className="legend-point" />
          </svg>{" "}
          a known day
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true">
            <rect x="1" y="1" width="26" height="10" rx="3" className="legend-bar" />
          </svg>{" "}
          a range of days
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true">
            <rect x="1" y="1" width="26" height="10" fill="url(#hatch-legend)" className="legend-uncertain" />
            <defs>
              <pattern
                id="hatch-legend"
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#dbe8f7" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#0b5cad" strokeWidth="2" />
              </pattern>
            </defs>
          </svg>{" "}
          only the month or year is known: the whole period is shaded
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true">
            <rect x="1" y="1" width="26" height="10" className="legend-approx" />
          </svg>{" "}
          dashed outline: approximate
        </li>
        <li>
          <svg width="28" height="12" aria-hidden="true">
            <rect x="1" y="1" width="26" height="10" rx="3" className="legend-bucket" />
          </svg>{" "}
          a count of events in a period
        </li>
        <li>In an event&rsquo;s details, {DISPUTED_MARK_MEANING}</li>
        <RelatedLegendItem selected={selected} />
      </ul>
      <TimelineGestures
        startMs={startMs}
        endMs={endMs}
        baseHref={timelineHref(base, query, view)}
        gutter={GUTTER_SHARE}
        plot={PLOT_SHARE}
        selected={selected?.id}
        chartSvg={timelineSvg({
          lanes,
          visible,
          aggregated,
          startMs,
          endMs,
          selectedId: selected?.id,
          related: relatedMarks(selected),
          hrefFor: (p) => (p.selected ? selectHref(p.selected) : href(p)),
        })}
        panel={
          selected && (
            <aside className="timeline-panel" aria-label="Event details" tabIndex={-1}>
              <h2>{selected.title}</h2>
              <p>
                {selected.dateLabel}
                {selected.precisionNote && ` (${selected.precisionNote})`}
                {selected.approximate && " — approximate"}
              </p>
              <p>{eventTypeLabel(selected.type)}</p>
              {selected.disputeCount > 0 && (
                <p>
                  <DisputedMark count={selected.disputeCount} />
                </p>
              )}
              <p>
                <Link href={`/events/${selected.id}`} target={target}>
                  Open the event, with its sources
                </Link>
              </p>
              <RelatedInPanel related={selected.related} target={target} />
              {/* A plain link: the chart's script loads it in place and puts focus back on the item. */}
              <p>
                <a href={href({})} data-close={selected.id}>
                  Close details
                </a>
              </p>
            </aside>
          )
        }
      />
      {embed ? (
        <p>
          <a href={timelineHref("/timeline", query, view)} target="_top">
            Open this timeline in the tracker
          </a>
        </p>
      ) : (
        <details className="timeline-list">
          {/* Plain links rather than up to 200 next/link components, each rendered on the server and hydrated in the browser. */}
          <summary>
            The same events as a list, by year
            {visible.length > LIST_CAP ? ` (first ${LIST_CAP} of ${visible.length}; zoom in for the rest)` : ""}
          </summary>
          {[...byYear].map(([year, list]) => (
            <section key={year}>
              <h3>{year}</h3>
              <ul>
                {list.map((e) => (
                  <li key={e.id}>
                    <a href={`/events/${e.id}`}>{e.title}</a> — {e.dateLabel} ({eventTypeLabel(e.type)})
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </details>
      )}
    </div>
  );
}
