import "server-only";
// An event's public page as it stood at T: the same shape getEvent gives the page today.
import { cache } from "react";
import { readDb } from "../db";
import { getEvent, type EventDetail, type LinkCheckView } from "../events/queries";
import type { PrismaClient } from "../generated/prisma/client";
import { loadPastStates, type PastEvent } from "./past-events";
import { isEventId } from "../validation/event-id";

/** The page's event at `at`, or null when it was not in the published record then. */
export const getEventAsOf = cache(
  async (id: string, at: Date, client: PrismaClient = readDb()): Promise<EventDetail | null> => {
    if (!isEventId(id)) return null;
    const [state] = await loadPastStates(client, at, id);
    if (!state) {
      // Unchanged since T: today's page is that moment's.
      return getEvent(id);
    }
    if (state.state !== "visible") return null;
    return fromPast(client, state.event);
  },
);

async function fromPast(client: PrismaClient, p: PastEvent): Promise<EventDetail | null> {
  const row = await client.event.findUnique({ where: { id: p.id } });
  if (!row) return null;
  const actorIds = p.actorLinks.flatMap((a) => (a.actorId === null ? [] : [a.actorId]));
  const [actors, captures, checks] = await Promise.all([
    client.actor.findMany({ where: { id: { in: actorIds } } }),
    client.capture.findMany({
      where: { id: { in: p.sourceCaptureIds.filter((c): c is number => c !== null) } },
      select: { id: true, capturedAt: true, sha256: true },
    }),
    linkChecks(
      client,
      p.sources.flatMap((s) => [s.url, s.archivedUrl]),
    ),
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const captureById = new Map(captures.map((c) => [c.id, { capturedAt: c.capturedAt, sha256: c.sha256 }]));
  return {
    ...row,
    title: p.title,
    summary: p.summary,
    type: p.type,
    claimStatus: p.claimStatus as EventDetail["claimStatus"],
    place: p.place,
    countryCodes: p.countryCodes,
    latitude: p.latitude,
    longitude: p.longitude,
    locationPrecision: p.locationPrecision as EventDetail["locationPrecision"],
    tags: p.tags,
    itemCategories: p.itemCategories,
    sanctionsRegime: p.sanctionsRegime as EventDetail["sanctionsRegime"],
    instrument: p.instrument,
    status: p.status as EventDetail["status"],
    updatedAt: p.updatedAt,
    retractionReason: p.retractionReason,
    deleted: false,
    spanStart: p.spanStart,
    spanEnd: new Date(`${p.spanEndDay}T00:00:00.000Z`),
    date: {
      startDate: p.date.startDate,
      endDate: p.date.endDate,
      precision: p.date.precision,
      endPrecision: p.date.endPrecision,
      approximate: p.date.approximate,
    },
    actors: p.actorLinks.flatMap((a) => {
      const actor = a.actorId === null ? undefined : actorById.get(a.actorId);
      return actor
        ? [{ eventId: p.id, actorId: actor.id, role: a.role as EventDetail["actors"][number]["role"], actor }]
        : [];
    }),
    sources: p.sources.map((s, i) => {
      const captureId = p.sourceCaptureIds[i];
      return {
        // Negative ids: these rows are not stored sources (React keys only).
        id: -(i + 1),
        eventId: p.id,
        position: i,
        url: s.url,
        title: s.title,
        publisher: s.publisher,
        author: s.author,
        publishedOn: s.publishedOn,
        accessedOn: s.accessedOn ? new Date(`${s.accessedOn}T00:00:00.000Z`) : null,
        sourceType: s.sourceType as EventDetail["sources"][number]["sourceType"],
        quote: s.quote,
        note: s.note,
        stance: s.stance as EventDetail["sources"][number]["stance"],
        archivedUrl: s.archivedUrl,
        language: s.language,
        captureId,
        quoteCheck: s.quoteCheck as EventDetail["sources"][number]["quoteCheck"],
        capture: captureId === null ? null : (captureById.get(captureId) ?? null),
        urlCheck: checks.get(s.url ?? "") ?? null,
        archiveCheck: checks.get(s.archivedUrl ?? "") ?? null,
      };
    }),
  } as EventDetail;
}

async function linkChecks(client: PrismaClient, urls: (string | null)[]): Promise<Map<string, LinkCheckView>> {
  const wanted = [...new Set(urls.filter((u): u is string => Boolean(u)))];
  if (!wanted.length) return new Map();
  const rows = await client.linkCheck.findMany({
    where: { url: { in: wanted } },
    select: { url: true, status: true, firstFailureAt: true, lastCheckedAt: true },
  });
  return new Map(rows.map((r) => [r.url, r as LinkCheckView]));
}
