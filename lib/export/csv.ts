// The CSV formats: stable, documented columns (see /codebook), RFC 4180 quoting, and spreadsheet
// formula injection neutralised in every text cell. PostgreSQL writes the files (COPY of the cells
// the export triggers keep, migration export_rows, which follows these rules in SQL);
// csv-reference.ts is the JavaScript writer they must match byte for byte.

/** Separates the items of a list inside one cell. */
export const LIST_SEPARATOR = " | ";

export const EVENT_COLUMNS = [
  "id",
  "url",
  "title",
  "summary",
  "event_type",
  "claim_status",
  "start_date",
  "end_date",
  "date_precision",
  "approximate",
  "place",
  "country_codes",
  "latitude",
  "longitude",
  "actors",
  "item_categories",
  "sanctions_regime",
  "instrument",
  "source_count",
  "source_urls",
  "source_publishers",
  "status",
  "first_published_at",
  "last_changed_at",
  // Added with the provenance fields (issue 12): new columns only ever go at the end.
  "disputing_source_count",
  "quote_count",
  "verified_quote_count",
  // An end known to another precision than the start (E14): empty means as date_precision.
  "end_date_precision",
  // The event's links to other public events, "kind:event id" (issue 14); the import reads them back.
  "related",
] as const;

export const SOURCE_COLUMNS = [
  "event_id",
  "event_url",
  "position",
  "url",
  "publisher",
  "title",
  "published_on",
  "quote",
  "archived_url",
  "author",
  "accessed_on",
  "source_type",
  "language",
  "note",
  "stance",
  "quote_check",
  "copy_sha256",
  "copy_captured_at",
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
