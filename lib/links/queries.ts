// Which addresses to check, and the dead ones for the editors' desk.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { FAILING_LINK_STATUSES, isDeadLink } from "./health";

/**
 * Every cited address and archive address of the events readers can see (published or
 * retracted, not deleted), each once, the least recently checked first (never-checked ones
 * before all), so runs bounded in count or time still get round to every address in turn.
 * With `dueBefore`, only addresses not checked since then.
 */
export async function listPublicUrls(prisma: PrismaClient, dueBefore?: Date): Promise<string[]> {
  const due = dueBefore ?? null;
  const rows = await prisma.$queryRaw<{ url: string }[]>`
    WITH cited AS (
      SELECT s.url AS url FROM source s JOIN event e ON e.id = s.event_id
        WHERE e.status IN ('published', 'retracted') AND NOT e.deleted AND s.url IS NOT NULL AND s.url <> ''
      UNION
      SELECT s.archived_url FROM source s JOIN event e ON e.id = s.event_id
        WHERE e.status IN ('published', 'retracted') AND NOT e.deleted AND s.archived_url IS NOT NULL AND s.archived_url <> ''
    )
    SELECT cited.url FROM cited LEFT JOIN link_check lc ON lc.url = cited.url
    WHERE ${due}::timestamp IS NULL OR lc.last_checked_at IS NULL OR lc.last_checked_at < ${due}::timestamp
    ORDER BY lc.last_checked_at ASC NULLS FIRST, cited.url`;
  return rows.map((r) => r.url);
}

/** One event's addresses in source order, whatever its status; null when there is no such event. */
export async function listEventUrls(prisma: PrismaClient, eventId: string): Promise<string[] | null> {
  const event = await prisma.event.findFirst({
    where: { id: eventId, deleted: false },
    select: { sources: { select: { url: true, archivedUrl: true }, orderBy: { position: "asc" } } },
  });
  if (!event) return null;
  const urls = event.sources.flatMap((s) => [s.url, s.archivedUrl]).filter((u): u is string => Boolean(u));
  return [...new Set(urls)];
}

export interface DeadLinkRow {
  eventId: string;
  eventTitle: string;
  eventStatus: string;
  sourceTitle: string;
  publisher: string | null;
  /** The dead address, and whether it is the source's own address or its archived copy. */
  url: string;
  which: "source" | "archive";
  since: Date;
  lastCheckedAt: Date;
  httpStatus: number | null;
  detail: string | null;
  /** The source's archived copy, when the dead address is the source's own. */
  archivedUrl: string | null;
  archiveDead: boolean;
}

/**
 * Dead addresses cited by events that are not deleted, longest dead first; `visible` narrows the
 * events to those the reader may see (lib/events/visibility.ts eventsVisibleTo).
 */
export async function listDeadLinks(
  prisma: PrismaClient,
  limit = 200,
  visible: Prisma.EventWhereInput = {},
): Promise<DeadLinkRow[]> {
  // Narrowed in SQL to failures, then the shared rule decides, so this list and the public page agree.
  const failing = await prisma.linkCheck.findMany({
    where: { status: { in: [...FAILING_LINK_STATUSES] }, firstFailureAt: { not: null } },
    orderBy: { firstFailureAt: "asc" },
  });
  const dead = new Map(failing.filter(isDeadLink).map((c) => [c.url, c]));
  if (dead.size === 0) return [];
  const urls = [...dead.keys()];
  const sources = await prisma.source.findMany({
    where: { event: { ...visible, deleted: false }, OR: [{ url: { in: urls } }, { archivedUrl: { in: urls } }] },
    select: {
      url: true,
      archivedUrl: true,
      title: true,
      publisher: true,
      event: { select: { id: true, title: true, status: true } },
    },
  });
  const rows: DeadLinkRow[] = [];
  for (const s of sources) {
    for (const which of ["source", "archive"] as const) {
      const url = which === "source" ? s.url : s.archivedUrl;
      const check = url ? dead.get(url) : undefined;
      if (!url || !check) continue;
      rows.push({
        eventId: s.event.id,
        eventTitle: s.event.title,
        eventStatus: s.event.status,
        sourceTitle: s.title,
        publisher: s.publisher,
        url,
        which,
        since: check.firstFailureAt!,
        lastCheckedAt: check.lastCheckedAt,
        httpStatus: check.httpStatus,
        detail: check.detail,
        archivedUrl: which === "source" ? s.archivedUrl : null,
        archiveDead: which === "source" && Boolean(s.archivedUrl && dead.has(s.archivedUrl)),
      });
    }
  }
  rows.sort((a, b) => a.since.getTime() - b.since.getTime() || a.eventId.localeCompare(b.eventId));
  return rows.slice(0, limit);
}
