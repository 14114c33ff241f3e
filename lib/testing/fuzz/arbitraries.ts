// Shared generators of hostile input for the fuzz suites (fast-check). Each suite mixes these
// with valid values built from the codebook, so a property sees both what attackers and careless
// clients send and what a correct client sends.
import fc from "fast-check";

/** Runs per property: FUZZ_RUNS (the benchmark sets 10,000), else 1,000. */
export const FUZZ_RUNS = (() => {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : 1000;
})();

/** A test's time limit, a safety net that grows with the runs (60 ms a run: several times what any property needs). */
export const FUZZ_TIMEOUT = Math.max(60_000, FUZZ_RUNS * 60);

// Whole values known to break naive code: injection, markup, spreadsheet formulas, paths,
// prototype keys and words that look like other types.
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE event; --",
  "1; SELECT pg_sleep(5)",
  "%' OR 1=1 --",
  "\\",
  "\\'",
  "%",
  "_",
  "%%_\\%",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<![CDATA[x]]>",
  "]]>",
  "&amp;",
  "&#0;",
  "{{7*7}}",
  "${7*7}",
  "=cmd|' /C calc'!A0",
  "+SUM(1)",
  "-1+1",
  "@A1",
  "../../etc/passwd",
  "%2e%2e%2f",
  "%00",
  "%ff",
  "%",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "",
  " ",
  "\t",
  "\n",
  ",",
  "|",
  " | ",
  ";",
  "&",
  "=",
  "?",
  "#",
  "+",
  "/",
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "https://evil.example",
  "http://",
  "mailto:x@y",
  "data:text/html,<b>x</b>",
];

// Characters that trip up storage, rendering and comparison.
export const HOSTILE_CHARS = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u001b",
  "\u007f",
  "\u0085",
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\u2028",
  "\u2029",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "😀",
  "👩‍👩‍👧‍👦",
  "🇰🇵",
  "e\u0301",
  "\u0301",
  "ﬁ",
  "Ⅻ",
  "İ",
  "ı",
  "ß",
  "ẞ",
  "𝕏",
  "한",
  "朝",
  "ا",
  "\u0600",
  "Ω",
  "\u00a0",
  "\u3000",
  "'",
  '"',
  "<",
  ">",
  "&",
  "`",
  "\\",
  "%",
  "_",
  ",",
  "|",
];

const long = fc
  .tuple(fc.constantFrom("a", "é", "😀", "\u0000", "<", "'", " "), fc.constantFrom(301, 1001, 5001, 20_000, 100_000))
  .map(([c, n]) => c.repeat(n));

/** Any string a client could send, weighted towards trouble. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength: 20 }), weight: 3 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_CHARS), fc.string()), {
        maxLength: 6,
      })
      .map((a) => a.join("")),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: long, weight: 1 },
);

/** Numbers at and beyond every edge. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1,
    -1,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    1e21,
    0.1 + 0.2,
  ),
  fc.double(),
  fc.integer(),
);

/** Values nested far deeper than any form sends. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean())
  .map(([depth, asArray]) => {
    let v: unknown = "x";
    for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
    return v;
  });

/** A value of any JSON type (the shape a decoded request body can take). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber.map((n) => (Number.isFinite(n) ? n : null)), weight: 2 },
  { arbitrary: fc.constantFrom(true, false, null), weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 5 }), weight: 1 },
  {
    arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom("__proto__", "constructor", "id"), fc.string({ maxLength: 8 })),
      hostileString,
      { maxKeys: 4 },
    ),
    weight: 1,
  },
  { arbitrary: deeplyNested, weight: 1 },
);

/** Any JavaScript value a caller could pass, JSON or not. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileJson, weight: 6 },
  { arbitrary: hostileNumber, weight: 2 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      Symbol("x"),
      () => 1,
      new Date(NaN),
      new Date(8.64e15),
      /x/,
      new Map(),
      10n ** 30n,
    ),
    weight: 1,
  },
  {
    arbitrary: fc.anything({
      maxDepth: 3,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
    }),
    weight: 2,
  },
);

/**
 * A valid object with fields changed: some replaced by hostile values, some removed, some extra
 * added. The result may still be valid (a replacement can happen to fit); tests decide by parsing.
 */
export function mutated<T extends Record<string, unknown>>(
  valid: fc.Arbitrary<T>,
  value: fc.Arbitrary<unknown> = hostileJson,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      valid,
      fc.array(fc.tuple(fc.constantFrom("replace", "remove", "add"), fc.nat(), fc.string({ maxLength: 12 }), value), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([v, edits]) => {
      const out: Record<string, unknown> = { ...v };
      for (const [op, i, name, val] of edits) {
        const keys = Object.keys(out);
        const key = keys.length ? keys[i % keys.length] : name;
        if (op === "replace") out[key] = val;
        else if (op === "remove") delete out[key];
        else
          Object.defineProperty(out, `x-${name}`, { value: val, enumerable: true, configurable: true, writable: true });
      }
      return out;
    });
}
