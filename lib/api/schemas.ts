// The API's response shapes, defined once: handlers build objects of these types, and the
// OpenAPI document is generated from the same schemas (z.toJSONSchema).
import { z } from "zod";

export const apiSourceSchema = z.object({
  url: z.string().nullable().describe("http(s) address; null when no public address is known"),
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedOn: z.string().nullable().describe("YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source shows"),
  accessedOn: z.string().nullable(),
  sourceType: z.enum(["official", "news", "analysis", "dataset"]),
  quote: z.string().describe("The verbatim passage that supports the event"),
  archivedUrl: z.string().nullable(),
  language: z.string(),
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
    precision: z.enum(["day", "month", "year"]),
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
  sources: z.array(apiSourceSchema),
  status: z.enum(["published", "retracted"]),
  firstPublishedAt: z.string().nullable(),
  lastChangedAt: z.string(),
});

/** What a sync client gets for an event that was deleted: enough to remove its copy. */
export const apiDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true), lastChangedAt: z.string() });

export const apiEventListSchema = z.object({
  data: z.array(z.union([apiEventSchema, apiDeletedSchema])),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
});

export const apiErrorSchema = z.object({
  error: z.object({ message: z.string(), parameters: z.array(z.string()).describe("The parameters at fault") }),
});

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiDeleted = z.infer<typeof apiDeletedSchema>;
