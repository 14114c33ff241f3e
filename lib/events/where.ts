// Turns a parsed EventQuery into Prisma's where/orderBy. Pure, so it is unit-tested without a
// database; lib/events/queries.ts is the only caller that talks to PostgreSQL.
import type { Prisma } from "../generated/prisma/client";
import type { EventQuery, EventSort } from "./query-params";
import { normalizeForSearch } from "./search-text";
import { DAY_MS } from "../day";

const FIRST_DAY_MS = Date.parse("0001-01-01T00:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Spans that overlap [from, …): they end on or after `from`, and so, when no stored span is
 * longer than `longestSpanDays`, start no earlier than that many days before it. The second,
 * redundant condition is what lets PostgreSQL read a short range of the span_start index.
 */
export function spanEndsOnOrAfter(from: Date, longestSpanDays?: number): Prisma.EventWhereInput[] {
  const ends: Prisma.EventWhereInput = { spanEnd: { gte: from } };
  const floor = longestSpanDays === undefined ? NaN : from.getTime() - longestSpanDays * DAY_MS;
  // Before year 1 there is nothing to bound (and PostgreSQL cannot read such a date).
  if (!(floor >= FIRST_DAY_MS)) return [ends];
  return [ends, { spanStart: { gte: new Date(floor) } }];
}

/**
 * `forSync` (the API's updated_since) also returns retracted events and deleted ones that were
 * once public, so mirrors can update or drop their copies.
 */
export function buildEventWhere(
  query: EventQuery,
  { forSync = false, longestSpanDays }: { forSync?: boolean; longestSpanDays?: number } = {},
): Prisma.EventWhereInput {
  // Retracted events keep their pages but leave the default lists; deleted ones leave everything.
  const and: Prisma.EventWhereInput[] = forSync
    ? [
        {
          OR: [
            { status: { in: ["published", "retracted"] }, deleted: false },
            { deleted: true, publishedAt: { not: null } },
          ],
        },
      ]
    : [
        query.includeRetracted ? { status: { in: ["published", "retracted"] } } : { status: "published" },
        { deleted: false },
      ];
  // LIKE wildcards and escapes are dropped: the search is for text, never a pattern.
  const q = query.q ? normalizeForSearch(query.q.replace(/[%\\]/g, " ")) : "";
  if (q) and.push({ searchText: { contains: q } });
  if (query.types.length) and.push({ type: { in: query.types } });
  if (query.claims.length) and.push({ claimStatus: { in: query.claims } });
  // A merged actor's old slug still finds its events (actor_redirect), in links made before the merge.
  if (query.actors.length)
    and.push({
      actors: {
        some: {
          actor: { OR: [{ slug: { in: query.actors } }, { redirects: { some: { oldSlug: { in: query.actors } } } }] },
        },
      },
    });
  // Spans overlap the range when each starts before the other ends.
  if (query.fromDay) and.push(...spanEndsOnOrAfter(day(query.fromDay), longestSpanDays));
  if (query.toDay) and.push({ spanStart: { lte: day(query.toDay) } });
  return { AND: and };
}

// Every order ends on the id so that pages never overlap or skip rows with equal keys.
export function buildEventOrderBy(sort: EventSort): Prisma.EventOrderByWithRelationInput[] {
  switch (sort) {
    case "date":
      return [{ spanStart: "asc" }, { id: "asc" }];
    case "title":
      return [{ title: "asc" }, { id: "asc" }];
    case "-title":
      return [{ title: "desc" }, { id: "desc" }];
    default:
      return [{ spanStart: "desc" }, { id: "desc" }];
  }
}
