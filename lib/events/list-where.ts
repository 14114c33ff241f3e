// The filter of a parsed list query, as every list reads it (table, timeline, map, CSV, API,
// feeds, as-of views). A date filter also needs the longest stored span (decision 0014): these
// functions read it themselves, and only when the filter needs it, so no caller has to.
import { eventWhereSql } from "../api/where-sql";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { longestSpanDays, type SpanReader } from "./longest-span";
import type { EventQuery } from "./query-params";
import { buildEventWhere, spanEndsOnOrAfter } from "./where";
import { DAY_MS } from "../day";

/** The longest stored span when the query has a `from` (the only condition it bounds), else none. */
async function spanBoundFor(query: EventQuery, reader: SpanReader): Promise<number | undefined> {
  return query.fromDay ? longestSpanDays(reader) : undefined;
}

/**
 * buildEventWhere with its date bound read from `client`. `window` (the timeline's) narrows to
 * the events whose span overlaps [start, end), start taken as its whole day; the same bound
 * shortens that overlap's index range, so it is read whenever a window is given.
 */
export async function boundedEventWhere(
  query: EventQuery,
  client: PrismaClient,
  { forSync, window }: { forSync?: boolean; window?: { startMs: number; endMs: number } } = {},
): Promise<Prisma.EventWhereInput> {
  const longest = window ? await longestSpanDays(client) : await spanBoundFor(query, client);
  const where = buildEventWhere(query, { forSync, longestSpanDays: query.fromDay ? longest : undefined });
  if (!window) return where;
  return {
    AND: [
      where,
      ...spanEndsOnOrAfter(new Date(Math.floor(window.startMs / DAY_MS) * DAY_MS), longest),
      { spanStart: { lt: new Date(window.endMs) } },
    ],
  };
}

/**
 * eventWhereSql (over the event `e`) with its date bound read from `reader`. The bound is looked
 * up first and passed as a value: as a subquery the planner cannot see it and reads every match
 * by type instead of the first few in date order (measured on the API: 3× slower).
 */
export async function boundedEventWhereSql(
  query: EventQuery,
  reader: SpanReader,
  { since }: { since?: Date | null } = {},
): Promise<Prisma.Sql> {
  return eventWhereSql({ query, longestSpanDays: await spanBoundFor(query, reader), since });
}
