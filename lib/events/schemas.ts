// The event input schema: what an editor's form, an import row or the seed must satisfy
// before anything is written. The same schema runs in the browser and on the server.
import { z } from "zod";
import {
  ACTOR_ROLES,
  CLAIM_STATUS_SLUGS,
  EVENT_TYPE_SLUGS,
  ITEM_CATEGORY_SLUGS,
  SANCTIONS_REGIMES,
  SOURCE_TYPES,
  type ActorRoleSlug,
  SOURCE_STANCES,
  type SanctionsRegimeSlug,
  type SourceStanceSlug,
  type SourceTypeSlug,
} from "./codebook";
import { isIsoDay, periodOf, spanOf } from "./date-span";
import "../validation-messages";
import { isStorableText } from "../validation/storable-text";

const keys = <T extends string>(o: Record<T, unknown>) => Object.keys(o) as [T, ...T[]];

/** A string that can be stored and shown as it was typed (lib/validation/storable-text.ts). */
export const textSchema = () =>
  z.string().refine(isStorableText, "Remove the invisible control characters (such as NUL) from this text");

export const httpUrlSchema = textSchema()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
    } catch {
      return false;
    }
  }, "Enter a full web address starting with http:// or https://");

const isoDaySchema = z.string().refine(isIsoDay, "Enter a real date as YYYY-MM-DD");
const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((v) => v.length < 10 || isIsoDay(v), "Enter a real date");

export const slugSchema = z
  .string()
  .min(3)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens");

export const sourceInputSchema = z
  .object({
    url: httpUrlSchema.optional(),
    title: textSchema().trim().min(1, "A source needs a title").max(500),
    publisher: textSchema().trim().max(200).optional(),
    author: textSchema().trim().max(200).optional(),
    publishedOn: partialDateSchema.optional(),
    accessedOn: isoDaySchema.optional(),
    sourceType: z.enum(keys<SourceTypeSlug>(SOURCE_TYPES)),
    /** The source's own words, exactly; an editor's summary of it goes in `note`. */
    quote: textSchema().trim().max(5000).optional(),
    note: textSchema().trim().max(2000).optional(),
    stance: z.enum(keys<SourceStanceSlug>(SOURCE_STANCES)).default("supports"),
    archivedUrl: httpUrlSchema.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en or ko")
      .default("en"),
    /** The captured copy its quote is checked against (lib/captures). */
    captureId: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .optional(),
  })
  .refine((s) => Boolean(s.quote || s.note), {
    path: ["quote"],
    message: "Quote the source's own words, or say in a note what it supports",
  });
export type SourceInput = z.infer<typeof sourceInputSchema>;

export const eventInputSchema = z
  .object({
    id: slugSchema,
    title: textSchema().trim().min(5, "Give the event a title").max(300),
    summary: textSchema().trim().min(1, "Summarise the event").max(5000),
    type: z.enum(EVENT_TYPE_SLUGS as [string, ...string[]]),
    claimStatus: z.enum(CLAIM_STATUS_SLUGS as [string, ...string[]]),
    startDate: isoDaySchema,
    endDate: isoDaySchema.optional(),
    precision: z.enum(["day", "month", "year"]),
    /** How precisely the end is known, when not as precisely as the start. */
    endPrecision: z.enum(["day", "month", "year"]).optional(),
    approximate: z.boolean().default(false),
    place: textSchema().trim().max(300).optional(),
    countryCodes: z
      .array(z.string().regex(/^[A-Z]{2}$/, "Use ISO 3166 two-letter codes"))
      .max(20)
      .default([]),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    /** How precisely the place is known; absent means country, as for rows written before it. */
    locationPrecision: z.enum(["exact", "city", "region", "country"]).optional(),
    tags: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
      .max(30)
      .default([]),
    itemCategories: z
      .array(z.enum(ITEM_CATEGORY_SLUGS as [string, ...string[]]))
      .max(20)
      .default([]),
    sanctionsRegime: z.enum(keys<SanctionsRegimeSlug>(SANCTIONS_REGIMES)).optional(),
    instrument: textSchema().trim().max(200).optional(),
    status: z.enum(["draft", "in_review", "published", "retracted"]).default("draft"),
    actors: z
      .array(z.object({ actor: slugSchema, role: z.enum(keys<ActorRoleSlug>(ACTOR_ROLES)) }))
      .max(50)
      .default([]),
    sources: z.array(sourceInputSchema).max(50).default([]),
  })
  .superRefine((e, ctx) => {
    // Compared as spans: "15 September 2022 – September 2022" ends after it starts, though its
    // stored end (the 1st) is the earlier day.
    if (e.endDate && spanOf(e).end < spanOf(e).start) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date" });
    }
    if (periodOf(e.startDate, e.precision).start !== e.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["startDate"],
        message: `With ${e.precision} precision, give the first day of the ${e.precision}`,
      });
    }
    if (e.endPrecision && !e.endDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endPrecision"],
        message: "Give an end date, or leave the end known as precisely as the start",
      });
    } else if (e.endDate && e.endPrecision && periodOf(e.endDate, e.endPrecision).start !== e.endDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: `With the end known to the ${e.endPrecision}, give the first day of the ${e.endPrecision}`,
      });
    }
    if ((e.latitude === undefined) !== (e.longitude === undefined)) {
      ctx.addIssue({ code: "custom", path: ["longitude"], message: "Give both latitude and longitude, or neither" });
    }
    // A halo or a point needs a position; without one the map could only shade the country.
    if (e.locationPrecision && e.locationPrecision !== "country" && e.latitude === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["latitude"],
        message: `With the place known to the ${e.locationPrecision === "exact" ? "spot" : e.locationPrecision}, give its latitude and longitude`,
      });
    }
    if (e.status === "published" && !e.sources.some((s) => s.stance === "supports")) {
      ctx.addIssue({
        code: "custom",
        path: ["sources"],
        message: "A published event needs at least one source that supports it",
      });
    }
  })
  // An end known exactly as precisely as the start is stored as "the same" (null), so one date
  // has one form and a save or import that spells it out changes nothing.
  // Likewise a country-precision place is stored as the default (absent), the form every row
  // written before the field has, so their snapshots stay as they were.
  .overwrite(({ endPrecision, locationPrecision, ...e }) => ({
    ...e,
    ...(endPrecision && endPrecision !== e.precision ? { endPrecision } : {}),
    ...(locationPrecision && locationPrecision !== "country" ? { locationPrecision } : {}),
  }));
export type EventInput = z.infer<typeof eventInputSchema>;

/** An actor created on the spot from the event form. */
export const newActorSchema = z.object({
  slug: slugSchema,
  name: textSchema().trim().min(2, "Give the actor's name").max(200),
  kind: z.enum(["state", "person", "organisation", "international_body", "company"]),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, "Use an ISO 3166 two-letter code")
    .optional(),
  aliases: z.array(textSchema().trim().min(1).max(200)).max(20).default([]),
});
export type NewActorInput = z.infer<typeof newActorSchema>;

/** Field errors keyed by full path ("sources.1.url"), for messages beside each input. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
