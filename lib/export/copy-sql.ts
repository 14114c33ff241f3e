// The COPY statements behind /events.csv and /sources.csv: the filtered events (the API's SQL
// where, lib/events/list-where.ts, the same rules as the table's Prisma where), joined to the
// records the triggers keep formatted (event_export, source_export), in the table's keyset order.
import "server-only";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client";
import { orderBySql } from "../api/where-sql";
import { RELATED_CELL_SQL } from "./related-sql";
import type { EventQuery } from "../events/query-params";

export type CsvKind = "events" | "sources";

/** A PostgreSQL array literal's text, each item quoted so commas, braces and quotes stay data. */
const arrayText = (items: string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

function literal(value: unknown): string {
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return pg.escapeLiteral(arrayText(value));
  throw new Error(`No literal for ${typeof value} in a COPY statement.`);
}

/**
 * COPY cannot take bind parameters, so the where's values go into the statement as literals,
 * escaped by node-postgres's escapeLiteral (which writes E'…' when a backslash is in the value).
 * The query's values are only strings and lists of strings: anything else fails loudly rather
 * than being guessed.
 */
export function inlineSql(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => literal(sql.values[Number(n) - 1]));
}

// Each row is one text value, its whole CSV record: the id cell, the URL cell (it follows
// PUBLIC_URL, so it is made here) and the rest, kept ready with the export rows (csv_tail),
// but for the events' last cell, related, read here (RELATED).
// Only rows of events with links (has_links) look their links up: the other rows' lookups
// would find nothing, at the cost of a subquery each (the export_has_links migration).
const RELATED = `CASE WHEN x.has_links THEN csv_cell(export_text(${RELATED_CELL_SQL})) ELSE '' END`;
const url = (origin: string) => `csv_cell(${pg.escapeLiteral(origin)} || '/events/' || e.id)`;
const RECORDS: Record<CsvKind, (origin: string) => string> = {
  events: (origin) => `csv_cell(x.id) || ',' || ${url(origin)} || x.csv_tail || ',' || ${RELATED} || E'\\r\\n'`,
  sources: (origin) => `csv_cell(x.event_id_cell) || ',' || ${url(origin)} || x.csv_tail`,
};
// A lateral subquery the planner may not flatten (OFFSET 0): the export rows are looked up per
// event, in the order an index gives the events, so the first row leaves at once. As a plain
// join, PostgreSQL prefers a hash join and a sort of every wide row before the first one.
const JOINS: Record<CsvKind, string> = {
  events: "CROSS JOIN LATERAL (SELECT * FROM event_export x WHERE x.event_id = e.id OFFSET 0) x",
  sources: "CROSS JOIN LATERAL (SELECT * FROM source_export x WHERE x.event_id = e.id ORDER BY x.position OFFSET 0) x",
};

/** The SELECT of an export's records (one text column) matching `where` (over the event `e`), in the table's order. */
function recordsSelect(kind: CsvKind, query: EventQuery, origin: string, where: Prisma.Sql): string {
  const order = `${orderBySql(query.sort).text}${kind === "sources" ? ", x.position" : ""}`;
  return `SELECT ${RECORDS[kind](origin)} FROM event e ${JOINS[kind]}
    WHERE ${inlineSql(where)} ORDER BY ${order}`;
}

/** Binary COPY, so each record's bytes come as they are kept (lib/export/copy-binary-rows.ts). */
export function copyStatement(kind: CsvKind, query: EventQuery, origin: string, where: Prisma.Sql): string {
  return `COPY (${recordsSelect(kind, query, origin, where)}) TO STDOUT WITH (FORMAT binary)`;
}
