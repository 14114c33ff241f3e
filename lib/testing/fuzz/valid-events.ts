// Generators of inputs the event schemas must accept: every field within its rules, the text
// fields drawn from odd but storable Unicode (emoji, RTL marks, combining accents, quotes and
// markup, which must be kept as typed, never refused or mangled).
import fc from "fast-check";
import { isStorableText } from "../../validation/storable-text";
import {
  ACTOR_ROLES,
  CLAIM_STATUS_SLUGS,
  EVENT_TYPE_SLUGS,
  ITEM_CATEGORY_SLUGS,
  SANCTIONS_REGIMES,
  SOURCE_TYPES,
} from "../../events/codebook";

const ODD_BUT_FINE = [
  "😀",
  "👩‍👩‍👧‍👦",
  "🇰🇵",
  "e\u0301",
  "\u200f",
  "\u202e",
  "\u200b",
  "\ufeff",
  "한",
  "朝",
  "ا",
  "ß",
  "İ",
  "'",
  '"',
  "<b>",
  "&amp;",
  "%",
  "_",
  "\\",
  "' OR 1=1 --",
  "=SUM(1)",
  "\t",
  "\n",
];

/** Text with at least `min` visible characters once trimmed, at most `max` UTF-16 units. */
export const fineText = (min: number, max: number) =>
  fc
    .tuple(
      fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: min + 10 }).filter((s) => /\S/.test(s)),
      fc.array(fc.constantFrom(...ODD_BUT_FINE), { maxLength: 4 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    )
    .map(([ascii, odd, uni]) => `x${ascii.replace(/\s/g, "y")}${odd.join("")}${uni}`.slice(0, max))
    .filter((s) => s.trim().length >= min && s.length <= max && !/[\ud800-\udbff]$/.test(s) && isStorableText(s));

const slugWord = fc.stringMatching(/^[a-z0-9]{1,8}$/);
export const validSlug = fc.array(slugWord, { minLength: 1, maxLength: 4 }).map((w) => `fz-${w.join("-")}`);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
export const validDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const httpUrl = fc.webUrl({ validSchemes: ["http", "https"] }).filter((u) => u.length <= 2000);

export const validSource = fc.record(
  {
    url: httpUrl,
    title: fineText(1, 500),
    publisher: fineText(1, 200),
    author: fineText(1, 200),
    publishedOn: fc.oneof(
      validDay,
      validDay.map((d) => d.slice(0, 7)),
      validDay.map((d) => d.slice(0, 4)),
    ),
    accessedOn: validDay,
    sourceType: fc.constantFrom(...(Object.keys(SOURCE_TYPES) as (keyof typeof SOURCE_TYPES)[])),
    quote: fineText(1, 5000),
    archivedUrl: httpUrl,
    language: fc.constantFrom("en", "ko", "ru", "zh-Hans", "en-GB"),
  },
  { requiredKeys: ["title", "sourceType", "quote"] },
);

/** A valid event input; `actors` lists the slugs it may link to (they must exist). */
export function validEvent(actors: string[] = []) {
  return fc
    .record({
      id: validSlug,
      title: fineText(5, 300),
      summary: fineText(1, 5000),
      type: fc.constantFrom(...EVENT_TYPE_SLUGS),
      claimStatus: fc.constantFrom(...CLAIM_STATUS_SLUGS),
      start: validDay,
      lengthDays: fc.option(fc.integer({ min: 0, max: 4000 })),
      precision: fc.constantFrom("day", "month", "year" as const),
      approximate: fc.boolean(),
      place: fc.option(fineText(1, 300), { nil: undefined }),
      countryCodes: fc.uniqueArray(fc.constantFrom("KP", "RU", "US", "CN", "KR", "UA", "IR"), { maxLength: 5 }),
      coords: fc.option(
        fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true })),
        { nil: undefined },
      ),
      tags: fc.array(slugWord, { maxLength: 5 }),
      itemCategories: fc.uniqueArray(fc.constantFrom(...ITEM_CATEGORY_SLUGS), { maxLength: 4 }),
      sanctionsRegime: fc.option(
        fc.constantFrom(...(Object.keys(SANCTIONS_REGIMES) as (keyof typeof SANCTIONS_REGIMES)[])),
        { nil: undefined },
      ),
      instrument: fc.option(fineText(1, 200), { nil: undefined }),
      status: fc.constantFrom("draft", "in_review", "published" as const),
      actors: actors.length
        ? fc.uniqueArray(
            fc.record({
              actor: fc.constantFrom(...actors),
              role: fc.constantFrom(...(Object.keys(ACTOR_ROLES) as (keyof typeof ACTOR_ROLES)[])),
            }),
            { maxLength: 4, selector: (a) => `${a.actor}/${a.role}` },
          )
        : fc.constant([]),
      sources: fc.array(validSource, { minLength: 1, maxLength: 3 }),
    })
    .map(({ start, lengthDays, precision, coords, ...e }) => {
      const startDate =
        precision === "year" ? `${start.slice(0, 4)}-01-01` : precision === "month" ? `${start.slice(0, 7)}-01` : start;
      const end =
        lengthDays === null ? undefined : new Date(Date.parse(`${startDate}T00:00:00Z`) + lengthDays * 86_400_000);
      const endDate =
        end &&
        `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(precision === "day" ? end.getUTCDate() : 1)}`;
      return {
        ...e,
        startDate,
        endDate: precision === "year" && endDate ? `${endDate.slice(0, 4)}-01-01` : endDate,
        precision,
        ...(coords ? { latitude: coords[0], longitude: coords[1] } : {}),
      };
    });
}
