import "server-only";
import { readDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { formatEventDate, toIsoDay } from "../events/date-span";
import type { EventQuery } from "../events/query-params";
import { boundedEventWhere } from "../events/list-where";
import { TRANSFER_TYPES, type MapEvent } from "./marks";

/**
 * Beyond this many matching events the map reads the earliest this many: enough for any real
 * view (the benchmark draws 10,000), while a filter matching a huge set stays bounded in memory.
 */
export const MAX_MAP_EVENTS = 20_000;

/**
 * The events /events lists for the same filters (all pages), earliest first, with only what the
 * map draws: the place, its precision, and for transfers the countries of the supplier and
 * recipient actors (the arrows).
 */
export async function listMapEvents(query: EventQuery): Promise<{ events: MapEvent[]; total: number }> {
  const { events, total } = await readMapEvents(await boundedEventWhere(query, readDb()));
  return { events, total };
}

/**
 * The first MAX_MAP_EVENTS events `where` matches, earliest first, as the map draws them, with
 * each one's first possible day (`spanStarts`, same order) and the count of all that match. Also
 * read by the as-of map, which merges in the events changed since.
 */
export async function readMapEvents(
  where: Prisma.EventWhereInput,
): Promise<{ events: MapEvent[]; spanStarts: Date[]; total: number }> {
  const db = readDb();
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ spanStart: "asc" }, { id: "asc" }],
      take: MAX_MAP_EVENTS,
      select: {
        id: true,
        title: true,
        type: true,
        startDate: true,
        endDate: true,
        precision: true,
        endPrecision: true,
        approximate: true,
        place: true,
        countryCodes: true,
        latitude: true,
        longitude: true,
        locationPrecision: true,
        spanStart: true,
      },
    }),
  ]);
  const ends = await transferEnds(rows.filter((r) => TRANSFER_TYPES.has(r.type)).map((r) => r.id));
  const events = rows.map((r): MapEvent => {
    const codes = (role: "supplier" | "recipient") => [...(ends.get(`${r.id} ${role}`) ?? [])];
    const date = {
      startDate: toIsoDay(r.startDate),
      endDate: r.endDate ? toIsoDay(r.endDate) : null,
      precision: r.precision,
      endPrecision: r.endPrecision,
      approximate: r.approximate,
    };
    let label: string | undefined;
    return {
      id: r.id,
      title: r.title,
      type: r.type,
      // Formatted only for the few hundred events a view names (marks and the list): formatting
      // all 10,000 took longer than laying out the map.
      get dateLabel() {
        return (label ??= formatEventDate(date));
      },
      place: r.place,
      countryCodes: r.countryCodes,
      latitude: r.latitude,
      longitude: r.longitude,
      locationPrecision: r.locationPrecision,
      suppliers: codes("supplier"),
      recipients: codes("recipient"),
    };
  });
  return { events, spanStarts: rows.map((r) => r.spanStart), total };
}

/**
 * The countries of each transfer's supplier and recipient actors, by "<event id> <role>": flat
 * reads of the transfers' links and of those actors. Loading the links as a relation of every
 * event in view cost over a second for 10,000 events (Prisma's per-relation query and merge);
 * only transfers have arrows, and only those two roles.
 */
async function transferEnds(eventIds: string[]): Promise<Map<string, Set<string>>> {
  const ends = new Map<string, Set<string>>();
  if (!eventIds.length) return ends;
  const db = readDb();
  const links = await db.eventActor.findMany({
    where: { eventId: { in: eventIds }, role: { in: ["supplier", "recipient"] } },
    select: { eventId: true, actorId: true, role: true },
  });
  const actors = await db.actor.findMany({
    where: { id: { in: [...new Set(links.map((l) => l.actorId))] }, countryCode: { not: null } },
    select: { id: true, countryCode: true },
  });
  const country = new Map(actors.map((a) => [a.id, a.countryCode!]));
  for (const l of links) {
    const code = country.get(l.actorId);
    if (!code) continue;
    const key = `${l.eventId} ${l.role}`;
    ends.set(key, (ends.get(key) ?? new Set()).add(code));
  }
  return ends;
}
