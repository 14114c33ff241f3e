import type { PrismaClient } from "../generated/prisma/client";

/**
 * The longest span, in days, of any stored event. A date filter asks for spans that end on or
 * after its start; with this bound it can also say they start no earlier than (start − longest),
 * which turns a scan of all earlier history into a short index range. The expression index
 * event_span_length_idx makes this a single index probe.
 */
export async function longestSpanDays(client: PrismaClient): Promise<number> {
  const rows = await client.$queryRaw<{ days: number | null }[]>`SELECT max(span_end - span_start) AS days FROM event`;
  return Number(rows[0]?.days ?? 0);
}
