import "server-only";
// /timeline and /map as the record stood at T: the events unchanged since T read as those views
// read them (lib/timeline/queries.ts, lib/map/queries.ts, with one more condition), the events
// changed since taken as they stood (past-events.ts), merged in the views' order.
import { readDb } from "../db";
import { formatEventDate, precisionNote, toIsoDay, type EventDate } from "../events/date-span";
import { boundedEventWhere } from "../events/list-where";
import type { EventQuery } from "../events/query-params";
import { buildEventWhere } from "../events/where";
import type { Prisma } from "../generated/prisma/client";
import { MAX_MAP_EVENTS, readMapEvents } from "../map/queries";
import { TRANSFER_TYPES, type MapEvent } from "../map/marks";
import type { TimelineEvent } from "../timeline/geometry";
import { readTimelineEvents, selectedEventSelect } from "../timeline/queries";
import { windowFor, type TimelineView } from "../timeline/params";
import { pastStates, type PastEvent } from "./past-events";
import { pastMatches } from "./record";
import { DAY_MS } from "../day";

/** Events with no revision after T (the Prisma form of record.ts's unchangedSql). */
export const unchangedWhere = (at: Date): Prisma.EventWhereInput => ({
  revisions: { none: { createdAt: { gt: at } } },
});

async function changedMatching(query: EventQuery, at: Date): Promise<PastEvent[]> {
  const states = await pastStates(readDb(), at);
  return states.flatMap((s) => (s.state === "visible" && pastMatches(s.event, query) ? [s.event] : []));
}

const byStart = (a: { spanStart: string; id: string }, b: { spanStart: string; id: string }) =>
  a.spanStart < b.spanStart ? -1 : a.spanStart > b.spanStart ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function timelineEvent(p: PastEvent, lanes: "type" | "actor"): TimelineEvent {
  return {
    id: p.id,
    title: p.title,
    type: p.type,
    precision: p.date.precision,
    endPrecision: p.date.endDate ? p.date.endPrecision : null,
    approximate: p.date.approximate ?? false,
    spanStart: p.spanStartDay,
    spanEnd: p.spanEndDay,
    isRange: p.date.endDate !== null && p.date.endDate !== p.date.startDate,
    dateLabel: p.date.display,
    lanes: lanes === "actor" ? [...new Set(p.actorLinks.map((a) => a.name))] : [p.type],
  };
}

/** loadTimeline's answer for the record at `at`. */
export async function loadTimelineAsOf(query: EventQuery, view: TimelineView, at: Date) {
  const db = readDb();
  const [past, filters] = await Promise.all([changedMatching(query, at), boundedEventWhere(query, db)]);
  const where: Prisma.EventWhereInput = { AND: [filters, unchangedWhere(at)] };
  const agg = await db.event.aggregate({
    where,
    _count: { _all: true },
    _min: { spanStart: true },
    _max: { spanEnd: true },
  });
  const starts = [agg._min.spanStart?.getTime(), ...past.map((p) => Date.parse(`${p.spanStartDay}T00:00:00Z`))].filter(
    (n): n is number => n !== undefined,
  );
  const ends = [agg._max.spanEnd?.getTime(), ...past.map((p) => Date.parse(`${p.spanEndDay}T00:00:00Z`))].filter(
    (n): n is number => n !== undefined,
  );
  const extent = {
    total: agg._count._all + past.length,
    first: starts.length ? Math.min(...starts) : null,
    last: ends.length ? Math.max(...ends) + DAY_MS : null,
  };
  const [startMs, endMs] = windowFor(view.start && view.end ? { first: null, last: null } : extent, view);
  const rows = await readTimelineEvents(
    { AND: [await boundedEventWhere(query, db, { window: { startMs, endMs } }), unchangedWhere(at)] },
    view.lanes,
  );
  const windowStart = toIsoDay(new Date(Math.floor(startMs / DAY_MS) * DAY_MS));
  const windowEnd = new Date(endMs);
  const events: TimelineEvent[] = [
    ...rows,
    ...past
      .filter((p) => p.spanEndDay >= windowStart && p.spanStart < windowEnd)
      .map((p) => timelineEvent(p, view.lanes)),
  ].sort(byStart);
  return {
    total: extent.total,
    events,
    startMs,
    endMs,
    selected: view.selected ? await selectedAsOf(query, view.selected, at, past) : null,
  };
}

async function selectedAsOf(query: EventQuery, id: string, at: Date, past: PastEvent[]) {
  const p = past.find((e) => e.id === id);
  let date: EventDate;
  let base: {
    id: string;
    title: string;
    type: string;
    precision: EventDate["precision"];
    approximate: boolean;
    disputeCount: number;
  };
  if (p) {
    date = p.date;
    base = {
      id: p.id,
      title: p.title,
      type: p.type,
      precision: p.date.precision,
      approximate: p.date.approximate ?? false,
      disputeCount: p.disputingSourceCount,
    };
  } else {
    const r = await readDb().event.findFirst({
      where: { AND: [buildEventWhere(query), unchangedWhere(at), { id }] },
      select: selectedEventSelect,
    });
    if (!r) return null;
    date = {
      startDate: toIsoDay(r.startDate),
      endDate: r.endDate ? toIsoDay(r.endDate) : null,
      precision: r.precision,
      endPrecision: r.endPrecision,
      approximate: r.approximate,
    };
    base = {
      id: r.id,
      title: r.title,
      type: r.type,
      precision: r.precision,
      approximate: r.approximate,
      disputeCount: r._count.sources,
    };
  }
  // Links between events are not part of the record rebuilt here: none are shown as of a past moment.
  return { ...base, dateLabel: formatEventDate(date), precisionNote: precisionNote(date), related: [] as never[] };
}

/** listMapEvents' answer for the record at `at`. */
export async function listMapEventsAsOf(query: EventQuery, at: Date): Promise<{ events: MapEvent[]; total: number }> {
  const db = readDb();
  const [past, filters] = await Promise.all([changedMatching(query, at), boundedEventWhere(query, db)]);
  const where: Prisma.EventWhereInput = { AND: [filters, unchangedWhere(at)] };
  const { events, spanStarts, total } = await readMapEvents(where);
  const merged = [
    ...events.map((event, i) => ({ spanStart: toIsoDay(spanStarts[i]), id: event.id, event })),
    ...past.map((p) => {
      const codes = (role: string) =>
        TRANSFER_TYPES.has(p.type)
          ? [...new Set(p.actorLinks.filter((a) => a.role === role && a.countryCode).map((a) => a.countryCode!))]
          : [];
      const event: MapEvent = {
        id: p.id,
        title: p.title,
        type: p.type,
        dateLabel: p.date.display,
        place: p.place,
        countryCodes: p.countryCodes,
        latitude: p.latitude,
        longitude: p.longitude,
        locationPrecision: p.locationPrecision as MapEvent["locationPrecision"],
        suppliers: codes("supplier"),
        recipients: codes("recipient"),
      };
      return { spanStart: p.spanStartDay, id: p.id, event };
    }),
  ].sort(byStart);
  return { events: merged.slice(0, MAX_MAP_EVENTS).map((m) => m.event), total: total + past.length };
}
