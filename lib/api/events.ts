import "server-only";
import { readDb } from "../db";
import { parseEventQuery } from "../events/query-params";
import { loadExportEvents } from "../export/documents";
import { decodeCursor } from "../export/keyset";
import { cachedCount, countKey } from "./count-cache";
import { API_FIELDS, parseFields, parseInclude } from "./fields";
import { apiError, cachedJson, cachedJsonText } from "./http";
import { countEvents, eventPageText, longestSpan } from "./page-sql";
import { publicOrigin } from "../public-url";
import { presentEvent } from "./present";
import { eventWhereSql } from "./where-sql";
import { isEventId } from "../validation/event-id";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

/**
 * GET /api/v1/events: the /events filters, keyset cursor pages, updated_since for sync, sparse
 * `fields` and `include=count`. The page is one SQL statement that writes the JSON text itself.
 */
export async function handleListEvents(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const params = url.searchParams;
  const { query, notices, invalidParams } = parseEventQuery(params);
  const bad = [...invalidParams];
  const messages = [...notices];
  if (params.has("page") || params.has("pageSize")) {
    bad.push(...["page", "pageSize"].filter((p) => params.has(p)));
    messages.push("The API pages with `cursor` and `limit`, not `page` and `pageSize`.");
  }
  const limitRaw = params.get("limit");
  const limit = limitRaw === null ? DEFAULT_LIMIT : /^\d{1,3}$/.test(limitRaw) ? Number(limitRaw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    bad.push("limit");
    messages.push(`limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  }
  const sinceRaw = params.get("updated_since");
  const since = sinceRaw ? new Date(sinceRaw) : null;
  const cursorRaw = params.get("cursor");
  const cursor = cursorRaw ? decodeCursor(cursorRaw, since ? "updated" : query.sort) : null;
  if (cursorRaw && !cursor) {
    bad.push("cursor");
    messages.push("cursor is not one this API gave out.");
  }
  // Year 0 parses in JavaScript but not in PostgreSQL.
  if (
    sinceRaw &&
    (!/^\d{4}-\d{2}-\d{2}T/.test(sinceRaw) || Number.isNaN(since!.getTime()) || since!.getUTCFullYear() < 1)
  ) {
    bad.push("updated_since");
    messages.push("updated_since must be an ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z.");
  }
  const fields = parseFields(params);
  const include = parseInclude(params);
  for (const [name, parsed] of [
    ["fields", fields],
    ["include", include],
  ] as const) {
    if (parsed.ok) continue;
    bad.push(name);
    messages.push(parsed.message);
  }
  if (bad.length || !fields.ok || !include.ok) return apiError(400, messages.join(" "), [...new Set(bad)]);

  // Looked up first and passed as a value: as a subquery the planner cannot see the bound and
  // reads every match by type instead of the first few in date order (measured: 3× slower).
  const longest = query.fromDay ? await longestSpan() : undefined;
  const where = eventWhereSql({ query, longestSpanDays: longest, since });
  const sort = since ? "updated" : query.sort;
  const [page, count] = await Promise.all([
    eventPageText({ where, sort, limit, cursor, fields: fields.value ?? API_FIELDS, origin: publicOrigin() }),
    include.value.has("count") ? cachedCount(countKey(query, since), () => countEvents(where)) : null,
  ]);
  const meta = count === null ? "" : `,"meta":{"count":${count}}`;
  return cachedJsonText(
    request,
    `{"data":${page.data},"nextCursor":${JSON.stringify(page.nextCursor)}${meta}}`,
    page.lastModified,
  );
}

/** GET /api/v1/events/<id>: 404 if never public, 410 with a tombstone once deleted. */
export async function handleGetEvent(request: Request, id: string): Promise<Response> {
  if (!isEventId(id)) return apiError(404, "There is no such event.", ["id"]);
  const found = await readDb().event.findFirst({
    where: { id, OR: [{ status: { in: ["published", "retracted"] } }, { deleted: true, publishedAt: { not: null } }] },
    select: { id: true, deleted: true, status: true, publishedAt: true },
  });
  if (!found || (!found.deleted && !["published", "retracted"].includes(found.status)))
    return apiError(404, "There is no such event.", ["id"]);
  const [event] = await loadExportEvents(readDb(), [id]);
  const origin = publicOrigin();
  if (event.deleted)
    return Response.json(presentEvent(event, origin), { status: 410, headers: { "Access-Control-Allow-Origin": "*" } });
  return cachedJson(request, presentEvent(event, origin), event.updatedAt);
}
