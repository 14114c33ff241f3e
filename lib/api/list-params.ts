// The one parser for GET /api/v1/events's parameters, today's list (lib/api/events.ts) and the
// record as of a past moment (lib/as-of/responses.ts) alike: /events's filters, then the API's
// own paging and shape. Unlike the pages, the API refuses what /events would ignore or adjust.
import { parseEventQuery, type EventQuery, type Notice } from "../events/query-params";
import { decodeCursor, type Cursor } from "../export/keyset";
import { parseFields, parseInclude, type ApiField, type ApiInclude } from "./fields";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export interface ApiListParams {
  query: EventQuery;
  limit: number;
  cursor: Cursor | null;
  /** updated_since: every change at or after it (null when not given). */
  since: Date | null;
  /** `fields`, or null for all of them. */
  fields: ApiField[] | null;
  include: Set<ApiInclude>;
}

export type ApiListParse = { ok: true; value: ApiListParams } | { ok: false; message: string; parameters: string[] };

/**
 * `problems` are the caller's own (as_of's), reported after the filters'. With `sinceRefused`,
 * updated_since is refused with that message (as_of asks for one moment, updated_since for the
 * changes since one).
 */
export function parseApiListParams(
  params: URLSearchParams,
  { problems = [], sinceRefused }: { problems?: Notice[]; sinceRefused?: string } = {},
): ApiListParse {
  const { query, notices } = parseEventQuery(params);
  const bad = [...notices, ...problems].map((n) => n.param);
  const messages = [...notices, ...problems].map((n) => n.message);
  const refuse = (param: string, message: string) => {
    bad.push(param);
    messages.push(message);
  };
  if (params.has("page") || params.has("pageSize")) {
    bad.push(...["page", "pageSize"].filter((p) => params.has(p)));
    messages.push("The API pages with `cursor` and `limit`, not `page` and `pageSize`.");
  }
  if (sinceRefused && params.has("updated_since")) refuse("updated_since", sinceRefused);
  const limitRaw = params.get("limit");
  const limit = limitRaw === null ? DEFAULT_LIMIT : /^\d{1,3}$/.test(limitRaw) ? Number(limitRaw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) refuse("limit", `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  const sinceRaw = sinceRefused ? null : params.get("updated_since");
  const since = sinceRaw ? new Date(sinceRaw) : null;
  const cursorRaw = params.get("cursor");
  const cursor = cursorRaw ? decodeCursor(cursorRaw, since ? "updated" : query.sort) : null;
  if (cursorRaw && !cursor) refuse("cursor", "cursor is not one this API gave out.");
  // Year 0 parses in JavaScript but not in PostgreSQL.
  if (
    sinceRaw &&
    (!/^\d{4}-\d{2}-\d{2}T/.test(sinceRaw) || Number.isNaN(since!.getTime()) || since!.getUTCFullYear() < 1)
  )
    refuse("updated_since", "updated_since must be an ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z.");
  const fields = parseFields(params);
  if (!fields.ok) refuse("fields", fields.message);
  const include = parseInclude(params);
  if (!include.ok) refuse("include", include.message);
  if (bad.length || !fields.ok || !include.ok)
    return { ok: false, message: messages.join(" "), parameters: [...new Set(bad)] };
  return { ok: true, value: { query, limit, cursor, since, fields: fields.value, include: include.value } };
}
