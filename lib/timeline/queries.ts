import "server-only";
import { readDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { formatEventDate, precisionNote, toIsoDay, type EventDate } from "../events/date-span";
import type { EventQuery } from "../events/query-params";
import { boundedEventWhere } from "../events/list-where";
import { buildEventWhere } from "../events/where";
import { listPublicRelated } from "../relations/queries";
import type { TimelineEvent } from "./geometry";
import { windowFor, type TimelineView } from "./params";
import { DAY_MS } from "../day";

/** How many events the filters match and the days they span (null when none match). */
export async function getTimelineExtent(
  query: EventQuery,
): Promise<{ total: number; first: number | null; last: number | null }> {
  const r = await readDb().event.aggregate({
    where: await boundedEventWhere(query, readDb()),
    _count: { _all: true },
    _min: { spanStart: true },
    _max: { spanEnd: true },
  });
  return {
    total: r._count._all,
    first: r._min.spanStart?.getTime() ?? null,
    last: r._max.spanEnd ? r._max.spanEnd.getTime() + DAY_MS : null,
  };
}

/**
 * The events /events lists for the same filters (all pages) whose span overlaps the window
 * [startMs, endMs), with only the columns the timeline draws. Reading just the window keeps a
 * zoomed-in view cheap however large the filtered set is.
 */
export async function listTimelineEvents(
  query: EventQuery,
  lanes: "type" | "actor",
  startMs: number,
  endMs: number,
): Promise<TimelineEvent[]> {
  return readTimelineEvents(await boundedEventWhere(query, readDb(), { window: { startMs, endMs } }), lanes);
}

/** An event's name, type and recorded date: what both the marks and the details panel read. */
const eventDateSelect = {
  id: true,
  title: true,
  type: true,
  precision: true,
  endPrecision: true,
  approximate: true,
  startDate: true,
  endDate: true,
} satisfies Prisma.EventSelect;

/** The events `where` matches, earliest first, as the timeline draws them (also read by the as-of view). */
export async function readTimelineEvents(
  where: Prisma.EventWhereInput,
  lanes: "type" | "actor",
): Promise<TimelineEvent[]> {
  const rows = await readDb().event.findMany({
    where,
    orderBy: [{ spanStart: "asc" }, { id: "asc" }],
    select: {
      ...eventDateSelect,
      spanStart: true,
      spanEnd: true,
      // Actor names only when lanes are by actor; for type lanes the join is skipped.
      actors:
        lanes === "actor" ? { select: { actor: { select: { name: true } } } } : { select: { actorId: true }, take: 0 },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    precision: r.precision,
    endPrecision: r.endDate ? r.endPrecision : null,
    approximate: r.approximate,
    spanStart: toIsoDay(r.spanStart),
    spanEnd: toIsoDay(r.spanEnd),
    isRange: r.endDate !== null && r.endDate.getTime() !== r.startDate.getTime(),
    dateLabel: formatEventDate({
      startDate: toIsoDay(r.startDate),
      endDate: r.endDate ? toIsoDay(r.endDate) : null,
      precision: r.precision,
      endPrecision: r.endPrecision,
      approximate: r.approximate,
    }),
    lanes:
      lanes === "actor"
        ? [...new Set((r.actors as unknown as { actor: { name: string } }[]).map((a) => a.actor.name))]
        : [r.type],
  }));
}

/** What the details panel reads of the selected event (also read by the as-of view). */
export const selectedEventSelect = {
  ...eventDateSelect,
  // One count for the one selected event: the marks themselves carry no dispute data (decision 0016).
  _count: { select: { sources: { where: { stance: "disputes" } } } },
} satisfies Prisma.EventSelect;

/** The selected event for the details panel, if the filters still include it (it may lie outside the window). */
export async function getTimelineEvent(query: EventQuery, id: string) {
  const r = await readDb().event.findFirst({
    where: { AND: [buildEventWhere(query), { id }] },
    select: selectedEventSelect,
  });
  if (!r) return null;
  const date: EventDate = {
    startDate: toIsoDay(r.startDate),
    endDate: r.endDate ? toIsoDay(r.endDate) : null,
    precision: r.precision,
    endPrecision: r.endPrecision,
    approximate: r.approximate,
  };
  // precisionNote: "known to the month", or for E14 "start known to the month, end to the day".
  // Its links to other public events: the chart rings them and the details panel lists them.
  const related = await listPublicRelated(r.id);
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    precision: r.precision,
    approximate: r.approximate,
    dateLabel: formatEventDate(date),
    precisionNote: precisionNote(date),
    disputeCount: r._count.sources,
    related,
  };
}
export type TimelineSelection = NonNullable<Awaited<ReturnType<typeof getTimelineEvent>>>;

/** Everything a timeline view reads: the window, the events in it, the total and the selection. */
export async function loadTimeline(query: EventQuery, view: TimelineView) {
  // With both bounds in the URL the window is known, so the total is counted alongside.
  const extentPromise = getTimelineExtent(query);
  const [startMs, endMs] = windowFor(view.start && view.end ? { first: null, last: null } : await extentPromise, view);
  const [extent, events, selected] = await Promise.all([
    extentPromise,
    listTimelineEvents(query, view.lanes, startMs, endMs),
    view.selected ? getTimelineEvent(query, view.selected) : null,
  ]);
  return { total: extent.total, events, startMs, endMs, selected };
}
