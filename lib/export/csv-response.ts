import "server-only";
import { unavailableResponse } from "../availability";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { parseEventQuery } from "../events/query-params";
import { longestSpanDays } from "../events/longest-span";
import { buildEventWhere } from "../events/where";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../log";
import { publicOrigin } from "../public-url";
import { csvStream, EVENT_COLUMNS, eventRecord, SOURCE_COLUMNS, sourceRecords } from "./csv";
import type { ExportEvent } from "./documents";
import { iterateEvents } from "./iterate";

/**
 * The last line of a CSV export whose reading failed after the first byte was sent (the status,
 * 200, cannot change then). One cell, no commas: a strict reader counting columns stops at it, and
 * a person sees that the file is incomplete. Documented in the README (Data exports).
 */
export const CSV_FAILED_MARKER = "#ERROR: the export stopped early because reading the database failed; this file is incomplete. Download it again.";

/** The batches, with the first one already read: a failure before the first byte is still a 503. */
async function* startingWith(first: IteratorResult<ExportEvent[]>, rest: AsyncGenerator<ExportEvent[]>): AsyncGenerator<ExportEvent[]> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

/** The CSV body, ended by CSV_FAILED_MARKER instead of a cut connection if reading fails midway. */
function endingWithMarker(body: ReadableStream<Uint8Array>, path: string): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        reportDatabaseError(err);
        logger.warn({ err: (err as Error).message, path }, "CSV export failed midway; ended with the error marker line");
        controller.enqueue(new TextEncoder().encode(`${CSV_FAILED_MARKER}\r\n`));
        controller.close();
      }
    },
    // The client went away: stop reading the database (csvStream's cancel ends the batches).
    cancel(reason) {
      return reader.cancel(reason).catch(() => {});
    },
  });
}

/**
 * GET /events.csv and /sources.csv: every event matching the same parameters as /events.
 * `client` and `batch` are for tests.
 */
export async function csvResponse(request: Request, kind: "events" | "sources", opts: { client?: PrismaClient; batch?: number } = {}): Promise<Response> {
  const url = new URL(request.url);
  const { query } = parseEventQuery(url.searchParams);
  const origin = publicOrigin(); // never the request's Host (lib/public-url.ts)
  let batches: AsyncGenerator<ExportEvent[]>;
  try {
    const client = opts.client ?? db();
    const longest = query.fromDay ? await longestSpanDays(client) : undefined;
    const rest = iterateEvents(client, buildEventWhere(query, { longestSpanDays: longest }), query.sort, opts.batch);
    // Read the first batch before answering: until then a failure can still say 503.
    batches = startingWith(await rest.next(), rest);
  } catch (err) {
    if (!reportDatabaseError(err)) throw err;
    return unavailableResponse(request);
  }
  const bom = url.searchParams.get("bom") === "1";
  const body = kind === "events"
    ? csvStream(batches, (e) => [eventRecord(e, origin)], EVENT_COLUMNS, bom)
    : csvStream(batches, (e) => sourceRecords(e, origin), SOURCE_COLUMNS, bom);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(endingWithMarker(body, url.pathname), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${kind}-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
