import "server-only";
// /events as it stood at T: the same page shape as listEvents (lib/events/queries.ts).
import { readDb } from "../db";
import { loadEventRows, type EventRow } from "../events/queries";
import type { EventQuery } from "../events/query-params";
import type { PrismaClient } from "../generated/prisma/client";
import type { PastEvent } from "./past-events";
import { asOfSet, countAsOf, orderedIds } from "./record";

export const pastRow = (e: PastEvent): EventRow => ({
  id: e.id,
  title: e.title,
  type: e.type,
  claimStatus: e.claimStatus,
  date: {
    startDate: e.date.startDate,
    endDate: e.date.endDate,
    precision: e.date.precision,
    endPrecision: e.date.endPrecision,
    approximate: e.date.approximate,
  },
  place: e.place,
  actors: e.actorLinks.map((a) => ({ slug: a.slug, name: a.name, role: a.role })),
  sourceCount: e.sources.length,
  disputeCount: e.disputingSourceCount,
});

/** One page of the published record as it stood at `at`. */
export async function listEventsAsOf(
  query: EventQuery,
  at: Date,
  client: PrismaClient = readDb(),
): Promise<{ rows: EventRow[]; total: number; page: number; pageCount: number }> {
  const set = await asOfSet(client, query, at);
  const pageIds = (page: number) =>
    orderedIds(client, set, query.sort, { offset: (page - 1) * query.pageSize, limit: query.pageSize });
  const [total, firstTry] = await Promise.all([countAsOf(client, set), pageIds(query.page)]);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const ids = page === query.page ? firstTry : await pageIds(page);
  const past = new Map(set.matching.map((e) => [e.id, e]));
  const stored = ids.filter((r) => !past.has(r.id)).map((r) => r.id);
  const records = await loadEventRows(client, stored);
  const rows = ids.flatMap(({ id }) => {
    const p = past.get(id);
    return p ? [pastRow(p)] : (records.get(id) ?? []);
  });
  return { rows, total, page, pageCount };
}
