import "server-only";
import { readDb } from "../db";
import { boundedEventWhereSql } from "../events/list-where";
import { loadExportEvents } from "../export/documents";
import { cachedCount, countKey } from "./count-cache";
import { API_FIELDS } from "./fields";
import { apiError, cachedJson, cachedJsonText } from "./http";
import { parseApiListParams } from "./list-params";
import { countEvents, eventPageText } from "./page-sql";
import { publicOrigin } from "../public-url";
import { presentEvent } from "./present";
import { readQuery } from "./read-query";
import { isEventId } from "../validation/event-id";

export { DEFAULT_LIMIT, MAX_LIMIT } from "./list-params";

/**
 * GET /api/v1/events: the /events filters, keyset cursor pages, updated_since for sync, sparse
 * `fields` and `include=count`. The page is one SQL statement that writes the JSON text itself.
 */
export async function handleListEvents(request: Request): Promise<Response> {
  const parsed = parseApiListParams(new URL(request.url).searchParams);
  if (!parsed.ok) return apiError(400, parsed.message, parsed.parameters);
  const { query, limit, cursor, since, fields, include } = parsed.value;
  // The bound is read on the API's own pool (readQuery), like the page itself.
  const where = await boundedEventWhereSql(query, readQuery, { since });
  const sort = since ? "updated" : query.sort;
  const [page, count] = await Promise.all([
    eventPageText({ where, sort, limit, cursor, fields: fields ?? API_FIELDS, origin: publicOrigin() }),
    include.has("count") ? cachedCount(countKey(query, since), () => countEvents(where)) : null,
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
