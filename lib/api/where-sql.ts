// buildEventWhere (lib/events/where.ts) and keysetWhere (lib/export/keyset.ts) as SQL over the
// event `e`, for the API's one-statement page. The same rules, written a second time because
// Prisma cannot hand out the SQL of a where; an integration test checks both select the same rows.
import { Prisma } from "../generated/prisma/client";
import type { EventQuery } from "../events/query-params";
import { normalizeForSearch } from "../events/search-text";
import { spanEndsOnOrAfter } from "../events/where";
import { keysetColumn, type Cursor, type KeysetSort } from "../export/keyset";

/** A Date as PostgreSQL reads a timestamp: toISOString's form, with room for a five-digit year. */
const timestamp = (d: Date) => {
  const iso = d.toISOString();
  return `${String(d.getUTCFullYear()).padStart(4, "0")}${iso.slice(iso.indexOf("-", 1))}`;
};

export interface EventWhereSql {
  query: EventQuery;
  longestSpanDays?: number;
  /** updated_since: every change at or after it, retracted and deleted (once public) ones included. */
  since?: Date | null;
}

export function eventWhereSql({ query, longestSpanDays, since }: EventWhereSql): Prisma.Sql {
  const and: Prisma.Sql[] = since
    ? [
        Prisma.sql`((e.status IN ('published', 'retracted') AND e.deleted = false) OR (e.deleted = true AND e.published_at IS NOT NULL))`,
        Prisma.sql`e.updated_at >= ${timestamp(since)}::timestamp`,
      ]
    : [
        query.includeRetracted
          ? Prisma.sql`e.status IN ('published', 'retracted')`
          : Prisma.sql`e.status = 'published'`,
        Prisma.sql`e.deleted = false`,
      ];
  // The type and claim before the text search: PostgreSQL keeps the written order among conditions
  // it costs alike, and a short comparison that fails spares the scan of a long search text.
  if (query.types.length) and.push(Prisma.sql`e.type = ANY(${query.types}::text[])`);
  if (query.claims.length) and.push(Prisma.sql`e.claim_status::text = ANY(${query.claims}::text[])`);
  const q = query.q ? normalizeForSearch(query.q.replace(/[%\\]/g, " ")) : "";
  if (q) and.push(Prisma.sql`e.search_text LIKE '%' || ${q}::text || '%'`);
  if (query.actors.length) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id
      AND (a.slug = ANY(${query.actors}::text[]) OR a.id IN (SELECT r.actor_id FROM actor_redirect r WHERE r.old_slug = ANY(${query.actors}::text[]))))`);
  }
  if (query.fromDay) {
    // The same two conditions as the Prisma where, the second bounding the span_start index range.
    for (const c of spanEndsOnOrAfter(new Date(`${query.fromDay}T00:00:00.000Z`), longestSpanDays)) {
      if (c.spanEnd)
        and.push(Prisma.sql`e.span_end >= ${(c.spanEnd as { gte: Date }).gte.toISOString().slice(0, 10)}::date`);
      if (c.spanStart)
        and.push(Prisma.sql`e.span_start >= ${(c.spanStart as { gte: Date }).gte.toISOString().slice(0, 10)}::date`);
    }
  }
  if (query.toDay) and.push(Prisma.sql`e.span_start <= ${query.toDay}::date`);
  return Prisma.join(and, " AND ");
}

/** Rows strictly after the cursor in the sort's order, as keysetWhere writes it (index range first). */
export function keysetWhereSql(sort: KeysetSort, cursor: Cursor): Prisma.Sql {
  const { column, dir } = keysetColumn(sort);
  const col = Prisma.raw(`e.${column}`);
  const v =
    column === "title"
      ? Prisma.sql`${cursor.v}::text`
      : column === "span_start"
        ? Prisma.sql`${cursor.v.slice(0, 10)}::date`
        : Prisma.sql`${cursor.v}::timestamp`;
  const [beyond, atOrBeyond] = (dir === "asc" ? [">", ">="] : ["<", "<="]).map((op) => Prisma.raw(op));
  return Prisma.sql`${col} ${atOrBeyond} ${v} AND (${col} ${beyond} ${v} OR e.id ${beyond} ${cursor.id})`;
}

export function orderBySql(sort: KeysetSort): Prisma.Sql {
  const { column, dir } = keysetColumn(sort);
  return Prisma.raw(`e.${column} ${dir.toUpperCase()}, e.id ${dir.toUpperCase()}`);
}
