import "server-only";
import { readDb } from "../db";
import { formatEventDate, toIsoDay } from "../events/date-span";
import { longestSpanDays } from "../events/longest-span";
import type { EventQuery } from "../events/query-params";
import { buildEventWhere } from "../events/where";
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
  const db = readDb();
  const longest = query.fromDay ? await longestSpanDays(db) : undefined;
  const where = buildEventWhere(query, { longestSpanDays: longest });
  const [total, rows] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ spanStart: "asc" }, { id: "asc" }],
      take: MAX_MAP_EVENTS,
      select: {
        id: true, title: true, type: true, startDate: true, endDate: true, precision: true, endPrecision: true, approximate: true,
        place: true, countryCodes: true, latitude: true, longitude: true, locationPrecision: true,
        // Only the two roles an arrow needs, and only their countries.
        actors: { where: { role: { in: ["supplier", "recipient"] } }, select: { role: true, actor: { select: { countryCode: true } } } },
      },
    }),
  ]);
  const events = rows.map((r): MapEvent => {
    const transfer = TRANSFER_TYPES.has(r.type);
    const codes = (role: "supplier" | "recipient") =>
      transfer ? [...new Set(r.actors.filter((a) => a.role === role && a.actor.countryCode).map((a) => a.actor.countryCode!))] : [];
    return {
      id: r.id,
      title: r.title,
      type: r.type,
      dateLabel: formatEventDate({ startDate: toIsoDay(r.startDate), endDate: r.endDate ? toIsoDay(r.endDate) : null, precision: r.precision, endPrecision: r.endPrecision, approximate: r.approximate }),
      place: r.place,
      countryCodes: r.countryCodes,
      latitude: r.latitude,
      longitude: r.longitude,
      locationPrecision: r.locationPrecision,
      suppliers: codes("supplier"),
      recipients: codes("recipient"),
    };
  });
  return { events, total };
}
