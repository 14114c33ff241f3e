import "server-only";
import { readDb } from "../db";
import { boundedEventWhereSql } from "../events/list-where";
import { noticeMessages, parseEventQuery, type EventQuery } from "../events/query-params";
import { SINCE_FIRST_PUBLICATION } from "../events/since-first-publication";
import { FEED_PARAMS } from "./feed-query";

/**
 * The view a feed follows, parsed by the same parser as /events. Sort and paging are left out (a
 * feed is its newest changes first). A filter /events would drop or adjust (an unknown type, a
 * malformed date) is refused with /events's own words instead: a feed reader shows no notices, so
 * dropping the filter silently would send the subscriber every event — the very bug this fixes.
 */
export function parseFeedQuery(params: URLSearchParams): { query: EventQuery; problems: string[] } {
  const filters = new URLSearchParams();
  for (const key of FEED_PARAMS) for (const value of params.getAll(key)) filters.append(key, value);
  const { query, notices } = parseEventQuery(filters);
  return { query, problems: noticeMessages(notices) };
}

export interface ViewChange {
  id: number;
  kind: string;
  note: string | null;
  createdAt: Date;
  event: { id: string; title: string; summary: string; retractionReason: string | null };
}

/**
 * The newest public changes (publication, correction, update, retraction, restoration) of the
 * events the view selects, newest first. The view's filters are /events's own SQL
 * (eventWhereSql), with retracted events always included: a retraction is news to a subscriber,
 * and the event it concerns has just left the default view.
 */
export async function listViewChanges(query: EventQuery, take: number): Promise<ViewChange[]> {
  const client = readDb();
  const view: EventQuery = { ...query, includeRetracted: true };
  const where = await boundedEventWhereSql(view, client);
  const rows = await client.$queryRaw<
    (Omit<ViewChange, "event"> & { eventId: string; title: string; summary: string; retractionReason: string | null })[]
  >`
    SELECT r.id, r.kind::text AS kind, r.note, r.created_at AS "createdAt",
           e.id AS "eventId", e.title, e.summary, e.retraction_reason AS "retractionReason"
      FROM revision r JOIN event e ON e.id = r.event_id
     WHERE ${where} AND ${SINCE_FIRST_PUBLICATION}
     ORDER BY r.id DESC
     LIMIT ${take}`;
  return rows.map(({ eventId, title, summary, retractionReason, ...r }) => ({
    ...r,
    event: { id: eventId, title, summary, retractionReason },
  }));
}
