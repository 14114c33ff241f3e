import type { ExportEvent, ExportSource } from "../export/documents";
import type { ApiDeleted, ApiEvent } from "./schemas";

type ApiSource = ApiEvent["sources"][number];

// Field by field rather than a spread, so nothing added to the export's rows later (an
// editors-only field, say) reaches the public API without being put here on purpose.
function presentSource(s: ExportSource): ApiSource {
  return {
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    publishedOn: s.publishedOn,
    accessedOn: s.accessedOn,
    sourceType: s.sourceType as ApiSource["sourceType"],
    quote: s.quote,
    note: s.note,
    stance: s.stance as ApiSource["stance"],
    quoteCheck: s.quoteCheck as ApiSource["quoteCheck"],
    archivedUrl: s.archivedUrl,
    language: s.language,
    copy: s.copy && { sha256: s.copy.sha256, capturedAt: s.copy.capturedAt },
  };
}

export function presentEvent(e: ExportEvent, origin: string): ApiEvent | ApiDeleted {
  if (e.deleted) return { id: e.id, deleted: true, lastChangedAt: e.lastChangedAt };
  return {
    id: e.id,
    url: `${origin}/events/${e.id}`,
    title: e.title,
    summary: e.summary,
    eventType: e.type,
    claimStatus: e.claimStatus as ApiEvent["claimStatus"],
    date: {
      start: e.date.startDate,
      end: e.date.endDate ?? null,
      precision: e.date.precision,
      endPrecision: e.date.endPrecision ?? null,
      approximate: e.date.approximate ?? false,
      display: e.date.display,
    },
    place: e.place,
    countryCodes: e.countryCodes,
    latitude: e.latitude,
    longitude: e.longitude,
    tags: e.tags,
    itemCategories: e.itemCategories,
    sanctionsRegime: e.sanctionsRegime,
    instrument: e.instrument,
    actors: e.actors,
    sources: e.sources.map(presentSource),
    related: (e.related ?? []).map((r) => ({ kind: r.kind, direction: r.direction, id: r.id })),
    disputingSourceCount: e.disputingSourceCount,
    status: e.status as ApiEvent["status"],
    firstPublishedAt: e.firstPublishedAt,
    lastChangedAt: e.lastChangedAt,
  };
}
