// Turns a parsed EventQuery into Prisma's where/orderBy. Pure, so it is unit-tested without a
// database; lib/events/queries.ts is the only caller that talks to PostgreSQL.
import type { Prisma } from "../generated/prisma/client";
import type { EventQuery, EventSort } from "./query-params";
import { normalizeForSearch } from "./search-text";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * `forSync` (the API's updated_since) also returns retracted events and deleted ones that were
 * once public, so mirrors can update or drop their copies.
 */
export function buildEventWhere(query: EventQuery, { forSync = false } = {}): Prisma.EventWhereInput {
  // Retracted events keep their pages but leave the default lists; deleted ones leave everything.
  const and: Prisma.EventWhereInput[] = forSync
    ? [{ OR: [{ status: { in: ["published", "retracted"] }, deleted: false }, { deleted: true, publishedAt: { not: null } }] }]
    : [query.includeRetracted ? { status: { in: ["published", "retracted"] } } : { status: "published" }, { deleted: false }];
  // LIKE wildcards and escapes are dropped: the search is for text, never a pattern.
  const q = query.q ? normalizeForSearch(query.q.replace(/[%\\]/g, " ")) : "";
  if (q) and.push({ searchText: { contains: q } });
  if (query.types.length) and.push({ type: { in: query.types } });
  if (query.claims.length) and.push({ claimStatus: { in: query.claims } });
  if (query.actors.length) and.push({ actors: { some: { actor: { slug: { in: query.actors } } } } });
  // Spans overlap the range when each starts before the other ends.
  if (query.fromDay) and.push({ spanEnd: { gte: day(query.fromDay) } });
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
