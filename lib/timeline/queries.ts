import "server-only";
import { db } from "../db";
import { formatEventDate, toIsoDay } from "../events/date-span";
import type { EventQuery } from "../events/query-params";
import { buildEventWhere } from "../events/where";
import type { TimelineEvent } from "./geometry";

/** Exactly the events /events lists for the same filters (all pages), with what the timeline draws. */
export async function listTimelineEvents(query: EventQuery, lanes: "type" | "actor"): Promise<TimelineEvent[]> {
  const rows = await db().event.findMany({
    where: buildEventWhere(query),
    orderBy: [{ spanStart: "asc" }, { id: "asc" }],
    select: {
      id: true, title: true, type: true, precision: true, approximate: true, startDate: true, endDate: true, spanStart: true, spanEnd: true,
      // Actor names only when lanes are by actor; for type lanes the join is skipped.
      actors: lanes === "actor" ? { select: { actor: { select: { name: true } } } } : { select: { actorId: true }, take: 0 },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    precision: r.precision,
    approximate: r.approximate,
    spanStart: toIsoDay(r.spanStart),
    spanEnd: toIsoDay(r.spanEnd),
    isRange: r.endDate !== null && r.endDate.getTime() !== r.startDate.getTime(),
    dateLabel: formatEventDate({ startDate: toIsoDay(r.startDate), endDate: r.endDate ? toIsoDay(r.endDate) : null, precision: r.precision, approximate: r.approximate }),
    lanes: lanes === "actor" ? [...new Set((r.actors as unknown as { actor: { name: string } }[]).map((a) => a.actor.name))] : [r.type],
  }));
}
