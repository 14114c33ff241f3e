import "server-only";
import type { SessionUser } from "../auth/roles";
import type { PrismaClient } from "../generated/prisma/client";
import { isIsoDay } from "./date-span";
import { eventsVisibleToSql } from "./visibility";

export interface PossibleDuplicate {
  id: string;
  title: string;
  startDate: string;
  reason: string;
}

/**
 * Events within 30 days whose titles are similar (pg_trgm similarity ≥ 0.3), or that cite one
 * of the same source URLs, among those `viewer` may read (lib/events/visibility.ts): for editors
 * every event, deleted ones included (their ids can never be reused anyway); for a contributor
 * the public record and their own events, so a hint never shows another's draft.
 */
export async function findPossibleDuplicates(
  prisma: PrismaClient,
  viewer: SessionUser,
  input: { id?: string; startDate: string; title: string; urls: string[] },
): Promise<PossibleDuplicate[]> {
  const title = input.title.trim().slice(0, 300);
  const urls = input.urls.filter((u) => /^https?:\/\//.test(u)).slice(0, 50);
  const date = isIsoDay(input.startDate) ? input.startDate : null;
  if ((!date || title.length < 4) && !urls.length) return [];
  const rows = await prisma.$queryRaw<
    { id: string; title: string; start_date: Date; similar: boolean; shared: boolean }[]
  >`
    SELECT e.id, e.title, e.start_date,
           (${date}::date IS NOT NULL AND abs(e.span_start - ${date}::date) <= 30 AND similarity(e.title, ${title}) >= 0.3) AS similar,
           EXISTS (SELECT 1 FROM source s WHERE s.event_id = e.id AND s.url = ANY(${urls}::text[])) AS shared
    FROM event e
    WHERE e.id <> ${input.id ?? ""}
      AND ${eventsVisibleToSql(viewer)}
      AND ((${date}::date IS NOT NULL AND abs(e.span_start - ${date}::date) <= 30 AND similarity(e.title, ${title}) >= 0.3)
           OR EXISTS (SELECT 1 FROM source s WHERE s.event_id = e.id AND s.url = ANY(${urls}::text[])))
    ORDER BY e.start_date DESC
    LIMIT 10`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startDate: r.start_date.toISOString().slice(0, 10),
    reason: [r.similar && "similar title, close date", r.shared && "shares a source URL"].filter(Boolean).join("; "),
  }));
}
