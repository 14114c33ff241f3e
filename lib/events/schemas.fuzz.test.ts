// Fuzzing the event input schemas: whatever a form, an import or a hand-made request sends,
// parsing never throws, a refusal names each field in plain words, anything accepted can be
// stored as it was typed, and every valid input is accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT, HOSTILE_CHARS, hostileString, hostileValue, mutated } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { describeInput, expectFieldErrors } from "../testing/fuzz/messages";
import { validEvent, validSlug, validSource } from "../testing/fuzz/valid-events";
import { stringsIn } from "../testing/fuzz/walk";
import {
  eventInputSchema,
  fieldErrorsOf,
  httpUrlSchema,
  newActorSchema,
  slugSchema,
  sourceInputSchema,
} from "./schemas";
import { isStorableText } from "../validation/storable-text";

const SCHEMAS = { eventInputSchema, sourceInputSchema, newActorSchema, httpUrlSchema, slugSchema };

/** Refused with readable field errors, or accepted with nothing unstorable in the result. */
function checkOutcome(schema: (typeof SCHEMAS)[keyof typeof SCHEMAS], input: unknown) {
  const r = schema.safeParse(input);
  if (!r.success) expectFieldErrors(fieldErrorsOf(r.error), input);
  else
    for (const s of stringsIn(r.data))
      expect(isStorableText(s), `accepted unstorable text in ${describeInput(input)}`).toBe(true);
  return r;
}

describe.each(Object.entries(SCHEMAS))("%s under fuzzing", { timeout: FUZZ_TIMEOUT }, (_name, schema) => {
  it("never throws on any value and refuses with readable field errors", () => {
    fc.assert(
      fc.property(hostileValue, (v) => void checkOutcome(schema, v)),
      fuzzParams(),
    );
  });
});

describe("eventInputSchema", { timeout: FUZZ_TIMEOUT }, () => {
  const event = validEvent(["kim-jong-un", "russia"]);

  it("accepts every valid event and keeps its text as typed", () => {
    fc.assert(
      fc.property(event, (e) => {
        const r = eventInputSchema.safeParse(e);
        expect(r.success, r.success ? "" : JSON.stringify(fieldErrorsOf(r.error))).toBe(true);
        expect(r.data!.title).toBe(e.title.trim());
        expect(r.data!.sources.map((s) => s.quote)).toEqual(e.sources.map((s) => s.quote.trim()));
      }),
      fuzzParams(),
    );
  });

  it("refuses or safely accepts valid events with fields replaced, removed or added", () => {
    fc.assert(
      fc.property(mutated(event, hostileValue), (e) => {
        const r = checkOutcome(eventInputSchema, e);
        // Extra fields never reach the database: the parsed value holds only known keys.
        if (r.success) for (const k of Object.keys(r.data)) expect(Object.keys(eventInputSchema.shape)).toContain(k);
      }),
      fuzzParams(),
    );
  });

  it("puts the refusal of a hostile title, summary or quote on that field", () => {
    const field = fc.constantFrom(
      "title",
      "summary",
      "place",
      "instrument",
      "sources.0.quote",
      "sources.0.title",
      "sources.0.url",
    );
    fc.assert(
      fc.property(event, field, hostileString, (e, path, text) => {
        const input = structuredClone(e) as Record<string, unknown>;
        const [head, i, key] = path.split(".");
        if (key) (input.sources as Record<string, unknown>[])[Number(i)][key] = text;
        else input[head] = text;
        const r = checkOutcome(eventInputSchema, input);
        if (!isStorableText(text)) {
          expect(r.success).toBe(false);
          expect(Object.keys(fieldErrorsOf(r.error!))).toContain(path);
        }
      }),
      fuzzParams(),
    );
  });

  it("refuses text that PostgreSQL or the Atom feed cannot carry (regression: NUL was accepted)", () => {
    for (const bad of ["\u0000", "\u0001", "\u001b", "\ud800", "\udfff", "\uffff"]) {
      const r = sourceInputSchema.safeParse({ title: `A title ${bad}`, sourceType: "news", quote: "fine" });
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(fieldErrorsOf(r.error!).title).toEqual([
        "Remove the invisible control characters (such as NUL) from this text",
      ]);
    }
    for (const fine of HOSTILE_CHARS.filter(isStorableText))
      expect(sourceInputSchema.safeParse({ title: `A title ${fine}`, sourceType: "news", quote: "q" }).success).toBe(
        true,
      );
  });

  it("says “Required” for a missing field, not zod's wording (regression)", () => {
    const r = eventInputSchema.safeParse({});
    expect(fieldErrorsOf(r.error!).summary).toEqual(["Required"]);
    expect(fieldErrorsOf(eventInputSchema.safeParse({ latitude: NaN }).error!).latitude).toEqual([
      "Enter a finite number",
    ]);
  });
});

describe("sources and new actors", { timeout: FUZZ_TIMEOUT }, () => {
  it("accepts every valid source", () => {
    fc.assert(
      fc.property(validSource, (s) => void expect(sourceInputSchema.safeParse(s).success).toBe(true)),
      fuzzParams(),
    );
  });

  it("accepts every valid new actor and refuses mutated ones readably", () => {
    const actor = fc.record({
      slug: validSlug,
      name: fc.constantFrom("Kim Jong-un", "Роснефть", "조선", "Ahmad ibn Ḥanbal"),
      kind: fc.constantFrom("state", "person", "organisation", "international_body", "company" as const),
    });
    fc.assert(
      fc.property(actor, (a) => void expect(newActorSchema.safeParse(a).success).toBe(true)),
      fuzzParams(),
    );
    fc.assert(
      fc.property(mutated(actor, hostileValue), (a) => void checkOutcome(newActorSchema, a)),
      fuzzParams(),
    );
  });
});
