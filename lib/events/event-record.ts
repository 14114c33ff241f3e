// From a validated EventInput to the rows Prisma writes, with the derived columns (date span,
// search text) computed in one place for every writer: the seed, the editor and the importer.
import type { Prisma } from "../generated/prisma/client";
import { spanOf } from "./date-span";
import type { EventInput } from "./schemas";
import { buildSearchText } from "./search-text";
import { checkQuote } from "../provenance/quote-match";

export interface ActorRef {
  id: number;
  name: string;
  aliases: string[];
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * `copyTexts` holds the text of each captured copy the sources point at (by capture id): every
 * quote is checked against it here, so the stored check is rewritten whenever the quote or the
 * copy changes, which are both writes of the event.
 */
export function toEventCreateData(
  input: EventInput,
  actorsBySlug: Map<string, ActorRef>,
  now: Date,
  copyTexts: Map<number, string> = new Map(),
): Prisma.EventCreateInput {
  const span = spanOf(input);
  const links = input.actors.map((link) => {
    const actor = actorsBySlug.get(link.actor);
    if (!actor) throw new Error(`Unknown actor “${link.actor}” in event ${input.id}`);
    return { actor, role: link.role };
  });
  return {
    id: input.id,
    title: input.title,
    summary: input.summary,
    type: input.type,
    claimStatus: input.claimStatus as Prisma.EventCreateInput["claimStatus"],
    startDate: day(input.startDate),
    endDate: input.endDate ? day(input.endDate) : null,
    precision: input.precision,
    endPrecision: input.endDate ? (input.endPrecision ?? null) : null,
    approximate: input.approximate,
    spanStart: day(span.start),
    spanEnd: day(span.end),
    place: input.place ?? null,
    countryCodes: input.countryCodes,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    locationPrecision: input.locationPrecision ?? "country",
    tags: input.tags,
    itemCategories: input.itemCategories,
    sanctionsRegime: input.sanctionsRegime ?? null,
    instrument: input.instrument ?? null,
    status: input.status,
    publishedAt: input.status === "published" ? now : null,
    searchText: buildSearchText({
      title: input.title,
      summary: input.summary,
      actors: links.map((l) => l.actor),
      publishers: input.sources.map((s) => s.publisher),
    }),
    sources: {
      create: input.sources.map((s, position) => {
        if (s.captureId !== undefined && !copyTexts.has(s.captureId))
          throw new Error(`Unknown captured copy ${s.captureId} in event ${input.id}`);
        const check = checkQuote(s.quote, s.captureId === undefined ? null : copyTexts.get(s.captureId));
        return {
          position,
          url: s.url ?? null,
          title: s.title,
          publisher: s.publisher ?? null,
          author: s.author ?? null,
          publishedOn: s.publishedOn ?? null,
          accessedOn: s.accessedOn ? day(s.accessedOn) : null,
          sourceType: s.sourceType,
          quote: s.quote ?? null,
          note: s.note ?? null,
          stance: s.stance,
          archivedUrl: s.archivedUrl ?? null,
          language: s.language,
          ...(s.captureId !== undefined ? { capture: { connect: { id: s.captureId } } } : {}),
          quoteCheck: check.status,
          quoteMatch: check.passage ?? null,
        };
      }),
    },
    actors: {
      create: links.map((l) => ({ role: l.role, actor: { connect: { id: l.actor.id } } })),
    },
  };
}

/**
 * The update that rewrites a stored event from toEventCreateData's output: every field, sources
 * and actors replaced; the id, the creator and the first publication time stay as they were.
 */
export function toEventUpdateData(data: Prisma.EventCreateInput): Prisma.EventUpdateInput {
  const { sources, actors, ...fields } = data;
  return {
    ...fields,
    // Left as stored (undefined leaves a column unchanged in Prisma).
    id: undefined,
    createdBy: undefined,
    publishedAt: undefined,
    sources: { deleteMany: {}, create: sources!.create as Prisma.SourceCreateWithoutEventInput[] },
    actors: { deleteMany: {}, create: actors!.create as Prisma.EventActorCreateWithoutEventInput[] },
  };
}
