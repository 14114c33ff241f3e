// The CSV formats: stable, documented columns (see /codebook), RFC 4180 quoting by
// csv-stringify, and spreadsheet formula injection neutralised in every text cell.
import { stringify } from "csv-stringify/sync";
import type { ExportEvent } from "./documents";

/** Separates the items of a list inside one cell. */
export const LIST_SEPARATOR = " | ";

export const EVENT_COLUMNS = [
  "id", "url", "title", "summary", "event_type", "claim_status", "start_date", "end_date", "date_precision", "approximate",
  "place", "country_codes", "latitude", "longitude", "actors", "item_categories", "sanctions_regime", "instrument",
  "source_count", "source_urls", "source_publishers", "status", "first_published_at", "last_changed_at",
  // Added with the provenance fields (issue 12): new columns only ever go at the end.
  "disputing_source_count", "quote_count", "verified_quote_count",
  // An end known to another precision than the start (E14): empty means as date_precision.
  "end_date_precision",
] as const;

export const SOURCE_COLUMNS = [
  "event_id", "event_url", "position", "url", "publisher", "title", "published_on", "quote", "archived_url", "author", "accessed_on", "source_type", "language",
  "note", "stance", "quote_check", "copy_sha256", "copy_captured_at",
] as const;

/**
 * What a spreadsheet may run as a formula: a cell starting with a tab, CR or LF, or with
 * = + - @ after any leading spaces (spreadsheets trim them on import), the full-width ＝ ＋ － ＠
 * included (some read them as the ASCII signs). The import's reading undoes exactly this.
 */
export const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * Prefixing an apostrophe makes a would-be formula text, as OWASP recommends. Numbers are typed
 * numbers, never text, so a negative longitude stays a number.
 */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

type Cell = string | number | boolean | null;
const text = (v: string | null | undefined): Cell => (v === null || v === undefined || v === "" ? null : neutralize(v));
const list = (items: (string | null)[]) => text(items.filter(Boolean).join(LIST_SEPARATOR));

export function eventRecord(e: ExportEvent, origin: string): Cell[] {
  return [
    text(e.id), `${origin}/events/${e.id}`, text(e.title), text(e.summary), text(e.type), text(e.claimStatus),
    e.date.startDate, e.date.endDate ?? null, e.date.precision, e.date.approximate ?? false,
    text(e.place), list(e.countryCodes), e.latitude, e.longitude,
    list(e.actors.map((a) => `${a.name} (${a.role})`)), list(e.itemCategories), text(e.sanctionsRegime), text(e.instrument),
    e.sources.length, list(e.sources.map((s) => s.url)), list(e.sources.map((s) => s.publisher)),
    e.status, e.firstPublishedAt, e.lastChangedAt,
    e.disputingSourceCount, e.sources.filter((s) => s.quote).length, e.sources.filter((s) => s.quoteCheck === "verified").length,
    e.date.endPrecision ?? null,
  ];
}

export function sourceRecords(e: ExportEvent, origin: string): Cell[][] {
  return e.sources.map((s, i) => [
    text(e.id), `${origin}/events/${e.id}`, i + 1, text(s.url), text(s.publisher), text(s.title), text(s.publishedOn), text(s.quote), text(s.archivedUrl),
    text(s.author), s.accessedOn, s.sourceType, s.language,
    text(s.note), s.stance, s.quoteCheck, s.copy?.sha256 ?? null, s.copy?.capturedAt ?? null,
  ]);
}

const FORMAT = { record_delimiter: "windows", cast: { boolean: (v: boolean) => (v ? "true" : "false") } } as const;

/**
 * Streams CSV for batches of events: a header row, then one chunk per batch, so the server
 * never holds the whole file. Each batch is stringified in one call: a chunk per record (what
 * piping csv-stringify's stream gives) cost more than the rows themselves, in stream plumbing
 * and in one socket write each. The stream pulls the next batch only when the client has
 * taken the last, so a slow download pauses the database reads.
 */
export function csvStream(batches: AsyncIterable<ExportEvent[]>, toRecords: (e: ExportEvent) => Cell[][], columns: readonly string[], bom: boolean): ReadableStream<Uint8Array> {
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
