import "server-only";
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { toIsoDay, type EventDate } from "./date-span";
import type { EventQuery } from "./query-params";
import { buildEventOrderBy, buildEventWhere } from "./where";

// Named view types: Prisma's generated `Event` would shadow the DOM's.
export interface EventActorView {
  slug: string;
  name: string;
  role: string;
}

export interface EventRow {
  id: string;
  title: string;
  type: string;
  claimStatus: string;
  date: EventDate;
  place: string | null;
  actors: EventActorView[];
  sourceCount: number;
}

const rowSelect = {
  id: true,
  title: true,
  type: true,
  claimStatus: true,
  startDate: true,
  endDate: true,
  precision: true,
  approximate: true,
  place: true,
  actors: { select: { role: true, actor: { select: { slug: true, name: true } } }, orderBy: { actorId: "asc" } },
  _count: { select: { sources: true } },
} as const;

function toDate(e: { startDate: Date; endDate: Date | null; precision: EventDate["precision"]; approximate: boolean }): EventDate {
  return {
    startDate: toIsoDay(e.startDate),
    endDate: e.endDate ? toIsoDay(e.endDate) : null,
    precision: e.precision,
    approximate: e.approximate,
  };
}

/** One page of published events. `client` is for the benchmark, which logs the SQL it runs. */
export async function listEvents(
  query: EventQuery,
  client: PrismaClient = db(),
): Promise<{ rows: EventRow[]; total: number; page: number; pageCount: number }> {
  const where = buildEventWhere(query);
  const total = await client.event.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pageCount);
  // Page through ids alone first (an index-only scan even at deep offsets), then load the rows.
  const ids = await client.event.findMany({
    where,
    orderBy: buildEventOrderBy(query.sort),
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
    select: { id: true },
  });
  const found = await client.event.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: rowSelect });
  const byId = new Map(found.map((e) => [e.id, e]));
  const rows = ids.flatMap(({ id }) => {
    const e = byId.get(id);
    if (!e) return [];
    return [{
      id: e.id,
      title: e.title,
      type: e.type,
      claimStatus: e.claimStatus,
      date: toDate(e),
      place: e.place,
      actors: e.actors.map((a) => ({ slug: a.actor.slug, name: a.actor.name, role: a.role })),
      sourceCount: e._count.sources,
    }];
  });
  return { rows, total, page, pageCount };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** A published or retracted event with everything the public page shows; null otherwise. */
export async function getEvent(id: string) {
  if (!/^[a-z0-9-]{1,200}$/.test(id)) return null;
  const e = await db().event.findFirst({
    where: { id, status: { in: ["published", "retracted"] }, deletedAt: null },
    include: {
      sources: { orderBy: { position: "asc" } },
      actors: { include: { actor: true }, orderBy: { actorId: "asc" } },
    },
  });
  if (!e) return null;
  const { startDate, endDate, precision, approximate, ...rest } = e;
  return { ...rest, date: toDate({ startDate, endDate, precision, approximate }) };
}

export async function getOverview() {
  const published = { status: "published" as const, deletedAt: null };
  const [eventCount, sourceCount, actorCount, latest, range] = await Promise.all([
    db().event.count({ where: published }),
    db().source.count({ where: { event: published } }),
    db().actor.count({ where: { events: { some: { event: published } } } }),
    listEvents({ types: [], actors: [], claims: [], includeRetracted: false, sort: "-date", page: 1, pageSize: 5 }),
    db().event.aggregate({ where: published, _min: { spanStart: true }, _max: { spanEnd: true } }),
  ]);
  return {
    eventCount,
    sourceCount,
    actorCount,
    latest: latest.rows,
    firstYear: range._min.spanStart?.getUTCFullYear() ?? null,
    lastYear: range._max.spanEnd?.getUTCFullYear() ?? null,
  };
}

/** Actors that appear in published events, for the filter's choices. */
export async function listFilterActors() {
  return db().actor.findMany({
    where: { events: { some: { event: { status: "published", deletedAt: null } } } },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
}
