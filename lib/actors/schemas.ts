// What an editor may save for an actor. Pure, for the unit tests.
import { z } from "zod";
import { ACTOR_KINDS, type ActorKindSlug } from "../events/codebook";

export const MAX_ALIASES = 50;
const KINDS = Object.keys(ACTOR_KINDS) as [ActorKindSlug, ...ActorKindSlug[]];
// Letters of any script, digits, spaces and ordinary punctuation; no control characters.
const NO_CONTROL = (s: string) => !/\p{Cc}/u.test(s);

export const actorInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give the actor's name (at least 2 characters).")
    .max(200, "The name can be at most 200 characters.")
    .refine(NO_CONTROL, "The name cannot contain control characters."),
  kind: z.enum(KINDS, "Choose the kind of actor."),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => s === "" || /^[A-Z]{2}$/.test(s), "Give a two-letter country code such as RU, or leave it empty.")
    .transform((s) => s || null),
  /** One alias a line, as typed in the form. */
  aliases: z
    .string()
    .max(10_000, "The aliases are too long.")
    .transform((s) => [
      ...new Set(
        s
          .split(/\r?\n/)
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list) => list.length <= MAX_ALIASES, `Give at most ${MAX_ALIASES} aliases.`)
    .refine(
      (list) => list.every((a) => a.length <= 200 && NO_CONTROL(a)),
      "Each alias can be at most 200 characters, on its own line.",
    ),
  description: z
    .string()
    .trim()
    .max(5000, "The description can be at most 5,000 characters.")
    .transform((s) => s.replace(/\r\n/g, "\n") || null),
});
export type ActorInput = z.output<typeof actorInputSchema>;
export type ActorFormValues = z.input<typeof actorInputSchema>;

export const ACTOR_SLUG = /^[a-z0-9-]{1,100}$/;

/** { field: { from, to } } for every field that differs; aliases compared as lists. */
export function diffActor(before: ActorInput, after: ActorInput): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ActorInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}
