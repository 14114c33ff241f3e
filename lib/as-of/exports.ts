import "server-only";
// /events.csv, /sources.csv and /api/v1/events as they stood at T. Rows go through the reference
// CSV writer (lib/export/csv-reference.ts, which the COPY writer is tested to match byte for
// byte) and the API's presenter, from stored rows for events unchanged since T and from their
// revisions for the rest.
import type { EventQuery, EventSort } from "../events/query-params";
import { loadExportEvents, type ExportEvent } from "../export/documents";
import type { Cursor } from "../export/keyset";
import type { PrismaClient } from "../generated/prisma/client";
import { loadPastStates } from "./past-events";
import { asOfSet, orderedIds, type AsOfSet } from "./record";

// Links between events are not in the revisions: every event carries today's (as the stored
// rows of the unchanged ones do), so the related column and member are the same whichever way a row came.
async function toExportEvents(client: PrismaClient, set: AsOfSet, ids: string[]): Promise<ExportEvent[]> {
  const past = new Map(set.matching.map((e) => [e.id, e]));
  const stored = new Map((await loadExportEvents(client, ids)).map((e) => [e.id, e]));
  return ids.flatMap((id) => {
    const p = past.get(id);
    const e = p ? { ...p, related: stored.get(id)?.related } : stored.get(id);
    return e ? [e] : [];
  });
}

/** Every matching event as it stood at `at`, in the query's order, in batches. */
export async function* exportEventsAsOf(
  client: PrismaClient,
  query: EventQuery,
  at: Date,
  batchSize = 500,
): AsyncGenerator<ExportEvent[]> {
  const set = await asOfSet(client, query, at);
  const ids = (await orderedIds(client, set, query.sort, {})).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batchSize) yield await toExportEvents(client, set, ids.slice(i, i + batchSize));
}

/** One keyset page (limit + 1 read, to know whether another follows). */
export async function exportPageAsOf(
  client: PrismaClient,
  query: EventQuery,
  at: Date,
  sort: EventSort,
  limit: number,
  after: Cursor | null,
) {
  const set = await asOfSet(client, query, at);
  const ids = await orderedIds(client, set, sort, { limit: limit + 1, after });
  const events = await toExportEvents(
    client,
    set,
    ids.slice(0, limit).map((r) => r.id),
  );
  return { set, events, more: ids.length > limit };
}

/** One event as it stood at `at`: visible, a deleted (once public) tombstone, or null (absent). */
export async function exportEventAsOf(
  client: PrismaClient,
  id: string,
  at: Date,
): Promise<{ event: ExportEvent } | { deleted: { publishedAt: Date | null; lastChangedAt: Date } } | null> {
  const states = await loadPastStates(client, at, id);
  const s = states.find((x) => x.id === id);
  if (s) {
    if (s.state === "visible")
      return { event: { ...s.event, related: (await loadExportEvents(client, [id]))[0]?.related } };
    if (s.state === "deleted") return { deleted: { publishedAt: s.publishedAt, lastChangedAt: s.lastChangedAt } };
    return null;
  }
  // Unchanged since T: the stored row, if it existed by then.
  const [e] = await loadExportEvents(client, [id]);
  if (!e) return null;
  if (e.deleted)
    return e.firstPublishedAt
      ? { deleted: { publishedAt: new Date(e.firstPublishedAt), lastChangedAt: e.updatedAt } }
      : null;
  return e.status === "published" || e.status === "retracted" ? { event: e } : null;
}
