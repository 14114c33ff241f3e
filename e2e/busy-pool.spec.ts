// A busy pool is not an outage, end to end: an app of its own (scratch embedded PostgreSQL and
// `next start`, as the outage drill) with a pool of 3 connections and a 2 s wait for one. A long
// transaction locks the events table, so API requests hold every pool connection and more wait
// for one. PostgreSQL is fine all along: /api/ready must stay 200 and answer quickly (a load
// balancer keeps the instance), the proxy must never answer 503 for the whole site, a request
// that waits too long fails alone with its own 503, and a page waiting when a connection frees
// is answered.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startChaosStack, type ChaosStack } from "../tooling/chaos-stack";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const get = (url: string) => fetch(url, { signal: AbortSignal.timeout(30_000), headers: { accept: "text/html" } });
const timed = async (url: string) => {
  const started = performance.now();
  const r = await get(url);
  return { status: r.status, ms: performance.now() - started };
};

test("a pool with every connection held: readiness stays 200, no site-wide 503, pages answer once a connection frees", async () => {
  test.setTimeout(180_000);
  const stack: ChaosStack = await startChaosStack({
    quiet: true,
    env: { DATABASE_POOL_SIZE: "3", DATABASE_CONNECT_TIMEOUT_MS: "2000", PAGE_CACHE_MB: "0" },
  });
  const locker = new pg.Client({ connectionString: stack.databaseUrl });
  try {
    expect((await get(`${stack.appUrl}/events`)).status).toBe(200);
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE event IN ACCESS EXCLUSIVE MODE");
    const locked = Date.now();

    // Twice as many API requests as connections: 3 hold one each (waiting on the lock); the
    // other 3 wait for a connection, and after 2 s fail, each with its own 503.
    const readers = Array.from({ length: 6 }, (_, i) =>
      get(`${stack.appUrl}/api/v1/events?limit=2&q=busy${i}`).then(
        (r) => r.status,
        () => 0,
      ),
    );
    const readiness: { status: number; ms: number }[] = [];
    const elsewhere: number[] = [];
    let late: Promise<number> | null = null;
    while (Date.now() - locked < 4_000) {
      readiness.push(await timed(`${stack.appUrl}/api/ready`));
      // A page that needs no connection is never refused by the proxy meanwhile.
      elsewhere.push((await get(`${stack.appUrl}/codebook`)).status);
      // A reader who asks half a second before the lock goes: they wait for a connection.
      if (!late && Date.now() - locked > 3_500)
        late = get(`${stack.appUrl}/events?q=late`).then(
          (r) => r.status,
          () => 0,
        );
      await sleep(100);
    }
    await locker.query("COMMIT");

    // PostgreSQL answered throughout: the instance stayed in rotation, quickly.
    expect(readiness.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(Math.max(...readiness.map((r) => r.ms))).toBeLessThan(1_500);
    expect(elsewhere.filter((s) => s !== 200)).toEqual([]);
    // The waiting page gets its connection and is answered.
    expect(await late).toBe(200);
    // Each API request got its answer, or (one that waited past the limit) its own 503.
    const statuses = await Promise.all(readers);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    // And the next requests answer normally at once.
    expect((await get(`${stack.appUrl}/events`)).status).toBe(200);
    expect((await get(`${stack.appUrl}/api/v1/events?limit=2`)).status).toBe(200);
    expect((await get(`${stack.appUrl}/api/ready`)).status).toBe(200);
  } finally {
    await locker.end().catch(() => {});
    await stack.stop();
  }
});
