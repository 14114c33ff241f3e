// Turning rows of the export's CSV format back into event inputs. Pure: no database.
import { parse } from "csv-parse/sync";
import { FORMULA_START, LIST_SEPARATOR } from "../export/csv";
import { periodStart, slugify, suggestId } from "../events/form-values";
import type { NewActorInput } from "../events/schemas";
import { MAX_ROWS } from "./limits";
import { quote } from "../text/quote";

export interface RowError {
  /** The line's number in the file, counting the header as line 1. */
  row: number;
  column: string;
  message: string;
}

export type CsvRecord = Record<string, string>;

// csv-parse's own messages quote whole cells ("value is …", any length); say what is wrong and
// where, in our words.
const CSV_PROBLEMS: Record<string, string> = {
  INVALID_OPENING_QUOTE: "a quote mark is out of place",
  CSV_INVALID_CLOSING_QUOTE: "a quote mark is out of place",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "there is text after a closing quote mark",
  CSV_QUOTE_NOT_CLOSED: "a quoted cell is never closed",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "a row has a different number of cells from the header",
  CSV_RECORD_INCONSISTENT_COLUMNS: "a row has a different number of cells from the header",
  CSV_OPTION_COLUMNS_MISSING_NAME: "a column of the header row has no name",
  CSV_MAX_RECORD_SIZE: "a row is too large",
};
function csvProblem(err: Error & { code?: string; lines?: number }): string {
  const what = (err.code && CSV_PROBLEMS[err.code]) ?? "its layout is not CSV";
  return `${what}${err.lines ? ` (line ${err.lines})` : ""}.`;
}

/** Parses a CSV file with a header row; a message instead when it cannot be read or is too big. */
export function readCsv(text: string, required: string[], label: string): { records: CsvRecord[] } | { error: string } {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      to: MAX_ROWS + 1,
    }) as CsvRecord[];
  } catch (err) {
    return {
      error: `${label} is not a readable CSV file: ${csvProblem(err as Error & { code?: string; lines?: number })}`,
    };
  }
  if (records.length > MAX_ROWS)
    return { error: `${label} has more than ${MAX_ROWS.toLocaleString("en")} rows; split it into smaller files.` };
  const missing = required.filter((c) => records.length > 0 && !(c in records[0]));
  if (missing.length)
    return {
      error: `${label} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; use the format of the export.`,
    };
  return { records };
}

// The export neutralised text cells that looked like formulas (lib/export/csv.ts neutralize);
// undo exactly that prefix, and nothing else that starts with an apostrophe.
// The prefix is judged before trimming, which would take the tab of a neutralised "\t" with it.
const cell = (v: string | undefined) => {
  const s = (v ?? "").trimStart();
  return (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s).trim();
};
const optional = (v: string | undefined) => cell(v) || undefined;
const list = (v: string | undefined) =>
  cell(v)
    .split(LIST_SEPARATOR.trim())
    .map((s) => s.trim())
    .filter(Boolean);

export interface KnownActor {
  slug: string;
  name: string;
  aliases: string[];
}

/** "Name (role) | Name (role)" → links, matching names or aliases of known actors, creating the rest. */
export function parseActors(
  value: string | undefined,
  known: Map<string, KnownActor>,
  created: Map<string, NewActorInput>,
) {
  const links: { actor: string; role: string }[] = [];
  const problems: string[] = [];
  for (const item of list(value)) {
    const m = /^(.+?)\s*\(([a-z_]+)\)$/.exec(item);
    if (!m) {
      problems.push(`${quote(item)} is not “Name (role)”`);
      continue;
    }
    const name = m[1].trim();
    const found = known.get(name.toLowerCase());
    let slug = found?.slug;
    if (!slug) {
      slug = slugify(name);
      if (slug.length < 3) {
        problems.push(`${quote(name)} is too short for an actor name`);
        continue;
      }
      if (!created.has(slug)) created.set(slug, { slug, name, kind: "organisation", aliases: [] });
    }
    links.push({ actor: slug, role: m[2] });
  }
  return { links, problems };
}

/** The id the event form would suggest for a new event: its start as typed, then its title's words. */
export const newEventId = (r: CsvRecord) => suggestId({ start: cell(r.start_date), title: cell(r.title) });

export function toEventInput(
  r: CsvRecord,
  actors: { actor: string; role: string }[],
  sources: unknown[] | undefined,
  status: string,
) {
  const num = (v: string | undefined) => (cell(v) === "" ? undefined : Number(cell(v)));
  // People typing a file write "2020-01" for January 2020; the export writes "2020-01-01". Take both.
  const precision = cell(r.date_precision);
  // Files made before end_date_precision existed have no such column: their ends are as precise as their starts.
  const endPrecision = optional(r.end_date_precision);
  const day = (v: string, p = precision) =>
    /^\d{4}(-\d{2})?$/.test(v) && (p === "month" || p === "year") ? periodStart(v, p) : v;
  return {
    id: cell(r.id),
    title: cell(r.title),
    summary: cell(r.summary),
    type: cell(r.event_type),
    claimStatus: cell(r.claim_status),
    startDate: day(cell(r.start_date)),
    endDate: optional(r.end_date) && day(cell(r.end_date), endPrecision),
    precision,
    endPrecision,
    approximate: cell(r.approximate).toLowerCase() === "true",
    place: optional(r.place),
    countryCodes: list(r.country_codes),
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    tags: [],
    itemCategories: list(r.item_categories),
    sanctionsRegime: optional(r.sanctions_regime),
    instrument: optional(r.instrument),
    status,
    actors,
    sources: sources ?? [],
  };
}

export function toSourceInput(r: CsvRecord) {
  return {
    url: optional(r.url),
    title: cell(r.title),
    publisher: optional(r.publisher),
    author: optional(r.author),
    publishedOn: optional(r.published_on),
    accessedOn: optional(r.accessed_on),
    sourceType: cell(r.source_type) || "news",
    quote: optional(r.quote),
    note: optional(r.note),
    // Files made before stances existed have no such column: their sources support the event.
    stance: optional(r.stance),
    archivedUrl: optional(r.archived_url),
    language: cell(r.language) || "en",
    // The export's derived columns (quote_check, copy_sha256, copy_captured_at) are not read:
    // the check is recomputed on every write, and copies are never imported (see keepCopies).
  };
}

interface CitedSource {
  url?: string;
  title: string;
  captureId?: number;
}

/**
 * The captured copies an updated event's sources keep. A CSV cannot carry a copy, so an
 * imported source takes the copy of the event's current source at the same address (the same
 * position first, for an address cited twice); one without an address, the copy of the source
 * at its position with the same title. A source whose address changed loses its copy: that
 * copy was of another page. Re-importing an exported file therefore changes nothing.
 */
export function keepCopies<S extends CitedSource>(imported: S[], current: CitedSource[]): S[] {
  const used = new Set<number>();
  const same = (a: CitedSource, b: CitedSource) => (a.url ? a.url === b.url : !b.url && a.title === b.title);
  return imported.map((s, position) => {
    let i = current[position] && same(s, current[position]) ? position : -1;
    if (i < 0 && s.url) i = current.findIndex((c, j) => !used.has(j) && same(s, c));
    if (i < 0 || used.has(i)) return s;
    used.add(i);
    return current[i].captureId === undefined ? s : { ...s, captureId: current[i].captureId };
  });
}

/** Maps a schema path to the CSV column it came from, for error messages. */
export function columnOf(path: string): string {
  const map: Record<string, string> = {
    type: "event_type",
    claimStatus: "claim_status",
    startDate: "start_date",
    endDate: "end_date",
    precision: "date_precision",
    endPrecision: "end_date_precision",
    countryCodes: "country_codes",
    itemCategories: "item_categories",
    sanctionsRegime: "sanctions_regime",
  };
  const m = /^sources\.(\d+)\.?(.*)$/.exec(path);
  if (m)
    return `sources.csv, source ${Number(m[1]) + 1}${m[2] ? `, ${m[2].replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}` : ""}`;
  const head = path.split(".")[0];
  return map[head] ?? head;
}
