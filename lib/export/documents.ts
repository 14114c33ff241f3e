import "server-only";
// Whole events for export (CSV, JSON API, feed), loaded by id in one statement per batch.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { RELATED_JSON_VALUE_SQL } from "./related-sql";
import type { RelationSlug } from "../relations/kinds";
import { formatEventDate, toIsoDay, type EventDate } from "../events/date-span";
import type { EventColumns } from "../events/queries";

export interface ExportSource {
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  publishedOn: string | null;
  accessedOn: string | null;
  sourceType: string;
  /** The source's own words; null when the citation has only an editor's note. */
  quote: string | null;
  /** The editor's own words: what the source supports or disputes. */
  note: string | null;
  stance: string;
  quoteCheck: string;
  archivedUrl: string | null;
  language: string;
  /**
   * The captured copy the quote is checked against: its hash and time only. The copy's bytes
   * and text are never loaded here (we cite, we do not republish), nor the matched passage,
   * which is for editors.
   */
  copy: { sha256: string; capturedAt: string } | null;
}

export interface ExportRelated {
  kind: RelationSlug;
  direction: "outgoing" | "incoming";
  id: string;
}

export interface ExportEvent {
  id: string;
  title: string;
  summary: string;
  type: string;
  claimStatus: string;
  date: EventDate & { display: string };
  place: string | null;
  countryCodes: string[];
  latitude: number | null;
  longitude: number | null;
  tags: string[];
  itemCategories: string[];
  sanctionsRegime: string | null;
  instrument: string | null;
  actors: { slug: string; name: string; role: string }[];
  sources: ExportSource[];
  /**
   * Links with other public events (published, not deleted), outgoing first, then by kind in
   * RELATION_KINDS' order and id. Absent where links are not known: the as_of views rebuild
   * events from revisions, which do not record them.
   */
  related?: ExportRelated[];
  /** Sources whose stance is `disputes`: the claim is contested by them. */
  disputingSourceCount: number;
  status: string;
  deleted: boolean;
  firstPublishedAt: string | null;
  lastChangedAt: string;
  /** Sort values, for cursors. */
  spanStart: Date;
  updatedAt: Date;
}

interface Row extends EventColumns {
  summary: string;
  country_codes: string[];
  latitude: number | null;
  longitude: number | null;
  tags: string[];
  item_categories: string[];
  sanctions_regime: string | null;
  instrument: string | null;
  status: string;
  deleted: boolean;
  published_at: Date | null;
  updated_at: Date;
  span_start: Date;
  actors: { slug: string; name: string; role: string }[];
  sources: ExportSource[];
  related: ExportRelated[];
}

export async function loadExportEvents(client: PrismaClient, ids: string[]): Promise<ExportEvent[]> {
  if (!ids.length) return [];
  const rows = await client.$queryRaw<Row[]>`
    SELECT e.id, e.title, e.summary, e.type, e.claim_status::text, e.start_date, e.end_date, e.precision::text AS precision, e.end_precision::text AS end_precision, e.approximate,
           e.place, e.country_codes, e.latitude, e.longitude, e.tags, e.item_categories, e.sanctions_regime::text, e.instrument,
           e.status::text, e.deleted, e.published_at, e.updated_at, e.span_start,
           (SELECT coalesce(json_agg(json_build_object('slug', a.slug, 'name', a.name, 'role', ea.role) ORDER BY a.name, ea.role), '[]'::json)
              FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id) AS actors,
           (SELECT coalesce(json_agg(json_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher, 'author', s.author,
                     'publishedOn', s.published_on, 'accessedOn', to_char(s.accessed_on, 'YYYY-MM-DD'), 'sourceType', s.source_type,
                     'quote', s.quote, 'note', s.note, 'stance', s.stance, 'quoteCheck', s.quote_check, 'archivedUrl', s.archived_url, 'language', s.language,
                     'copy', CASE WHEN c.id IS NULL THEN NULL
                                  ELSE json_build_object('sha256', c.sha256, 'capturedAt', to_char(c.captured_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END)
                     ORDER BY s.position), '[]'::json)
              FROM source s LEFT JOIN capture c ON c.id = s.capture_id WHERE s.event_id = e.id) AS sources,
           ${Prisma.raw(RELATED_JSON_VALUE_SQL)} AS related
    FROM event e WHERE e.id = ANY(${ids}::text[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const date: EventDate = {
      startDate: toIsoDay(r.start_date),
      endDate: r.end_date ? toIsoDay(r.end_date) : null,
      precision: r.precision,
      endPrecision: r.end_precision,
      approximate: r.approximate,
    };
    return [
      {
        id: r.id,
        title: r.title,
        summary: r.summary,
        type: r.type,
        claimStatus: r.claim_status,
        date: { ...date, display: formatEventDate(date) },
        place: r.place,
        countryCodes: r.country_codes,
        latitude: r.latitude,
        longitude: r.longitude,
        tags: r.tags,
        itemCategories: r.item_categories,
        sanctionsRegime: r.sanctions_regime,
        instrument: r.instrument,
        actors: r.actors,
        sources: r.sources,
        related: r.related,
        disputingSourceCount: r.sources.filter((s) => s.stance === "disputes").length,
        status: r.status,
        deleted: r.deleted,
        firstPublishedAt: r.published_at?.toISOString() ?? null,
        lastChangedAt: r.updated_at.toISOString(),
        spanStart: r.span_start,
        updatedAt: r.updated_at,
      },
    ];
  });
}
