// Fuzzing the public data routes' handlers on a real PostgreSQL (the HTTP-level twin is
// e2e/fuzz-routes.spec.ts): any query string gives a 200 with a body of the documented shape,
// or a 400 naming the bad parameters in plain words; never an exception (a 500).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import { csvResponse } from "../export/csv-response";
import { FUZZ_RUNS, FUZZ_TIMEOUT, hostileString } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { expectHumanMessage } from "../testing/fuzz/messages";
import { KNOWN_PARAMS, rawQueryString } from "../testing/fuzz/query-strings";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { handleGetEvent, handleListEvents } from "./events";
import { apiErrorSchema, apiEventListSchema, apiEventSchema } from "./schemas";

const ORIGIN = "https://tracker.example";
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  await seedDatabase(t.prisma);
});
afterAll(async () => {
  const { db } = await import("../db");
  await db().$disconnect();
  await t.drop();
});

const request = (path: string, qs: string) => new Request(`${ORIGIN}${path}?${qs}`);

describe("public data routes under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("GET /api/v1/events: a documented page or a 400 that names the parameters", async () => {
    await fc.assert(fc.asyncProperty(rawQueryString, async (qs) => {
      const res = await handleListEvents(request("/api/v1/events", qs));
      expect([200, 400], qs).toContain(res.status);
      const body = await res.json();
      if (res.status === 200) {
        expect(apiEventListSchema.safeParse(body).success, qs).toBe(true);
        return;
      }
      const error = apiErrorSchema.parse(body).error;
      expectHumanMessage(error.message, qs);
      expect(error.parameters.length).toBeGreaterThan(0);
      expect(error.parameters.every((p) => KNOWN_PARAMS.includes(p)), qs).toBe(true);
    }), fuzzParams());
  });

  it("GET /api/v1/events/<id>: the event, or a 404 in plain words", async () => {
    const ids = (await t.prisma.event.findMany({ select: { id: true } })).map((e) => e.id);
    await fc.assert(fc.asyncProperty(fc.oneof(fc.constantFrom(...ids), hostileString), async (id) => {
      const res = await handleGetEvent(new Request(`${ORIGIN}/api/v1/events/x`), id);
      expect([200, 404]).toContain(res.status);
      const body = await res.json();
      if (res.status === 200) expect(apiEventSchema.safeParse(body).success).toBe(true);
      else expectHumanMessage(apiErrorSchema.parse(body).error.message, id);
    }), fuzzParams());
  });

  it("GET /events.csv and /sources.csv: always a whole CSV file with its header", async () => {
    await fc.assert(fc.asyncProperty(rawQueryString, fc.constantFrom("events", "sources" as const), async (qs, kind) => {
      const res = await csvResponse(request(`/${kind}.csv`, qs), kind);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text.replace(/^\ufeff/, "")).toMatch(kind === "events" ? /^id,url,title,/ : /^event_id,event_url,/);
    }), fuzzParams({ numRuns: Math.max(1, Math.round(FUZZ_RUNS / 4)) }));
  });
});
