// An event's full editable state as one plain object (the EventInput shape): what a revision
// stores, what a restore brings back, and what the diff compares.
import type { Prisma } from "../generated/prisma/client";
import { toIsoDay } from "./date-span";
import type { EventInput } from "./schemas";

export const snapshotInclude = {
  sources: { orderBy: { position: "asc" } },
  actors: { include: { actor: { select: { slug: true } } }, orderBy: [{ actorId: "asc" }, { role: "asc" }] },
} as const satisfies Prisma.EventInclude;

type EventWithParts = Prisma.EventGetPayload<{ include: typeof snapshotInclude }>;

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function toSnapshot(e: EventWithParts): EventInput {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    type: e.type,
    claimStatus: e.claimStatus,
    startDate: toIsoDay(e.startDate),
    endDate: e.endDate ? toIsoDay(e.endDate) : undefined,
    precision: e.precision,
    // Only when set: events without one (all written before it existed) keep the snapshots
    // their revisions already hold.
    ...(e.endPrecision ? { endPrecision: e.endPrecision } : {}),
    approximate: e.approximate,
    place: opt(e.place),
    countryCodes: e.countryCodes,
    latitude: opt(e.latitude),
    longitude: opt(e.longitude),
    // Only when not the default, for the same reason as endPrecision.
    ...(e.locationPrecision !== "country" ? { locationPrecision: e.locationPrecision } : {}),
    tags: e.tags,
    itemCategories: e.itemCategories,
    sanctionsRegime: opt(e.sanctionsRegime),
    instrument: opt(e.instrument),
    status: e.status,
    actors: e.actors.map((a) => ({ actor: a.actor.slug, role: a.role })),
    sources: e.sources.map((s) => ({
      url: opt(s.url),
      title: s.title,
      publisher: opt(s.publisher),
      author: opt(s.author),
      publishedOn: opt(s.publishedOn),
      accessedOn: s.accessedOn ? toIsoDay(s.accessedOn) : undefined,
      sourceType: s.sourceType,
      quote: opt(s.quote),
      note: opt(s.note),
      stance: s.stance,
      archivedUrl: opt(s.archivedUrl),
      language: s.language,
      captureId: opt(s.captureId),
    })),
  };
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Every field that differs, from → to; sources compared one by one, actors as a set of links. */
export function diffSnapshots(before: EventInput | null, after: EventInput): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]) as Set<keyof EventInput>;
  for (const key of keys) {
    if (key === "sources") continue;
    const from = before?.[key];
    const to = after[key];
    if (key === "actors") {
      const fmt = (list: EventInput["actors"] | undefined) => (list ?? []).map((a) => `${a.actor} (${a.role})`).sort();
      if (!same(fmt(from as EventInput["actors"]), fmt(to as EventInput["actors"])))
        changes.push({ field: "actors", from: fmt(from as EventInput["actors"]), to: fmt(to as EventInput["actors"]) });
    } else if (!same(from, to)) changes.push({ field: key, from: from ?? null, to: to ?? null });
  }
  const n = Math.max(before?.sources.length ?? 0, after.sources.length);
  for (let i = 0; i < n; i++) {
    const from = before?.sources[i];
    const to = after.sources[i];
    if (!same(from, to)) changes.push({ field: `sources[${i + 1}]`, from: from ?? null, to: to ?? null });
  }
  return changes;
}
