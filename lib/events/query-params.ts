// The one parser for the event list's URL parameters, shared by the table, the timeline, the
// CSV and the API. Bad values never fail the request: each is dropped or clamped, and a notice
// says what happened so the page can tell the reader.
import { CLAIM_STATUS_SLUGS, EVENT_TYPE_SLUGS, type ClaimStatusSlug, type EventType } from "./codebook";
import { parseDateBound } from "./date-span";
import { quote } from "../text/quote";
import { replaceUnsearchable } from "../validation/storable-text";

export const SORTS = ["-date", "date", "title", "-title"] as const;
export type EventSort = (typeof SORTS)[number];
export const DEFAULT_SORT: EventSort = "-date";
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const MAX_Q_LENGTH = 200;
const MAX_LIST_VALUES = 50;

export interface EventQuery {
  q?: string;
  types: EventType[];
  actors: string[];
  claims: ClaimStatusSlug[];
  /** Typed by the reader (YYYY, YYYY-MM or YYYY-MM-DD) … */
  from?: string;
  to?: string;
  /** … and the first/last day those bounds name. */
  fromDay?: string;
  toDay?: string;
  /** Retracted events are left out unless asked for (retracted=include). */
  includeRetracted: boolean;
  sort: EventSort;
  page: number;
  pageSize: number;
  /** `as_of` as given, kept in every link the view makes; lib/as-of/parse.ts reads it. */
  asOf?: string;
}

export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * Every string given for `key`. Only the object's own values count: Next builds searchParams
 * as a plain object, so `?__proto__=x` swaps its prototype for an array and `raw.sort` would
 * find Array.prototype.sort (a TypeError and a 500 before this check).
 */
export function rawValues(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const v = Object.hasOwn(raw, key) ? raw[key] : undefined;
  return (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === "string");
}

function values(raw: RawParams, key: string): string[] {
  const list = rawValues(raw, key);
  // Accept both repeated keys (what a form sends) and comma-separated lists (handy to type).
  return list
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
}

type Note = (param: string, message: string) => void;

function pickAllowed<T extends string>(
  raw: string[],
  allowed: readonly T[],
  param: string,
  label: string,
  note: Note,
): T[] {
  const ok = [...new Set(raw.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
  for (const bad of raw.filter((v) => !(allowed as readonly string[]).includes(v)).slice(0, 5)) {
    note(param, `Ignored unknown ${label} ${quote(bad)}.`);
  }
  return ok.slice(0, MAX_LIST_VALUES);
}

function parsePositiveInt(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/**
 * Something the parser ignored or adjusted: `message` is for people (the page shows it), `param`
 * names the parameter it concerns (the API's 400 answers list them). A view that leaves some
 * parameters out filters the notices by `param`, never by their words (noticeMessages).
 */
export interface Notice {
  param: string;
  message: string;
}

/** The parameters only the table reads: the timeline and the map show every page at once. */
export const PAGING_PARAMS = ["page", "pageSize"] as const;

/** The notices' messages, leaving out those about the parameters in `except` (ones the view does not use). */
export function noticeMessages(notices: readonly Notice[], except: readonly string[] = []): string[] {
  return notices.filter((n) => !except.includes(n.param)).map((n) => n.message);
}

export function parseEventQuery(raw: RawParams): { query: EventQuery; notices: Notice[] } {
  const notices: Notice[] = [];
  const note: Note = (param, message) => notices.push({ param, message });
  const first = (key: string) => values(raw, key)[0];
  const query: EventQuery = {
    types: pickAllowed(values(raw, "type"), EVENT_TYPE_SLUGS, "type", "event type", note),
    claims: pickAllowed(values(raw, "claim"), CLAIM_STATUS_SLUGS, "claim", "claim status", note),
    actors: [...new Set(values(raw, "actor").filter((s) => /^[a-z0-9-]{1,100}$/.test(s)))].slice(0, MAX_LIST_VALUES),
    includeRetracted: first("retracted") === "include",
    sort: DEFAULT_SORT,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  };
  const asOf = rawValues(raw, "as_of")[0]?.trim();
  if (asOf) query.asOf = asOf.slice(0, 64);
  const badActors = values(raw, "actor").filter((s) => !/^[a-z0-9-]{1,100}$/.test(s));
  if (badActors.length) note("actor", `Ignored malformed actor ${quote(badActors[0])}.`);

  const qRaw = rawValues(raw, "q")[0];
  // Control characters cannot be searched for (PostgreSQL refuses NUL outright): they become spaces.
  const cleaned = replaceUnsearchable(qRaw ?? "", " ");
  if (cleaned !== (qRaw ?? "")) note("q", "Control characters were removed from the search text.");
  const q = cleaned.trim();
  if (q.length > MAX_Q_LENGTH) {
    query.q = q.slice(0, MAX_Q_LENGTH).replace(/[\ud800-\udbff]$/, ""); // never half an emoji
    note("q", `The search text was cut to its first ${MAX_Q_LENGTH} characters.`);
  } else if (q) query.q = q;

  for (const bound of ["from", "to"] as const) {
    const value = first(bound);
    if (!value) continue;
    const day = parseDateBound(value, bound);
    if (day) {
      query[bound] = value;
      query[bound === "from" ? "fromDay" : "toDay"] = day;
    } else note(bound, `Ignored “${bound}” date ${quote(value)}: use YYYY, YYYY-MM or YYYY-MM-DD.`);
  }
  if (query.fromDay && query.toDay && query.fromDay > query.toDay) {
    [query.from, query.to] = [query.to, query.from];
    [query.fromDay, query.toDay] = [parseDateBound(query.from!, "from")!, parseDateBound(query.to!, "to")!];
    note("from", "The “from” date was after the “to” date, so they were swapped.");
  }

  const sort = first("sort");
  if (sort && (SORTS as readonly string[]).includes(sort)) query.sort = sort as EventSort;
  else if (sort) note("sort", `Ignored unknown sort ${quote(sort)}.`);

  const page = first("page");
  if (page !== undefined) {
    const n = parsePositiveInt(page);
    if (n && n >= 1) query.page = n;
    else note("page", `Ignored page ${quote(page)}: pages are numbered from 1.`);
  }
  const size = first("pageSize");
  if (size !== undefined) {
    const n = parsePositiveInt(size);
    if (n === null || n < 1) note("pageSize", `Ignored page size ${quote(size)}.`);
    else if (n > MAX_PAGE_SIZE) {
      query.pageSize = MAX_PAGE_SIZE;
      note("pageSize", `Page size ${n} is more than ${MAX_PAGE_SIZE}, so ${MAX_PAGE_SIZE} rows are shown.`);
    } else query.pageSize = n;
  }
  return { query, notices };
}

/** The URL search string for a query, leaving out defaults so links stay short and canonical. */
export function serializeEventQuery(query: Partial<EventQuery>): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  for (const t of query.types ?? []) p.append("type", t);
  for (const a of query.actors ?? []) p.append("actor", a);
  for (const c of query.claims ?? []) p.append("claim", c);
  if (query.from) p.set("from", query.from);
  if (query.to) p.set("to", query.to);
  if (query.includeRetracted) p.set("retracted", "include");
  if (query.sort && query.sort !== DEFAULT_SORT) p.set("sort", query.sort);
  if (query.page && query.page !== 1) p.set("page", String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) p.set("pageSize", String(query.pageSize));
  if (query.asOf) p.set("as_of", query.asOf);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** True when the query narrows the list (anything beyond sort and paging). */
export function hasFilters(query: EventQuery): boolean {
  return Boolean(
    query.q ||
    query.types.length ||
    query.actors.length ||
    query.claims.length ||
    query.from ||
    query.to ||
    query.includeRetracted,
  );
}
