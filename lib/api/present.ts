import type { ExportEvent } from "../export/documents";
import type { ApiDeleted, ApiEvent } from "./schemas";

export function presentEvent(e: ExportEvent, origin: string): ApiEvent | ApiDeleted {
  if (e.deleted) return { id: e.id, deleted: true, lastChangedAt: e.lastChangedAt };
  return {
    id: e.id,
    url: `${origin}/events/${e.id}`,
    title: e.title,
    summary: e.summary,
    eventType: e.type,
    claimStatus: e.claimStatus as ApiEvent["claimStatus"],
    date: { start: e.date.startDate, end: e.date.endDate ?? null, precision: e.date.precision, approximate: e.date.approximate ?? false, display: e.date.display },
    place: e.place,
    countryCodes: e.countryCodes,
    latitude: e.latitude,
    longitude: e.longitude,
    tags: e.tags,
    itemCategories: e.itemCategories,
    sanctionsRegime: e.sanctionsRegime,
    instrument: e.instrument,
    actors: e.actors,
    sources: e.sources.map((s) => ({ ...s, sourceType: s.sourceType as ApiEvent["sources"][number]["sourceType"] })),
    status: e.status as ApiEvent["status"],
    firstPublishedAt: e.firstPublishedAt,
    lastChangedAt: e.lastChangedAt,
  };
}
