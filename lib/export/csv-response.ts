import "server-only";
import { unavailableResponse } from "../availability";
import { readDb, readPool, reportReadError } from "../db";
import { parseEventQuery } from "../events/query-params";
import { boundedEventWhereSql } from "../events/list-where";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../log";
import { poolOf } from "../prisma-client";
import { publicOrigin } from "../public-url";
import { copyCsv } from "./copy-csv";
import { copyStatement, type CsvKind } from "./copy-sql";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "./csv";

/**
 * The last line of a CSV export whose reading failed after the first byte was sent (the status,
 * 200, cannot change then). One cell, no commas: a strict reader counting columns stops at it, and
 * a person sees that the file is incomplete. Documented in the README (Data exports).
 */
export const CSV_FAILED_MARKER =
  "#ERROR: the export stopped early because reading the database failed; this file is incomplete. Download it again.";

const HEADERS: Record<CsvKind, string> = { events: EVENT_COLUMNS.join(","), sources: SOURCE_COLUMNS.join(",") };

/**
 * The CSV body for the parameters of /events: PostgreSQL's COPY of the export rows, from the
 * read database (or `client`'s, in tests). Rejects when the database fails before the first byte.
 * `snapshot` (a release's, from pg_export_snapshot() on `client`'s database) makes the COPY read
 * what that transaction sees; the parameters must then need no date bound, which is read apart.
 */
export async function csvBody(
  kind: CsvKind,
  params: URLSearchParams,
  opts: { client?: PrismaClient; origin?: string; path?: string; snapshot?: string } = {},
): Promise<ReadableStream<Uint8Array>> {
  const { client, origin = publicOrigin(), path = `/${kind}.csv`, snapshot } = opts; // never the request's Host (lib/public-url.ts)
  const { query } = parseEventQuery(params);
  if (snapshot && query.fromDay) throw new Error("A date filter's bound would be read outside the snapshot.");
  const sql = copyStatement(kind, query, origin, await boundedEventWhereSql(query, client ?? readDb()));
  return copyCsv(client ? poolOf(client) : readPool(), sql, {
    header: HEADERS[kind],
    bom: params.get("bom") === "1",
    snapshot,
    onFailure(err) {
      reportReadError(err);
      logger.warn({ err: (err as Error).message, path }, "CSV export failed midway; ended with the error marker line");
      return CSV_FAILED_MARKER;
    },
  });
}

/**
 * GET /events.csv and /sources.csv: every event matching the same parameters as /events.
 * `client` is for tests (its own database).
 */
export async function csvResponse(
  request: Request,
  kind: CsvKind,
  opts: { client?: PrismaClient } = {},
): Promise<Response> {
  const url = new URL(request.url);
  let body: ReadableStream<Uint8Array>;
  try {
    body = await csvBody(kind, url.searchParams, { client: opts.client, path: url.pathname });
  } catch (err) {
    if (!reportReadError(err)) throw err;
    return unavailableResponse(request);
  }
  return csvFileResponse(body, `${kind}-${new Date().toISOString().slice(0, 10)}.csv`);
}

/** A CSV download: never kept by a cache (it is the record at this moment), named for saving. */
export function csvFileResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
