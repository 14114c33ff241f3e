import "server-only";
import { cache } from "react";
import { readDb } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { toIsoDay, type EventDate } from "./date-span";
import type { EventQuery } from "./query-params";
import { boundedEventWhere } from "./list-where";
import { SINCE_FIRST_PUBLICATION } from "./since-first-publication";
import { buildEventOrderBy } from "./where";
import { isEventId } from "../validation/event-id";

// Named view types: Prisma's generated `Event` would shadow the DOM's.
export interface EventActorView {
  slug: string;
  name: string;
  role: string;
}

export interface EventRow {
  id: string;
  title: string;
  type: string;
  claimStatus: string;
  date: EventDate;
  place: string | null;
  actors: EventActorView[];
  sourceCount: number;
  /** Sources whose stance is `disputes` (a denial or contradiction); the table marks them. */
  disputeCount: number;
}

function toDate(e: {
  startDate: Date;
  endDate: Date | null;
  precision: EventDate["precision"];
  endPrecision: EventDate["endPrecision"];
  approximate: boolean;
}): EventDate {
  return {
    startDate: toIsoDay(e.startDate),
    endDate: e.endDate ? toIsoDay(e.endDate) : null,
    precision: e.precision,
    endPrecision: e.endPrecision,
    approximate: e.approximate,
  };
}

/** Columns of the event table as raw SQL reads them, shared by the list's rows and the export's documents. */
export interface EventColumns {
  id: string;
  title: string;
  type: string;
  claim_status: string;
  start_date: Date;
  end_date: Date | null;
  precision: EventDate["precision"];
  end_precision: EventDate["endPrecision"];
  approximate: boolean;
  place: string | null;
}

interface RowRecord extends EventColumns {
  source_count: number;
  dispute_count: number;
  actors: EventActorView[];
}

/**
 * The table rows of these events, by id, with their actors and source counts (all, and
 * disputing), in one round trip. Also the as-of table's rows for events unchanged since (lib/as-of).
 */
export async function loadEventRows(client: PrismaClient, ids: string[]): Promise<Map<string, EventRow>> {
  if (!ids.length) return new Map();
  const records = await client.$queryRaw<RowRecord[]>`
    SELECT e.id, e.title, e.type, e.claim_status::text, e.start_date, e.end_date, e.precision::text AS precision, e.end_precision::text AS end_precision, e.approximate, e.place,
           sc.source_count, sc.dispute_count,
           (SELECT coalesce(json_agg(json_build_object('slug', a.slug, 'name', a.name, 'role', ea.role) ORDER BY ea.actor_id, ea.role), '[]'::json)
              FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id) AS actors
    FROM event e
    CROSS JOIN LATERAL (SELECT count(*)::int AS source_count, (count(*) FILTER (WHERE s.stance = 'disputes'))::int AS dispute_count
                          FROM source s WHERE s.event_id = e.id) sc
    WHERE e.id = ANY(${ids}::text[])`;
  return new Map(
    records.map((e) => [
      e.id,
      {
        id: e.id,
        title: e.title,
        type: e.type,
        claimStatus: e.claim_status,
        date: toDate({
          startDate: e.start_date,
          endDate: e.end_date,
          precision: e.precision,
          endPrecision: e.end_precision,
          approximate: e.approximate,
        }),
        place: e.place,
        actors: e.actors,
        sourceCount: e.source_count,
        disputeCount: e.dispute_count,
      },
    ]),
  );
}

/** One page of published events. `client` is for the benchmark, which logs the SQL it runs. */
export async function listEvents(
  query: EventQuery,
  client: PrismaClient = readDb(),
): Promise<{ rows: EventRow[]; total: number; page: number; pageCount: number }> {
  const where = await boundedEventWhere(query, client);
  const orderBy = buildEventOrderBy(query.sort);
  // Page through ids alone (an index-only scan, even at deep offsets), counting at the same time.
  const pageIds = (page: number) =>
    client.event.findMany({
      where,
      orderBy,
      skip: (page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true },
    });
  const [total, firstTry] = await Promise.all([client.event.count({ where }), pageIds(query.page)]);
  let ids = firstTry;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  if (page !== query.page) ids = await pageIds(page); // past the end: show the last page
  const byId = await loadEventRows(
    client,
    ids.map((r) => r.id),
  );
  const rows = ids.flatMap(({ id }) => byId.get(id) ?? []);
  return { rows, total, page, pageCount };
}

/**
 * A published or retracted event with everything the public page shows; null otherwise. Once per
 * request (React's cache): the page and its metadata both ask. Each source carries its captured
 * copy's date and SHA-256 (never the copy, nor the matched passage: those are for editors) and the
 * link checker's latest word on its address and its archive address.
 */
export const getEvent = cache(async (id: string) => {
  if (!isEventId(id)) return null;
  const e = await readDb().event.findFirst({
    where: { id, status: { in: ["published", "retracted"] }, deleted: false },
    include: {
      sources: {
        orderBy: { position: "asc" },
        omit: { quoteMatch: true },
        include: { capture: { select: { capturedAt: true, sha256: true } } },
      },
      actors: { include: { actor: true }, orderBy: { actorId: "asc" } },
    },
  });
  if (!e) return null;
  const checks = await loadLinkChecks(e.sources.flatMap((s) => [s.url, s.archivedUrl]));
  const { startDate, endDate, precision, endPrecision, approximate, sources, ...rest } = e;
  return {
    ...rest,
    date: toDate({ startDate, endDate, precision, endPrecision, approximate }),
    sources: sources.map((s) => ({
      ...s,
      urlCheck: checks.get(s.url ?? "") ?? null,
      archiveCheck: checks.get(s.archivedUrl ?? "") ?? null,
    })),
  };
});
export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;
export type EventSourceView = EventDetail["sources"][number];

async function loadLinkChecks(urls: (string | null)[]) {
  const wanted = [...new Set(urls.filter((u): u is string => Boolean(u)))];
  if (!wanted.length) return new Map<string, LinkCheckView>();
  const rows = await readDb().linkCheck.findMany({
    where: { url: { in: wanted } },
    select: { url: true, status: true, firstFailureAt: true, lastCheckedAt: true },
  });
  return new Map(rows.map((r) => [r.url, r as LinkCheckView]));
}
export type LinkCheckView = { url: string; status: string; firstFailureAt: Date | null; lastCheckedAt: Date };

export async function getOverview() {
  const published = { status: "published" as const, deleted: false };
  const [eventCount, sourceCount, actorCount, latest, range] = await Promise.all([
    readDb().event.count({ where: published }),
    readDb().source.count({ where: { event: published } }),
    readDb().actor.count({ where: { events: { some: { event: published } } } }),
    listEvents({ types: [], actors: [], claims: [], includeRetracted: false, sort: "-date", page: 1, pageSize: 5 }),
    readDb().event.aggregate({ where: published, _min: { spanStart: true }, _max: { spanEnd: true } }),
  ]);
  return {
    eventCount,
    sourceCount,
    actorCount,
    latest: latest.rows,
    firstYear: range._min.spanStart?.getUTCFullYear() ?? null,
    lastYear: range._max.spanEnd?.getUTCFullYear() ?? null,
  };
}

export interface PublicChange {
  id: number;
  kind: string;
  note: string | null;
  createdAt: Date;
}

/** An event's public history (its "Corrections and history"), oldest first. */
export function getPublicHistory(id: string): Promise<PublicChange[]> {
  return readDb().$queryRaw<PublicChange[]>`
    SELECT r.id, r.kind::text AS kind, r.note, r.created_at AS "createdAt"
      FROM revision r
     WHERE r.event_id = ${id} AND ${SINCE_FIRST_PUBLICATION}
     ORDER BY r.id`;
}
