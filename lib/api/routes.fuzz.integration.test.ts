// Fuzzing the public data routes' handlers on a real PostgreSQL (the HTTP-level twin is
// e2e/fuzz-routes.spec.ts): any query string gives a 200 with a body of the documented shape,
// or a 400 naming the bad parameters in plain words; never an exception (a 500).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvResponse } from "../export/csv-response";
import { FUZZ_RUNS, FUZZ_TIMEOUT, hostileString } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { expectHumanMessage } from "../testing/fuzz/messages";
import { KNOWN_PARAMS, rawQueryString } from "../testing/fuzz/query-strings";
import { setUpTestDatabase } from "../testing/test-database";
import { handleGetEvent, handleListEvents } from "./events";
import { apiErrorSchema, apiEventListSchema, apiEventSchema } from "./schemas";

const ORIGIN = "https://tracker.example";
const t = setUpTestDatabase({ seed: true });

const request = (path: string, qs: string) => new Request(`${ORIGIN}${path}?${qs}`);

describe("public data routes under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("GET /api/v1/events: a documented page or a 400 that names the parameters", async () => {
    await fc.assert(
      fc.asyncProperty(rawQueryString, async (qs) => {
        const res = await handleListEvents(request("/api/v1/events", qs));
        expect([200, 400], qs).toContain(res.status);
        const body = await res.json();
        if (res.status === 200) {
          expect(apiEventListSchema.safeParse(body).success, qs).toBe(true);
          return;
        }
        // One sentence per bad parameter: each must read well on its own (together they may be long).
        const error = apiErrorSchema.parse(body).error;
        for (const sentence of error.message.split(/(?<=\.)\s+(?=[A-Z“])/)) expectHumanMessage(sentence, qs);
        expect(error.parameters.length).toBeGreaterThan(0);
        expect(
          error.parameters.every((p) => KNOWN_PARAMS.includes(p)),
          qs,
        ).toBe(true);
      }),
      fuzzParams(),
    );
  });

  it("names every bad parameter of a long bad query, one plain sentence each (found at 10,000 runs)", async () => {
    const res = await handleListEvents(
      request("/api/v1/events", `pageSize=10000000&updated_since=%00&to=%00&from=${"a".repeat(300)}&limit=0&sort=up`),
    );
    const { error } = apiErrorSchema.parse(await res.json());
    expect(error.parameters.sort()).toEqual(["from", "limit", "pageSize", "sort", "to", "updated_since"]);
    for (const sentence of error.message.split(/(?<=\.)\s+(?=[A-Z“])/)) expectHumanMessage(sentence);
  });

  it("GET /api/v1/events/<id>: the event, or a 404 in plain words", async () => {
    const ids = (await t.prisma.event.findMany({ select: { id: true } })).map((e) => e.id);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...ids), hostileString), async (id) => {
        const res = await handleGetEvent(new Request(`${ORIGIN}/api/v1/events/x`), id);
        expect([200, 404]).toContain(res.status);
        const body = await res.json();
        if (res.status === 200) expect(apiEventSchema.safeParse(body).success).toBe(true);
        else expectHumanMessage(apiErrorSchema.parse(body).error.message, id);
      }),
      fuzzParams(),
    );
  });

  it("GET /events.csv and /sources.csv: always a whole CSV file with its header", async () => {
    await fc.assert(
      fc.asyncProperty(rawQueryString, fc.constantFrom("events", "sources" as const), async (qs, kind) => {
        const res = await csvResponse(request(`/${kind}.csv`, qs), kind);
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text.replace(/^\ufeff/, "")).toMatch(kind === "events" ? /^id,url,title,/ : /^event_id,event_url,/);
      }),
      fuzzParams({ numRuns: Math.max(1, Math.round(FUZZ_RUNS / 4)) }),
    );
  });
});
