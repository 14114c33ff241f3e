// Generated query strings for the public list views (/events, /timeline, the CSV, the Atom feed
// and the API): known parameters with good and hostile values, unknown parameters, repeats, and
// raw strings with broken percent-encoding, as a browser, a crawler or an attacker may send.
import fc from "fast-check";
import { searchParamsToUrlQuery } from "next/dist/shared/lib/router/utils/querystring.js";
import { CLAIM_STATUS_SLUGS, EVENT_TYPE_SLUGS } from "../../events/codebook";
import { hostileString } from "./arbitraries";

const dateLike = fc.oneof(
  fc.constantFrom(
    "2023",
    "2023-09",
    "2023-09-13",
    "0000",
    "0001",
    "0000-01",
    "0001-01-01",
    "9999",
    "9999-12-31",
    "2023-02-29",
    "2024-02-29",
    "2023-13",
    "2023-00",
    "2023-9-1",
    "20230913",
    "-2023",
    "+2023",
    "2023-09-13T00:00:00Z",
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
);
const numberLike = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "-1",
    "1.5",
    "1e3",
    "0x10",
    "100",
    "101",
    "999999999",
    "1000000000",
    "99999999999999999999",
    "NaN",
    "Infinity",
    " 2",
    "２",
  ),
  fc.integer().map(String),
);
const isoTime = fc.oneof(
  fc.constantFrom(
    "2026-01-31T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59-23:59",
    "2026-13-01T00:00:00Z",
    "2026-01-01T",
    "2026-01-01Tnope",
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const cursorLike = fc.oneof(
  hostileString,
  fc
    .record({
      v: fc.oneof(hostileString, isoTime),
      id: fc.oneof(hostileString, fc.constant("kim-putin-vostochny-summit")),
    })
    .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url")),
  fc.jsonValue().map((j) => Buffer.from(JSON.stringify(j)).toString("base64url")),
);

const VALUES: Record<string, fc.Arbitrary<string>> = {
  q: fc.oneof(fc.constantFrom("missile", "Kim Jong-un", "Ким", "김정은", "%", "_", "\\"), hostileString),
  type: fc.oneof(
    fc.constantFrom(...EVENT_TYPE_SLUGS),
    fc.array(fc.constantFrom(...EVENT_TYPE_SLUGS), { maxLength: 3 }).map((a) => a.join(",")),
    hostileString,
  ),
  claim: fc.oneof(fc.constantFrom(...CLAIM_STATUS_SLUGS), hostileString),
  actor: fc.oneof(fc.constantFrom("north-korea", "russia", "kim-jong-un"), hostileString),
  from: fc.oneof(dateLike, hostileString),
  to: fc.oneof(dateLike, hostileString),
  start: fc.oneof(dateLike, hostileString),
  end: fc.oneof(dateLike, hostileString),
  sort: fc.oneof(fc.constantFrom("-date", "date", "title", "-title"), hostileString),
  page: fc.oneof(numberLike, hostileString),
  pageSize: fc.oneof(numberLike, hostileString),
  limit: fc.oneof(numberLike, hostileString),
  retracted: fc.oneof(fc.constant("include"), hostileString),
  lanes: fc.oneof(fc.constantFrom("type", "actor"), hostileString),
  selected: fc.oneof(fc.constant("kim-putin-vostochny-summit"), hostileString),
  cursor: cursorLike,
  updated_since: fc.oneof(isoTime, hostileString),
  bom: fc.oneof(fc.constant("1"), hostileString),
};
export const KNOWN_PARAMS = Object.keys(VALUES);

/** Parameter pairs: mostly known names (some repeated), some unknown or hostile names. */
export const queryPairs: fc.Arbitrary<[string, string][]> = fc.array(
  fc.oneof(
    {
      arbitrary: fc.constantFrom(...KNOWN_PARAMS).chain((k) => VALUES[k].map((v) => [k, v] as [string, string])),
      weight: 8,
    },
    { arbitrary: fc.tuple(hostileString, hostileString), weight: 1 },
  ),
  { maxLength: 8 },
);

/** Pairs as a URLSearchParams (what route handlers read). */
export const searchParams = queryPairs.map((pairs) => new URLSearchParams(pairs));

/** Pairs as the searchParams object Next gives a page, built by Next's own function. */
export const searchParamsRecord = queryPairs.map(
  (pairs) => searchParamsToUrlQuery(new URLSearchParams(pairs)) as Record<string, string | string[]>,
);

// Broken or odd encodings a URL can carry that URLSearchParams would never produce.
const RAW_BITS = [
  "%",
  "%zz",
  "%00",
  "%ED%A0%80",
  "%C0%AF",
  "%FF%FE",
  "+",
  "%2B",
  "&&",
  "==",
  "=&=",
  "q=%",
  "type[]=x",
  "a=1&a=2",
  "%E2%80%AE",
  "q=%F0%9F%98%80",
  ";",
  "#frag",
];

/** A whole query string (without the "?"), sometimes with raw broken escapes mixed in. */
export const rawQueryString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: queryPairs.map((p) => new URLSearchParams(p).toString()), weight: 8 },
  {
    arbitrary: fc
      .tuple(queryPairs, fc.array(fc.constantFrom(...RAW_BITS), { minLength: 1, maxLength: 4 }))
      .map(([p, bits]) => [new URLSearchParams(p).toString(), ...bits].join("&")),
    weight: 2,
  },
);
