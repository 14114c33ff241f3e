import "server-only";
// The published record at a moment T, for the lists and exports. An event with no revision
// after T is read from its stored row (as today's views read it: the same where-clause, the same
// indexes); one changed since is rebuilt from the revision in force at T (past-events.ts) and
// filtered here. PostgreSQL merges the two and sorts them, so titles sort in the database's
// collation whichever way a row came.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { boundedEventWhereSql } from "../events/list-where";
import type { EventQuery, EventSort } from "../events/query-params";
import { normalizeForSearch } from "../events/search-text";
import type { Cursor } from "../export/keyset";
import { pastStates, type PastEvent, type PastState } from "./past-events";

/** Whether an event as it stood matches the list filters: buildEventWhere's rules, over the snapshot. */
export function pastMatches(e: PastEvent, query: EventQuery): boolean {
  if (!(e.status === "published" || (query.includeRetracted && e.status === "retracted"))) return false;
  const q = query.q ? normalizeForSearch(query.q.replace(/[%\\]/g, " ")) : "";
  if (q && !e.searchText.includes(q)) return false;
  if (query.types.length && !(query.types as string[]).includes(e.type)) return false;
  if (query.claims.length && !(query.claims as string[]).includes(e.claimStatus)) return false;
  if (
    query.actors.length &&
    !e.actorLinks.some((a) => query.actors.includes(a.slug) || a.oldSlugs.some((o) => query.actors.includes(o)))
  )
    return false;
  if (query.fromDay && e.spanEndDay < query.fromDay) return false;
  if (query.toDay && e.spanStartDay > query.toDay) return false;
  return true;
}

/** The record at T for one query: the changed events (all states) and the filter over stored rows. */
export interface AsOfSet {
  at: Date;
  states: Map<string, PastState>;
  /** Changed events that match, as they stood. */
  matching: PastEvent[];
  /** The condition on `event e` for the unchanged events that match. */
  unchangedWhere: Prisma.Sql;
}

/**
 * Events with no revision after T: their stored rows are their state at T. Given as the ids to
 * leave out (one array, which PostgreSQL hashes), so the list keeps today's index-only scans.
 * An event with no revision at all (only ever written straight into the database) has no
 * history to go back through: it counts as unchanged at every moment.
 */
export function unchangedSql(changedIds: string[]): Prisma.Sql {
  return changedIds.length ? Prisma.sql`NOT (e.id = ANY(${changedIds}::text[]))` : Prisma.sql`TRUE`;
}

export async function asOfSet(
  client: PrismaClient,
  query: EventQuery,
  at: Date,
  states?: PastState[],
): Promise<AsOfSet> {
  const [past, where] = await Promise.all([states ?? pastStates(client, at), boundedEventWhereSql(query, client)]);
  const matching = past.flatMap((s) => (s.state === "visible" && pastMatches(s.event, query) ? [s.event] : []));
  return {
    at,
    states: new Map(past.map((s) => [s.id, s])),
    matching,
    unchangedWhere: Prisma.sql`${where} AND ${unchangedSql(past.map((s) => s.id))}`,
  };
}

const ORDER: Record<EventSort, string> = {
  "-date": "span_start DESC, id DESC",
  date: "span_start ASC, id ASC",
  title: "title ASC, id ASC",
  "-title": "title DESC, id DESC",
};

/**
 * The ids of one stretch of the merged, sorted record: by offset, or after a keyset cursor. The
 * stored part is cut to its first offset + limit rows in its own order (today's index scan):
 * no row past those can be among the first offset + limit of the merge.
 */
export async function orderedIds(
  client: PrismaClient,
  set: AsOfSet,
  sort: EventSort,
  page: { offset?: number; limit?: number; after?: Cursor | null },
): Promise<{ id: string; span_start: Date; title: string }[]> {
  const desc = sort.startsWith("-");
  const beyond = (alias: string) => {
    if (!page.after) return Prisma.empty;
    const op = Prisma.raw(desc ? "<" : ">");
    return sort.endsWith("title")
      ? Prisma.sql`AND (${Prisma.raw(alias)}.title, ${Prisma.raw(alias)}.id) ${op} (${page.after.v}::text, ${page.after.id}::text)`
      : Prisma.sql`AND (${Prisma.raw(alias)}.span_start, ${Prisma.raw(alias)}.id) ${op} (${page.after.v.slice(0, 10)}::date, ${page.after.id}::text)`;
  };
  const order = (alias: string) =>
    Prisma.raw(
      ORDER[sort]
        .split(", ")
        .map((c) => `${alias}.${c}`)
        .join(", "),
    );
  const reach = page.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${(page.offset ?? 0) + page.limit}`;
  const limit = page.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${page.limit}`;
  const offset = page.offset ? Prisma.sql`OFFSET ${page.offset}` : Prisma.empty;
  const changed = JSON.stringify(set.matching.map((e) => ({ id: e.id, span_start: e.spanStartDay, title: e.title })));
  return client.$queryRaw`
    SELECT u.id, u.span_start, u.title FROM (
      (SELECT e.id, e.span_start, e.title FROM event e WHERE ${set.unchangedWhere} ${beyond("e")} ORDER BY ${order("e")} ${reach})
      UNION ALL
      SELECT x.id, x.span_start, x.title FROM json_to_recordset(${changed}::json) AS x(id text, span_start date, title text) WHERE TRUE ${beyond("x")}
    ) u ORDER BY ${order("u")} ${limit} ${offset}`;
}

export async function countAsOf(client: PrismaClient, set: AsOfSet): Promise<number> {
  const rows = await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM event e WHERE ${set.unchangedWhere}`;
  return Number(rows[0].n) + set.matching.length;
}
