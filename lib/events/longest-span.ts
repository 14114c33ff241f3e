import { Prisma, type PrismaClient } from "../generated/prisma/client";

/**
 * Where the bound is read: a Prisma client, or a function running SQL on a pool (the API's
 * readQuery, which skips Prisma's raw-query layer).
 */
export type SpanReader = PrismaClient | (<T extends object>(sql: Prisma.Sql) => Promise<T[]>);

const LONGEST_SPAN = Prisma.sql`SELECT max(span_end - span_start) AS days FROM event`;

/**
 * The longest span, in days, of any stored event. A date filter asks for spans that end on or
 * after its start; with this bound it can also say they start no earlier than (start − longest),
 * which turns a scan of all earlier history into a short index range. The expression index
 * event_span_length_idx makes this a single index probe. Lists read it through lib/events/list-where.ts.
 */
export async function longestSpanDays(reader: SpanReader): Promise<number> {
  type Row = { days: number | null };
  const rows =
    typeof reader === "function" ? await reader<Row>(LONGEST_SPAN) : await reader.$queryRaw<Row[]>(LONGEST_SPAN);
  return Number(rows[0]?.days ?? 0);
}
