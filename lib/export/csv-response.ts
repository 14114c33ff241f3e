import "server-only";
import { db } from "../db";
import { parseEventQuery } from "../events/query-params";
import { longestSpanDays } from "../events/longest-span";
import { buildEventWhere } from "../events/where";
import { csvStream, EVENT_COLUMNS, eventRecord, SOURCE_COLUMNS, sourceRecords } from "./csv";
import { iterateEvents } from "./iterate";

/** GET /events.csv and /sources.csv: every event matching the same parameters as /events. */
export async function csvResponse(request: Request, kind: "events" | "sources"): Promise<Response> {
  const url = new URL(request.url);
  const { query } = parseEventQuery(url.searchParams);
  const origin = url.origin;
  const longest = query.fromDay ? await longestSpanDays(db()) : undefined;
  const batches = iterateEvents(db(), buildEventWhere(query, { longestSpanDays: longest }), query.sort);
  const body = kind === "events"
    ? csvStream(batches, (e) => [eventRecord(e, origin)], EVENT_COLUMNS, url.searchParams.get("bom") === "1")
    : csvStream(batches, (e) => sourceRecords(e, origin), SOURCE_COLUMNS, url.searchParams.get("bom") === "1");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${kind}-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
