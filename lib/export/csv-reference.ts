// The CSV writer before COPY (csv-stringify over whole events), kept as the reference that the
// COPY writer (copy-csv.ts) must match byte for byte: tests compare both on the seed and on
// hostile rows. Not used to serve files.
import { stringify } from "csv-stringify/sync";
import { boundedEventWhere } from "../events/list-where";
import { parseEventQuery } from "../events/query-params";
import type { PrismaClient } from "../generated/prisma/client";
import { EVENT_COLUMNS, LIST_SEPARATOR, neutralize, SOURCE_COLUMNS } from "./csv";
import type { ExportEvent } from "./documents";
import { iterateEvents } from "./iterate";

type Cell = string | number | boolean | null;
const text = (v: string | null | undefined): Cell => (v === null || v === undefined || v === "" ? null : neutralize(v));
const list = (items: (string | null)[]) => text(items.filter(Boolean).join(LIST_SEPARATOR));

export function eventRecord(e: ExportEvent, origin: string): Cell[] {
  return [
    text(e.id),
    `${origin}/events/${e.id}`,
    text(e.title),
    text(e.summary),
    text(e.type),
    text(e.claimStatus),
    e.date.startDate,
    e.date.endDate ?? null,
    e.date.precision,
    e.date.approximate ?? false,
    text(e.place),
    list(e.countryCodes),
    e.latitude,
    e.longitude,
    list(e.actors.map((a) => `${a.name} (${a.role})`)),
    list(e.itemCategories),
    text(e.sanctionsRegime),
    text(e.instrument),
    e.sources.length,
    list(e.sources.map((s) => s.url)),
    list(e.sources.map((s) => s.publisher)),
    e.status,
    e.firstPublishedAt,
    e.lastChangedAt,
    e.disputingSourceCount,
    e.sources.filter((s) => s.quote).length,
    e.sources.filter((s) => s.quoteCheck === "verified").length,
    e.date.endPrecision ?? null,
    list((e.related ?? []).filter((r) => r.direction === "outgoing").map((r) => `${r.kind}:${r.id}`)),
  ];
}

export function sourceRecords(e: ExportEvent, origin: string): Cell[][] {
  return e.sources.map((s, i) => [
    text(e.id),
    `${origin}/events/${e.id}`,
    i + 1,
    text(s.url),
    text(s.publisher),
    text(s.title),
    text(s.publishedOn),
    text(s.quote),
    text(s.archivedUrl),
    text(s.author),
    s.accessedOn,
    s.sourceType,
    s.language,
    text(s.note),
    s.stance,
    s.quoteCheck,
    s.copy?.sha256 ?? null,
    s.copy?.capturedAt ?? null,
  ]);
}

// quote_record_delimiter: the one change from the writer as it served files. With a record
// delimiter given, csv-stringify 6.9 quotes a cell holding "\r\n" but not one holding a lone
// "\n" or "\r", so such a cell split its record for every reader (PostgreSQL quotes it, as
// RFC 4180 readers expect). EXPORT_FORMAT_BEFORE_COPY keeps the old options for the test that shows it.
export const EXPORT_FORMAT_BEFORE_COPY = {
  record_delimiter: "windows",
  cast: { boolean: (v: boolean) => (v ? "true" : "false") },
} as const;
const FORMAT = { ...EXPORT_FORMAT_BEFORE_COPY, quote_record_delimiter: true } as const;

/**
 * Streams CSV for batches of events: a header row, then one chunk per batch, so the server
 * never holds the whole file. Each batch is stringified in one call: a chunk per record (what
 * piping csv-stringify's stream gives) cost more than the rows themselves, in stream plumbing
 * and in one socket write each. The stream pulls the next batch only when the client has
 * taken the last, so a slow download pauses the database reads.
 */
export function csvStream(
  batches: AsyncIterable<ExportEvent[]>,
  toRecords: (e: ExportEvent) => Cell[][],
  columns: readonly string[],
  bom: boolean,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode((bom ? "\ufeff" : "") + stringify([[...columns]], FORMAT)));
        return;
      }
      const { done, value } = await iterator.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(stringify(value.flatMap(toRecords), FORMAT)));
    },
    // The client went away: stop reading the database.
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** The whole file the reference writer makes for /events.csv or /sources.csv with these parameters. */
export async function referenceCsv(
  client: PrismaClient,
  kind: "events" | "sources",
  params: URLSearchParams,
  origin: string,
): Promise<Uint8Array> {
  const { query } = parseEventQuery(params);
  const batches = iterateEvents(client, await boundedEventWhere(query, client), query.sort, 7);
  const bom = params.get("bom") === "1";
  const body =
    kind === "events"
      ? csvStream(batches, (e) => [eventRecord(e, origin)], EVENT_COLUMNS, bom)
      : csvStream(batches, (e) => sourceRecords(e, origin), SOURCE_COLUMNS, bom);
  return new Uint8Array(await new Response(body).arrayBuffer());
}
