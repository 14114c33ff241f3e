import "server-only";
// The route handlers' as_of branch: each route checks `hasAsOf(request)` and hands over here.
import { apiError, cachedJson, cachedJsonText } from "../api/http";
import { API_FIELDS, type ApiField } from "../api/fields";
import { parseApiListParams } from "../api/list-params";
import { presentEvent } from "../api/present";
import { readDb, reportReadError } from "../db";
import { parseEventQuery } from "../events/query-params";
import { csvStream, eventRecord, sourceRecords } from "../export/csv-reference";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "../export/csv";
import { csvFileResponse } from "../export/csv-response";
import { encodeCursor } from "../export/keyset";
import type { PrismaClient } from "../generated/prisma/client";
import { unavailableResponse } from "../availability";
import { publicOrigin } from "../public-url";
import { exportEventAsOf, exportEventsAsOf, exportPageAsOf } from "./exports";
import { parseAsOf, type AsOf } from "./parse";
import { countAsOf } from "./record";
import { isEventId } from "../validation/event-id";

/** Whether the request asks for the record at a past moment. */
export const hasAsOf = (request: Request) => new URL(request.url).searchParams.has("as_of");

type Opts = { client?: PrismaClient; origin?: string; now?: Date };

function parsed(request: Request, now?: Date): { asOf: AsOf } | { error: string } {
  const r = parseAsOf(new URL(request.url).searchParams, now);
  if (r.error !== undefined) return { error: r.error };
  return r.asOf ? { asOf: r.asOf } : { error: "as_of is empty." };
}

/** GET /events.csv or /sources.csv?as_of=…: the file as a download at that moment would have been. */
export async function asOfCsvResponse(
  request: Request,
  kind: "events" | "sources",
  opts: Opts = {},
): Promise<Response> {
  const p = parsed(request, opts.now);
  if ("error" in p)
    return new Response(`${p.error}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const params = new URL(request.url).searchParams;
  const { query } = parseEventQuery(params);
  const client = opts.client ?? readDb();
  const origin = opts.origin ?? publicOrigin();
  let batches: AsyncGenerator<import("../export/documents").ExportEvent[]>;
  let first: IteratorResult<import("../export/documents").ExportEvent[]>;
  try {
    // The first batch is read before answering, so a database that is down answers 503, not a broken file.
    batches = exportEventsAsOf(client, query, p.asOf.at);
    first = await batches.next();
  } catch (err) {
    if (!reportReadError(err)) throw err;
    return unavailableResponse(request);
  }
  async function* all() {
    if (!first.done) yield first.value;
    yield* batches;
  }
  const bom = params.get("bom") === "1";
  const body =
    kind === "events"
      ? csvStream(all(), (e) => [eventRecord(e, origin)], EVENT_COLUMNS, bom)
      : csvStream(all(), (e) => sourceRecords(e, origin), SOURCE_COLUMNS, bom);
  const stamp = p.asOf.at
    .toISOString()
    .slice(0, p.asOf.dateOnly ? 10 : 19)
    .replace(/:/g, "");
  return csvFileResponse(body, `${kind}-as-of-${stamp}.csv`);
}

const pick = (e: Record<string, unknown>, fields: readonly ApiField[]) =>
  Object.fromEntries(fields.map((f) => [f, e[f]]));

/** GET /api/v1/events?as_of=…: the list's filters, cursor, limit, fields and include=count over the record at that moment. */
export async function asOfListResponse(request: Request, opts: Opts = {}): Promise<Response> {
  const p = parsed(request, opts.now);
  const given = parseApiListParams(new URL(request.url).searchParams, {
    problems: "error" in p ? [{ param: "as_of", message: p.error }] : [],
    sinceRefused:
      "updated_since cannot be combined with as_of: ask for the record as of one moment, or for the changes since one.",
  });
  if (!given.ok) return apiError(400, given.message, given.parameters);
  if ("error" in p) return apiError(400, p.error, ["as_of"]); // refused above already; this narrows `p`
  const { query, limit, cursor, fields, include } = given.value;

  const client = opts.client ?? readDb();
  const origin = opts.origin ?? publicOrigin();
  const { set, events, more } = await exportPageAsOf(client, query, p.asOf.at, query.sort, limit, cursor);
  const shown = fields ?? API_FIELDS;
  const data = events.map((e) => pick(presentEvent(e, origin) as unknown as Record<string, unknown>, shown));
  const last = events.at(-1);
  const nextCursor =
    more && last
      ? encodeCursor({ v: query.sort.endsWith("title") ? last.title : last.spanStart.toISOString(), id: last.id })
      : null;
  const count = include.has("count") ? await countAsOf(client, set) : null;
  const lastModified = events.length ? new Date(Math.max(...events.map((e) => e.updatedAt.getTime()))) : null;
  const meta = count === null ? "" : `,"meta":{"count":${count}}`;
  return cachedJsonText(
    request,
    `{"data":${JSON.stringify(data)},"nextCursor":${JSON.stringify(nextCursor)}${meta}}`,
    lastModified,
  );
}

/** GET /api/v1/events/<id>?as_of=…: 404 if not public by then, 410 with a tombstone if deleted by then. */
export async function asOfEventResponse(request: Request, id: string, opts: Opts = {}): Promise<Response> {
  const p = parsed(request, opts.now);
  if ("error" in p) return apiError(400, p.error, ["as_of"]);
  if (!isEventId(id)) return apiError(404, "There is no such event.", ["id"]);
  const found = await exportEventAsOf(opts.client ?? readDb(), id, p.asOf.at);
  if (!found) return apiError(404, `There was no such event in the published record as of ${p.asOf.label}.`, ["id"]);
  if ("deleted" in found) {
    if (!found.deleted.publishedAt)
      return apiError(404, `There was no such event in the published record as of ${p.asOf.label}.`, ["id"]);
    return Response.json(
      { id, deleted: true, lastChangedAt: found.deleted.lastChangedAt.toISOString() },
      { status: 410, headers: { "Access-Control-Allow-Origin": "*" } },
    );
  }
  return cachedJson(request, presentEvent(found.event, opts.origin ?? publicOrigin()), found.event.updatedAt);
}
