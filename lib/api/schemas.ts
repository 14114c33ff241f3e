// The API's response shapes, defined once: handlers build objects of these types, and the
// OpenAPI document is generated from the same schemas (z.toJSONSchema).
import { z } from "zod";
import { RELATION_KINDS } from "../relations/kinds";
import { QUOTE_CHECKS, SOURCE_STANCES, type QuoteCheckSlug, type SourceStanceSlug } from "../events/codebook";

const keys = <T extends string>(o: Record<T, string>) => Object.keys(o) as [T, ...T[]];
// Each value with its codebook meaning, so the OpenAPI document explains the enum itself.
const meanings = (o: Record<string, string>) =>
  Object.entries(o)
    .map(([k, v]) => `\`${k}\`: ${v}`)
    .join(" ");

export const apiSourceSchema = z.object({
  url: z.string().nullable().describe("http(s) address; null when no public address is known"),
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedOn: z.string().nullable().describe("YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source shows"),
  accessedOn: z.string().nullable(),
  sourceType: z.enum(["official", "news", "analysis", "dataset"]),
  quote: z
    .string()
    .nullable()
    .describe("The source's own words, verbatim; null when the citation has only an editor's note"),
  note: z
    .string()
    .nullable()
    .describe("The editor's own words on what the source supports or disputes; never a quote from the source"),
  stance: z
    .enum(keys<SourceStanceSlug>(SOURCE_STANCES))
    .describe(`How the source bears on the event. ${meanings(SOURCE_STANCES)}`),
  quoteCheck: z
    .enum(keys<QuoteCheckSlug>(QUOTE_CHECKS))
    .describe(`Whether the quote was found in the source's captured copy. ${meanings(QUOTE_CHECKS)}`),
  archivedUrl: z.string().nullable(),
  language: z.string(),
  copy: z
    .object({
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe("Lower-case hex SHA-256 of the copy's original bytes"),
      capturedAt: z.string().describe("When the copy was captured or uploaded (ISO 8601, UTC)"),
    })
    .nullable()
    .describe(
      "The captured copy the quote is checked against, identified by its hash; the copy itself is not published. null when no copy was captured",
    ),
});

export const apiEventSchema = z.object({
  id: z.string().describe("Stable public id; never reused"),
  url: z.string().describe("The event's public page"),
  title: z.string(),
  summary: z.string(),
  eventType: z.string().describe("One of the codebook's event types"),
  claimStatus: z.enum(["confirmed", "alleged", "denied", "announced"]),
  date: z.object({
    start: z.string().describe("YYYY-MM-DD; the first day of the month or year at those precisions"),
    end: z.string().nullable(),
    precision: z
      .enum(["day", "month", "year"])
      .describe("How precisely the start is known (and the end, unless endPrecision says otherwise)"),
    endPrecision: z
      .enum(["day", "month", "year"])
      .nullable()
      .describe(
        "How precisely the end is known, when not as precisely as the start (e.g. start known to the month, end to the day); null means the same as precision",
      ),
    approximate: z.boolean(),
    display: z.string().describe("As a person would write it, e.g. “January 2020”"),
  }),
  place: z.string().nullable(),
  countryCodes: z.array(z.string()),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  tags: z.array(z.string()),
  itemCategories: z.array(z.string()),
  sanctionsRegime: z.string().nullable(),
  instrument: z.string().nullable(),
  actors: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string() })),
  sources: z.array(apiSourceSchema).describe("Every cited source, in citation order, whatever its stance"),
  related: z
    .array(z.object({ kind: z.enum(RELATION_KINDS), direction: z.enum(["outgoing", "incoming"]), id: z.string() }))
    .describe(
      "Links with other public events: outgoing ones read “this event <kind> id”, incoming ones “id <kind> this event”; outgoing first, then by kind and id",
    ),
  disputingSourceCount: z
    .number()
    .int()
    .min(0)
    .describe("How many of the sources dispute the event (stance `disputes`)"),
  status: z.enum(["published", "retracted"]),
  firstPublishedAt: z.string().nullable(),
  lastChangedAt: z.string(),
});

/** What a sync client gets for an event that was deleted: enough to remove its copy. */
export const apiDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true), lastChangedAt: z.string() });

export const apiEventListSchema = z.object({
  data: z.array(z.union([apiEventSchema, apiDeletedSchema])),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  meta: z
    .object({
      count: z
        .number()
        .int()
        .min(0)
        .describe("How many events match the filters (every page together, whatever the cursor)"),
    })
    .optional()
    .describe("Only with include=count"),
});

export const apiErrorSchema = z.object({
  error: z.object({ message: z.string(), parameters: z.array(z.string()).describe("The parameters at fault") }),
});

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiDeleted = z.infer<typeof apiDeletedSchema>;
