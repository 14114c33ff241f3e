// The events whose record changed after a moment T, as they stood at T, rebuilt from their
// revisions (each holds the whole event as saved). Every other event has not changed since T, so
// its stored row is already its state at T (lib/as-of/record.ts reads those as today's views do).
//
// What a revision does not hold is taken honestly from elsewhere: actor names and aliases are
// today's (an actor merged since is followed through its redirect); a quote's check is recomputed
// against its captured copy (copies never change); the first publication time is the event's own
// (set once, at the first publication, never moved); the last change is the time of the revision
// in force at T (the stored row's updated_at is written a few milliseconds after its revision's
// transaction began, so this can differ from what a download at T said by those milliseconds).
import { formatEventDate, spanOf, type EventDate } from "../events/date-span";
import type { EventInput } from "../events/schemas";
import { buildSearchText } from "../events/search-text";
import type { ExportEvent, ExportSource } from "../export/documents";
import { LRUCache } from "lru-cache";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { checkQuote } from "../provenance/quote-match";
import { sqlTimestamp } from "./parse";

export interface PastActor {
  slug: string;
  name: string;
  role: string;
  aliases: string[];
  actorId: number | null;
  countryCode: string | null;
  /** Slugs merged into this actor (actor_redirect): a filter by one still finds its events. */
  oldSlugs: string[];
}

/** An event as it stood at T: the export's shape, plus what filters and pages need. */
export interface PastEvent extends ExportEvent {
  spanEndDay: string;
  spanStartDay: string;
  searchText: string;
  locationPrecision: string;
  retractionReason: string | null;
  /** Actors ordered as the list view orders them (by actor id, then role); `actors` is the export's order. */
  actorLinks: PastActor[];
  sourceCaptureIds: (number | null)[];
  revisionId: number;
}

/** Each event changed after T: absent (not yet written, or never public by then), deleted by then, or as it stood. */
export type PastState =
  | { id: string; state: "absent" }
  | { id: string; state: "deleted"; publishedAt: Date | null; lastChangedAt: Date }
  | { id: string; state: "visible"; event: PastEvent };

interface Row {
  id: string;
  revision_id: number | null;
  kind: string | null;
  snapshot: EventInput | null;
  created_at: Date | null;
  published_at: Date | null;
  retraction_reason: string | null;
  actors: (PastActor & { ordinal: number })[] | null;
}

// The states at T change only when a revision is written (one after T joins the changed set), so
// they are kept per (T, latest revision id): a link to the record as of a date, followed by many
// readers or paged through, rebuilds its changed events once. Sized by events held, not by entries.
// One cache per client: each database (the tests make many) has its own revision ids.
const caches = new WeakMap<PrismaClient, LRUCache<string, PastState[]>>();

/** loadPastStates for every changed event, kept until the next revision is written. */
export async function pastStates(client: PrismaClient, at: Date): Promise<PastState[]> {
  const [{ latest }] = await client.$queryRaw<{ latest: number | null }[]>`SELECT max(id) AS latest FROM revision`;
  const key = `${at.toISOString()} ${latest ?? 0}`;
  let cache = caches.get(client);
  if (!cache)
    caches.set(
      client,
      (cache = new LRUCache<string, PastState[]>({ maxSize: 200_000, sizeCalculation: (v) => Math.max(1, v.length) })),
    );
  const hit = cache.get(key);
  if (hit) return hit;
  const states = await loadPastStates(client, at);
  cache.set(key, states);
  return states;
}

/** Every event with a revision after `at`, in id order, as it stood at `at`. */
export async function loadPastStates(client: PrismaClient, at: Date, only?: string): Promise<PastState[]> {
  const t = sqlTimestamp(at);
  const one = only === undefined ? Prisma.empty : Prisma.sql`AND event_id = ${only}`;
  // The revision in force at T is the latest at or before it (ties broken by id, the order of
  // writing). The actors' names come with the export's order: by name, then role (enum order).
  const rows = await client.$queryRaw<Row[]>`
    WITH changed AS (SELECT DISTINCT event_id FROM revision WHERE created_at > ${t}::timestamp ${one}),
    past AS (
      SELECT DISTINCT ON (r.event_id) r.event_id, r.id, r.kind::text AS kind, r.snapshot, r.created_at
        FROM revision r JOIN changed c ON c.event_id = r.event_id
       WHERE r.created_at <= ${t}::timestamp
       ORDER BY r.event_id, r.created_at DESC, r.id DESC)
    SELECT c.event_id AS id, p.id AS revision_id, p.kind, p.snapshot, p.created_at, e.published_at,
           (SELECT x.note FROM revision x WHERE x.event_id = c.event_id AND x.kind = 'retract' AND x.created_at <= ${t}::timestamp
             ORDER BY x.created_at DESC, x.id DESC LIMIT 1) AS retraction_reason,
           (SELECT json_agg(json_build_object('slug', coalesce(a.slug, l.actor), 'role', l.role, 'name', coalesce(a.name, l.actor), 'aliases', coalesce(a.aliases, '{}'),
                                              'actorId', a.id, 'countryCode', a.country_code, 'ordinal', l.ordinal,
                                              'oldSlugs', (SELECT coalesce(array_agg(rd.old_slug), '{}') FROM actor_redirect rd WHERE rd.actor_id = a.id))
                            ORDER BY coalesce(a.name, l.actor), l.role::"ActorRole")
              FROM jsonb_array_elements(p.snapshot->'actors') WITH ORDINALITY AS j(v, ordinal)
              CROSS JOIN LATERAL (SELECT j.v->>'actor' AS actor, j.v->>'role' AS role, j.ordinal) l
              LEFT JOIN actor_redirect ar ON ar.old_slug = l.actor
              LEFT JOIN actor a ON a.slug = l.actor OR (a.id = ar.actor_id AND NOT EXISTS (SELECT 1 FROM actor a2 WHERE a2.slug = l.actor))) AS actors
      FROM changed c
      JOIN event e ON e.id = c.event_id
      LEFT JOIN past p ON p.event_id = c.event_id
     ORDER BY c.event_id`;
  const texts = await copyTexts(client, rows);
  const copies = await captureCopies(client, rows);
  return rows.map((r): PastState => {
    if (!r.snapshot || !r.kind || !r.created_at) return { id: r.id, state: "absent" };
    if (r.kind === "delete")
      return { id: r.id, state: "deleted", publishedAt: r.published_at, lastChangedAt: r.created_at };
    if (r.snapshot.status !== "published" && r.snapshot.status !== "retracted") return { id: r.id, state: "absent" };
    return { id: r.id, state: "visible", event: toPastEvent(r, texts, copies) };
  });
}

const ids = (rows: Row[]) => [
  ...new Set(
    rows.flatMap((r) => (r.snapshot?.sources ?? []).flatMap((s) => (s.captureId === undefined ? [] : [s.captureId]))),
  ),
];

async function copyTexts(client: PrismaClient, rows: Row[]): Promise<Map<number, string>> {
  const wanted = ids(rows).filter((id) =>
    rows.some((r) => r.snapshot?.sources.some((s) => s.captureId === id && s.quote)),
  );
  if (!wanted.length) return new Map();
  const found = await client.capture.findMany({
    where: { id: { in: wanted } },
    select: { id: true, content: { select: { fullText: true } } },
  });
  return new Map(found.map((c) => [c.id, c.content.fullText]));
}

async function captureCopies(
  client: PrismaClient,
  rows: Row[],
): Promise<Map<number, { sha256: string; capturedAt: string }>> {
  const wanted = ids(rows);
  if (!wanted.length) return new Map();
  const found = await client.capture.findMany({
    where: { id: { in: wanted } },
    select: { id: true, sha256: true, capturedAt: true },
  });
  return new Map(found.map((c) => [c.id, { sha256: c.sha256, capturedAt: c.capturedAt.toISOString() }]));
}

function toPastEvent(
  r: Row,
  texts: Map<number, string>,
  copies: Map<number, { sha256: string; capturedAt: string }>,
): PastEvent {
  const s = r.snapshot!;
  const date: EventDate = {
    startDate: s.startDate,
    endDate: s.endDate ?? null,
    precision: s.precision,
    endPrecision: s.endDate ? (s.endPrecision ?? null) : null,
    approximate: s.approximate ?? false,
  };
  const span = spanOf(date);
  const actors = (r.actors ?? []).map((a): PastActor => ({
    slug: a.slug,
    name: a.name,
    role: a.role,
    aliases: a.aliases,
    actorId: a.actorId,
    countryCode: a.countryCode,
    oldSlugs: a.oldSlugs ?? [],
  }));
  // The stored search text lists actors in the snapshot's order, as the write built it.
  const bySnapshot = [...(r.actors ?? [])].sort((a, b) => a.ordinal - b.ordinal);
  const sources: ExportSource[] = s.sources.map((x) => ({
    url: x.url ?? null,
    title: x.title,
    publisher: x.publisher ?? null,
    author: x.author ?? null,
    publishedOn: x.publishedOn ?? null,
    accessedOn: x.accessedOn ?? null,
    sourceType: x.sourceType,
    quote: x.quote ?? null,
    note: x.note ?? null,
    stance: x.stance ?? "supports",
    quoteCheck: checkQuote(x.quote, x.captureId === undefined ? null : texts.get(x.captureId)).status,
    archivedUrl: x.archivedUrl ?? null,
    language: x.language ?? "en",
    copy: x.captureId === undefined ? null : (copies.get(x.captureId) ?? null),
  }));
  const byListOrder = [...actors].sort(
    (a, b) =>
      (a.actorId ?? Infinity) - (b.actorId ?? Infinity) || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
  );
  return {
    id: r.id,
    title: s.title,
    summary: s.summary,
    type: s.type,
    claimStatus: s.claimStatus,
    date: { ...date, display: formatEventDate(date) },
    place: s.place ?? null,
    countryCodes: s.countryCodes ?? [],
    latitude: s.latitude ?? null,
    longitude: s.longitude ?? null,
    tags: s.tags ?? [],
    itemCategories: s.itemCategories ?? [],
    sanctionsRegime: s.sanctionsRegime ?? null,
    instrument: s.instrument ?? null,
    actors: actors.map((a) => ({ slug: a.slug, name: a.name, role: a.role })),
    sources,
    disputingSourceCount: sources.filter((x) => x.stance === "disputes").length,
    status: s.status,
    deleted: false,
    firstPublishedAt: r.published_at?.toISOString() ?? null,
    lastChangedAt: r.created_at!.toISOString(),
    spanStart: new Date(`${span.start}T00:00:00.000Z`),
    updatedAt: r.created_at!,
    spanStartDay: span.start,
    spanEndDay: span.end,
    searchText: buildSearchText({
      title: s.title,
      summary: s.summary,
      actors: bySnapshot,
      publishers: s.sources.map((x) => x.publisher),
    }),
    locationPrecision: s.locationPrecision ?? "country",
    retractionReason: s.status === "retracted" ? r.retraction_reason : null,
    actorLinks: byListOrder,
    sourceCaptureIds: s.sources.map((x) => x.captureId ?? null),
    revisionId: r.revision_id!,
  };
}

// The ActorRole enum's order (prisma/schema.prisma), which is how PostgreSQL sorts roles.
const ROLE_ORDER = ["initiator", "target", "supplier", "recipient", "speaker", "addressee", "participant", "host"];
