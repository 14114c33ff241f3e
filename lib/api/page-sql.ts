// One page of the API's list as one SQL statement: PostgreSQL picks the page by keyset (only
// ids and sort keys, so a sort over many matches moves narrow rows), then writes the page's JSON
// text for those rows alone, with what the next cursor and Last-Modified need. Node forwards the
// text; it never parses or re-serialises events.
import { Prisma } from "../generated/prisma/client";
import { encodeCursor, keysetColumn, type Cursor, type KeysetSort } from "../export/keyset";
import { eventJsonSql, STORED_MEMBERS_JOIN } from "./event-json-sql";
import type { ApiField } from "./fields";
import { readQuery } from "./read-query";
import { keysetWhereSql, orderBySql } from "./where-sql";

export interface PageRequest {
  where: Prisma.Sql;
  sort: KeysetSort;
  limit: number;
  cursor: Cursor | null;
  fields: readonly ApiField[];
  origin: string;
}

export interface EventPageText {
  /** The events as a JSON array's text. */
  data: string;
  /** nextCursor, null on the last page. */
  nextCursor: string | null;
  /** The latest change among the page's events (Last-Modified); null for an empty page. */
  lastModified: Date | null;
}

// The cursor's sort value as cursorOf writes it: a date as an ISO time at midnight UTC.
const CURSOR_VALUE = {
  span_start: `to_char(e.span_start, 'YYYY-MM-DD"T00:00:00.000Z"')`,
  title: "e.title",
  updated_at: `to_char(e.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/**
 * The page's statement. `stored` reads the members the export-ready rows keep (see eventJsonSql),
 * and `unready` says whether a shown event has none, when the page must be read again without.
 */
export function eventPageSql(r: PageRequest, { stored }: { stored: boolean }): Prisma.Sql {
  const order = orderBySql(r.sort);
  const where = r.cursor ? Prisma.sql`${r.where} AND ${keysetWhereSql(r.sort, r.cursor)}` : r.where;
  const shown = Prisma.sql`FILTER (WHERE k.rn <= ${r.limit})`;
  // Times as ISO text: node-postgres would read a timestamp without zone in the process's zone.
  return Prisma.sql`
    SELECT string_agg(${eventJsonSql(r.fields, r.origin, { stored })}, ',' ORDER BY k.rn) ${shown} AS data,
           count(*) > ${r.limit} AS more,
           to_char(max(e.updated_at) ${shown}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_modified,
           (array_agg(${Prisma.raw(CURSOR_VALUE[keysetColumn(r.sort).column])} ORDER BY k.rn DESC) ${shown})[1] AS last_v,
           (array_agg(e.id ORDER BY k.rn DESC) ${shown})[1] AS last_id,
           ${stored ? Prisma.sql`coalesce(bool_or(x.api_members IS NULL AND NOT e.deleted) ${shown}, false)` : Prisma.raw("false")} AS unready
    FROM (SELECT e.id, row_number() OVER (ORDER BY ${order}) AS rn FROM event e WHERE ${where} ORDER BY ${order} LIMIT ${r.limit + 1}) k
    JOIN event e ON e.id = k.id
    LEFT JOIN event_export x ON x.event_id = e.id
    ${Prisma.raw(stored ? STORED_MEMBERS_JOIN : "")}`;
}

type PageRow = {
  data: string | null;
  more: boolean;
  last_modified: string | null;
  last_v: string | null;
  last_id: string | null;
  unready: boolean;
};

export async function eventPageText(r: PageRequest): Promise<EventPageText> {
  let [row] = await readQuery<PageRow>(eventPageSql(r, { stored: true }));
  // An event the export triggers have not written a row for (one inserted around the triggers,
  // or rows from before the api_members migration's backfill): the page built from its rows.
  if (row?.unready) [row] = await readQuery<PageRow>(eventPageSql(r, { stored: false }));
  return {
    data: `[${row?.data ?? ""}]`,
    nextCursor:
      row?.more && row.last_v !== null && row.last_id !== null
        ? encodeCursor({ v: row.last_v, id: row.last_id })
        : null,
    lastModified: row?.last_modified ? new Date(row.last_modified) : null,
  };
}

/** How many events match, whatever the page. */
export async function countEvents(where: Prisma.Sql): Promise<number> {
  const rows = await readQuery<{ n: string }>(Prisma.sql`SELECT count(*) AS n FROM event e WHERE ${where}`);
  return Number(rows[0].n);
}
