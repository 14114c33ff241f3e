// Keyset pagination: a cursor holds the sort values of the last row sent, so the next page
// starts strictly after it. Unlike OFFSET (or Prisma's id cursor, which re-reads the cursor row's
// current values), rows inserted or moved meanwhile never make a page skip or repeat a row.
import type { Prisma } from "../generated/prisma/client";
import type { EventSort } from "../events/query-params";
import { isEventId } from "../validation/event-id";
import { isQueryableText } from "../validation/storable-text";

export type KeysetSort = EventSort | "updated";
type Field = "spanStart" | "title" | "updatedAt";

const KEYS: Record<KeysetSort, { field: Field; dir: "asc" | "desc" }> = {
  "-date": { field: "spanStart", dir: "desc" },
  date: { field: "spanStart", dir: "asc" },
  title: { field: "title", dir: "asc" },
  "-title": { field: "title", dir: "desc" },
  updated: { field: "updatedAt", dir: "asc" },
};

/** The sort's column and direction in SQL, for statements written by hand (lib/api/page-sql.ts). */
export function keysetColumn(sort: KeysetSort): { column: "span_start" | "title" | "updated_at"; dir: "asc" | "desc" } {
  const { field, dir } = KEYS[sort];
  return { column: field === "spanStart" ? "span_start" : field === "title" ? "title" : "updated_at", dir };
}

export interface Cursor {
  /** The sort value of the last row: an ISO date/time or a title. */
  v: string;
  id: string;
}

export function keysetOrderBy(sort: KeysetSort): Prisma.EventOrderByWithRelationInput[] {
  const { field, dir } = KEYS[sort];
  return [{ [field]: dir }, { id: dir }];
}

export function cursorOf(
  sort: KeysetSort,
  row: { id: string; spanStart: Date; title: string; updatedAt: Date },
): Cursor {
  const value = row[KEYS[sort].field];
  return { v: value instanceof Date ? value.toISOString() : value, id: row.id };
}

/**
 * Rows strictly after the cursor in the sort's order: (key, id) beyond (v, id). Written as
 * "key at or beyond v, and (key beyond v or id beyond)" so that PostgreSQL uses the first part
 * as an index range and each page costs its own size, not the rows before it.
 */
export function keysetWhere(sort: KeysetSort, cursor: Cursor): Prisma.EventWhereInput {
  const { field, dir } = KEYS[sort];
  const value = field === "title" ? cursor.v : new Date(cursor.v);
  const [beyond, atOrBeyond] = dir === "asc" ? ["gt", "gte"] : ["lt", "lte"];
  return {
    AND: [
      { [field]: { [atOrBeyond]: value } },
      { OR: [{ [field]: { [beyond]: value } }, { id: { [beyond]: cursor.id } }] },
    ],
  };
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * The cursor in `raw` if it is one this sort could have given out, else null. A cursor is only
 * base64url JSON, so anyone can forge one: its values are checked as strictly as any other
 * parameter (a date that is not a date, or a NUL, would otherwise fail the query with a 500).
 */
export function decodeCursor(raw: string, sort: KeysetSort): Cursor | null {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const { v, id } = (c ?? {}) as { v?: unknown; id?: unknown };
  if (typeof v !== "string" || !isEventId(id) || v.length > 400) return null;
  if (KEYS[sort].field === "title") return isQueryableText(v) ? { v, id } : null;
  const t = Date.parse(v);
  return ISO_TIME.test(v) && Number.isFinite(t) && new Date(t).getUTCFullYear() >= 1 ? { v, id } : null;
}
