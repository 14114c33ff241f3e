import "server-only";
// /events as it stood at T: the same page shape as listEvents (lib/events/queries.ts).
import { readDb } from "../db";
import { toIsoDay, type EventDate } from "../events/date-span";
import type { EventActorView, EventRow } from "../events/queries";
import type { EventQuery } from "../events/query-params";
import type { PrismaClient } from "../generated/prisma/client";
import type { PastEvent } from "./past-events";
import { asOfSet, countAsOf, orderedIds } from "./record";

interface RowRecord {
  id: string; title: string; type: string; claim_status: string; start_date: Date; end_date: Date | null;
  precision: EventDate["precision"]; end_precision: EventDate["endPrecision"]; approximate: boolean; place: string | null;
  source_count: number; dispute_count: number; actors: EventActorView[];
}

function loadStoredRows(client: PrismaClient, ids: string[]) {
  return client.$queryRaw<RowRecord[]>`
    SELECT e.id, e.title, e.type, e.claim_status::text, e.start_date, e.end_date, e.precision::text AS precision, e.end_precision::text AS end_precision, e.approximate, e.place,
           sc.source_count, sc.dispute_count,
           (SELECT coalesce(json_agg(json_build_object('slug', a.slug, 'name', a.name, 'role', ea.role) ORDER BY ea.actor_id, ea.role), '[]'::json)
              FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id) AS actors
    FROM event e
    CROSS JOIN LATERAL (SELECT count(*)::int AS source_count, (count(*) FILTER (WHERE s.stance = 'disputes'))::int AS dispute_count
                          FROM source s WHERE s.event_id = e.id) sc
    WHERE e.id = ANY(${ids}::text[])`;
}

const storedRow = (e: RowRecord): EventRow => ({
  id: e.id, title: e.title, type: e.type, claimStatus: e.claim_status,
  date: { startDate: toIsoDay(e.start_date), endDate: e.end_date ? toIsoDay(e.end_date) : null, precision: e.precision, endPrecision: e.end_precision, approximate: e.approximate },
  place: e.place, actors: e.actors, sourceCount: e.source_count, disputeCount: e.dispute_count,
});

export const pastRow = (e: PastEvent): EventRow => ({
  id: e.id, title: e.title, type: e.type, claimStatus: e.claimStatus,
  date: { startDate: e.date.startDate, endDate: e.date.endDate, precision: e.date.precision, endPrecision: e.date.endPrecision, approximate: e.date.approximate },
  place: e.place, actors: e.actorLinks.map((a) => ({ slug: a.slug, name: a.name, role: a.role })),
  sourceCount: e.sources.length, disputeCount: e.disputingSourceCount,
});

/** One page of the published record as it stood at `at`. */
export async function listEventsAsOf(query: EventQuery, at: Date, client: PrismaClient = readDb()): Promise<{ rows: EventRow[]; total: number; page: number; pageCount: number }> {
  const set = await asOfSet(client, query, at);
  const pageIds = (page: number) => orderedIds(client, set, query.sort, { offset: (page - 1) * query.pageSize, limit: query.pageSize });
  const [total, firstTry] = await Promise.all([countAsOf(client, set), pageIds(query.page)]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const ids = page === query.page ? firstTry : await pageIds(page);
  const past = new Map(set.matching.map((e) => [e.id, e]));
  const stored = ids.filter((r) => !past.has(r.id)).map((r) => r.id);
  const records = new Map((stored.length ? await loadStoredRows(client, stored) : []).map((r) => [r.id, r]));
  const rows = ids.flatMap(({ id }) => {
    const p = past.get(id);
    if (p) return [pastRow(p)];
    const r = records.get(id);
    return r ? [storedRow(r)] : [];
  });
  return { rows, total, page, pageCount };
}
