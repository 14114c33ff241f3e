// The COPY statements behind /events.csv and /sources.csv: the filtered events (the API's SQL
// where, lib/api/where-sql.ts, the same rules as the table's Prisma where), joined to the cells
// the triggers keep formatted (event_export, source_export), in the table's keyset order.
import pg from "pg";
import type { Prisma } from "../generated/prisma/client";
import { eventWhereSql, orderBySql } from "../api/where-sql";
import type { EventQuery } from "../events/query-params";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "./csv";

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

const url = (origin: string) => `${pg.escapeLiteral(origin)} || '/events/' || e.id`;

// Every cell but the URL is stored under its column's name; the URL follows PUBLIC_URL, so it is made here.
const SELECTS: Record<CsvKind, (origin: string) => string> = {
  events: (origin) => EVENT_COLUMNS.map((c) => (c === "url" ? url(origin) : `x.${c}`)).join(", "),
  sources: (origin) => SOURCE_COLUMNS.map((c) => (c === "event_url" ? url(origin) : c === "event_id" ? "x.event_id_cell" : `x.${c}`)).join(", "),
};
// A lateral subquery the planner may not flatten (OFFSET 0): the export rows are looked up per
// event, in the order an index gives the events, so the first row leaves at once. As a plain
// join, PostgreSQL prefers a hash join and a sort of every wide row before the first one.
const JOINS: Record<CsvKind, string> = {
  events: "CROSS JOIN LATERAL (SELECT * FROM event_export x WHERE x.event_id = e.id OFFSET 0) x",
  sources: "CROSS JOIN LATERAL (SELECT * FROM source_export x WHERE x.event_id = e.id ORDER BY x.position OFFSET 0) x",
};

export function copyStatement(kind: CsvKind, query: EventQuery, origin: string, longestSpanDays?: number): string {
  const order = `${orderBySql(query.sort).text}${kind === "sources" ? ", x.position" : ""}`;
  return `COPY (SELECT ${SELECTS[kind](origin)} FROM event e ${JOINS[kind]}
    WHERE ${inlineSql(eventWhereSql({ query, longestSpanDays }))} ORDER BY ${order}) TO STDOUT WITH (FORMAT csv)`;
}
