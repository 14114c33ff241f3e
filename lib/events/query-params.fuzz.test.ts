// Fuzzing the one parser behind /events, /timeline, the CSV and the API: any query string gives
// a usable query (every value one the database can take) and plain notices, never an exception.
import fc from "fast-check";
import { searchParamsToUrlQuery } from "next/dist/shared/lib/router/utils/querystring.js";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { expectHumanMessage } from "../testing/fuzz/messages";
import { KNOWN_PARAMS, searchParams, searchParamsRecord } from "../testing/fuzz/query-strings";
import { CLAIM_STATUS_SLUGS, EVENT_TYPE_SLUGS } from "./codebook";
import { isIsoDay, parseDateBound } from "./date-span";
import {
  MAX_PAGE_SIZE,
  MAX_Q_LENGTH,
  parseEventQuery,
  serializeEventQuery,
  SORTS,
  type EventQuery,
} from "./query-params";
import { isStorableText } from "../validation/storable-text";

function expectUsable(query: EventQuery) {
  expect(query.types.every((t) => EVENT_TYPE_SLUGS.includes(t))).toBe(true);
  expect(query.claims.every((c) => CLAIM_STATUS_SLUGS.includes(c))).toBe(true);
  expect(query.actors.every((a) => /^[a-z0-9-]{1,100}$/.test(a))).toBe(true);
  expect(SORTS).toContain(query.sort);
  expect(Number.isSafeInteger(query.page) && query.page >= 1).toBe(true);
  expect(Number.isSafeInteger(query.pageSize) && query.pageSize >= 1 && query.pageSize <= MAX_PAGE_SIZE).toBe(true);
  if (query.q !== undefined) {
    expect(query.q.length).toBeGreaterThan(0);
    expect(query.q.length).toBeLessThanOrEqual(MAX_Q_LENGTH);
    expect(isStorableText(query.q), `q ${JSON.stringify(query.q)}`).toBe(true);
  }
  for (const d of [query.fromDay, query.toDay]) if (d !== undefined) expect(isIsoDay(d), `day ${d}`).toBe(true);
  if (query.fromDay && query.toDay) expect(query.fromDay <= query.toDay).toBe(true);
}

describe("parseEventQuery under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("turns any URLSearchParams into a usable query with readable notices", () => {
    fc.assert(
      fc.property(searchParams, (params) => {
        const { query, notices } = parseEventQuery(params);
        expectUsable(query);
        for (const n of notices) expectHumanMessage(n.message, params.toString());
        expect(notices.every((n) => KNOWN_PARAMS.includes(n.param))).toBe(true);
      }),
      fuzzParams(),
    );
  });

  it("does the same for Next's searchParams objects", () => {
    fc.assert(
      fc.property(searchParamsRecord, (raw) => expectUsable(parseEventQuery(raw).query)),
      fuzzParams(),
    );
  });

  it("serialises every query it produces to a link that reads back the same, without notices", () => {
    fc.assert(
      fc.property(searchParams, (params) => {
        const { query } = parseEventQuery(params);
        const again = parseEventQuery(new URLSearchParams(serializeEventQuery(query).slice(1)));
        expect(again.notices).toEqual([]);
        expect(again.query).toEqual(query);
      }),
      fuzzParams(),
    );
  });

  it("never passes on a date PostgreSQL refuses (regression: from=0000 failed the query)", () => {
    expect(parseDateBound("0000", "from")).toBeNull();
    expect(parseDateBound("0000-06", "to")).toBeNull();
    expect(isIsoDay("0000-01-01")).toBe(false);
    expect(isIsoDay("0050-03-01")).toBe(true); // years 1–99 are real years, not 1900–1999
    expect(parseEventQuery({ from: "0000" }).notices).toHaveLength(1);
  });

  it("reads only real parameters from a searchParams object built with a __proto__ key (it made the parser throw)", () => {
    const raw = searchParamsToUrlQuery(new URLSearchParams("__proto__=x&sort=title&q=kim")) as Record<string, string>;
    expect(parseEventQuery(raw).query).toMatchObject({ sort: "title", q: "kim" });
    const poisoned = searchParamsToUrlQuery(new URLSearchParams("__proto__=x")) as Record<string, string>;
    expect(parseEventQuery(poisoned).query.sort).toBe("-date");
  });

  it("removes control characters from the search text and says so (regression: q=%00 failed the query)", () => {
    const { query, notices } = parseEventQuery(new URLSearchParams("q=kim%00jong%01un"));
    expect(query.q).toBe("kim jong un");
    expect(notices).toEqual([{ param: "q", message: "Control characters were removed from the search text." }]);
    expect(parseEventQuery({ q: "😀".repeat(150) }).query.q).toBe("😀".repeat(100));
  });
});
