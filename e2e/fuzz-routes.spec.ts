// Fuzzing the public routes of the real production build over HTTP: generated query strings
// (known parameters with good and hostile values, unknown names, repeats, broken escapes) must
// never get a 5xx. FUZZ_RUNS runs per route (1,000 by default; the benchmark sets 10,000),
// fetched one after another and timed.
import { appendFileSync } from "node:fs";
import { maxHeaderSize } from "node:http";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { FUZZ_RUNS, hostileString } from "../lib/testing/fuzz/arbitraries";
import { rawQueryString } from "../lib/testing/fuzz/query-strings";

const ROUTES = ["/api/v1/events", "/events.csv", "/events.atom", "/events", "/timeline", "/embed/timeline"];

// Roughly 150 ms a request on a busy 2-core machine, plus room; far less on a quiet one.
test.describe.configure({ timeout: 60_000 + FUZZ_RUNS * 300 });

async function fuzzRoute(name: string, runs: number, url: fc.Arbitrary<string>, get: (url: string) => Promise<{ status: number; body: string }>) {
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  await fc.assert(
    fc.asyncProperty(url, async (u) => {
      const { status, body } = await get(u);
      statuses[status] = (statuses[status] ?? 0) + 1;
      expect(status, `${u} answered ${status}: ${body.slice(0, 300)}`).toBeLessThan(500);
    }),
    { numRuns: runs },
  );
  const seconds = (performance.now() - t0) / 1000;
  // The benchmark (scripts/lib/bench-fuzz.ts) reads these lines for its per-suite figures.
  if (process.env.FUZZ_STATS_FILE) appendFileSync(process.env.FUZZ_STATS_FILE, `${JSON.stringify({ file: "e2e/fuzz-routes.spec.ts", property: name, runs, seconds })}\n`);
  console.log(`fuzz ${name}: ${runs} runs in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(statuses)}`);
}

// Node's HTTP parser refuses a request whose headers pass maxHeaderSize (16 KB) before the app
// sees it: it answers 431 and closes the socket, and when the client is still sending (a 100 KB
// address) the close can reach it first as EPIPE or ECONNRESET instead of the 431. Such a reset
// is the parser's refusal, not an answer of the app's, so it counts as that refusal; a reset on
// any shorter request still fails the test.
const REFUSED_BY_PARSER = 431;
const overHeaderLimit = (u: string) => Buffer.byteLength(u) + 1024 > maxHeaderSize;

for (const route of ROUTES) {
  test(`${route} never answers 5xx to a generated query string`, async ({ request }) => {
    await fuzzRoute(route, FUZZ_RUNS, rawQueryString.map((qs) => `${route}?${qs}`), async (u) => {
      try {
        const res = await request.get(u, { maxRedirects: 0 });
        return { status: res.status(), body: res.status() >= 500 ? await res.text() : "" };
      } catch (err) {
        if (overHeaderLimit(u) && /\b(EPIPE|ECONNRESET)\b/.test(String(err))) return { status: REFUSED_BY_PARSER, body: "" };
        throw err;
      }
    });
  });
}

test("event pages and the API's event route never answer 5xx to a generated id", async ({ request }) => {
  const id = fc.oneof(
    hostileString.filter((s) => s.length < 2000).map((s) => encodeURIComponent(s.toWellFormed())),
    fc.constantFrom("%", "%zz", "%00", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "kim%20jong", "a".repeat(201), "KIM-PUTIN"),
  );
  const url = fc.tuple(fc.constantFrom("/events/", "/api/v1/events/"), id).map(([base, s]) => base + s);
  await fuzzRoute("/events/<id>, /api/v1/events/<id>", Math.max(10, Math.round(FUZZ_RUNS / 5)), url, async (u) => {
    const res = await request.get(u, { maxRedirects: 0 });
    return { status: res.status(), body: res.status() >= 500 ? await res.text() : "" };
  });
});

test("answers the requests fuzzing found failing with a page, a 4xx or a whole file (regressions)", async ({ request }) => {
  // Before the fixes: q=%00 was a 500 on the pages and the API and cut the CSV download short;
  // year 0 and forged cursors were 500s from PostgreSQL; a malformed escape in a dynamic
  // segment was a 500 from Next.js itself (vercel/next.js#92527).
  const cursor = Buffer.from(JSON.stringify({ v: "not a date", id: "x" })).toString("base64url");
  for (const path of ["/events?q=%00", "/events.csv?q=%00", "/api/v1/events?q=%00", "/timeline?q=%00", "/events?from=0000", "/timeline?start=0000",
    "/api/v1/events?updated_since=0000-01-01T00:00:00Z", `/api/v1/events?cursor=${cursor}`, "/events?__proto__=x", "/events/%", "/api/v1/events/%ED%A0%80"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
    expect((await res.body()).length, path).toBeGreaterThan(0);
  }
});
