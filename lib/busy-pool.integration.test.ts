// A busy pool is not an outage. Every connection of the app's pool (lib/db.ts, here 2 of them) is
// held in a long transaction while PostgreSQL itself is fine: a request that waits too long for a
// connection fails alone (503 for that request), the breaker never opens (so the proxy does not
// answer 503 for the whole site), readiness stays ready, and requests waiting when a connection
// frees are answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "./testing/test-database";

setUpTestDatabase();
// Loaded after the environment below is set: the pool reads its size and wait limit at start.
let db: typeof import("./db").db;
let breaker: typeof import("./breaker-state");
let checkReadiness: typeof import("./readiness").checkReadiness;
let isDatabaseUnavailableError: typeof import("./db-errors").isDatabaseUnavailableError;

beforeAll(async () => {
  process.env.DATABASE_POOL_SIZE = "2";
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "500";
  ({ db } = await import("./db"));
  breaker = await import("./breaker-state");
  ({ checkReadiness } = await import("./readiness"));
  ({ isDatabaseUnavailableError } = await import("./db-errors"));
});
afterAll(async () => {
  await db().$disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds `n` of the pool's connections, each in an open transaction, until `release` is called. */
async function holdConnections(n: number) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let started = 0;
  const holders = Array.from({ length: n }, () =>
    db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_backend_pid()`;
        started++;
        await released;
      },
      { timeout: 30_000, maxWait: 5_000 },
    ),
  );
  await expect.poll(() => started, { timeout: 5_000 }).toBe(n);
  return {
    release: async () => {
      release();
      await Promise.all(holders);
    },
  };
}

describe("a pool with every connection held", () => {
  it("fails only the request that waited too long; the breaker stays closed and readiness stays 200", async () => {
    expect(await db().event.count()).toBeGreaterThanOrEqual(0);
    const held = await holdConnections(2);
    try {
      // This request waits past DATABASE_CONNECT_TIMEOUT_MS for a connection: it fails, as a
      // "database unavailable" error (its own 503)...
      const err = await db()
        .event.count()
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(err).not.toBeNull();
      expect(isDatabaseUnavailableError(err)).toBe(true);
      // ...but the database answers a probe, so the site is not declared down.
      await sleep(1500);
      expect(breaker.breakerState.opened).toBe(0);
      expect(breaker.databaseIsAvailable()).toBe(true);
      expect(await checkReadiness()).toMatchObject({ ready: true });
      expect(breaker.databaseIsAvailable()).toBe(true);

      // A request that is waiting when a connection frees gets it and is answered.
      const waiting = db().event.count();
      await sleep(100);
      await held.release();
      expect(await waiting).toBeGreaterThanOrEqual(0);
    } finally {
      await held.release();
    }
    expect(breaker.breakerState.opened).toBe(0);
    expect(await checkReadiness()).toMatchObject({ ready: true });
  });

  it("opens the breaker when a pool wait's probe fails too, and at once on a refused connection", async () => {
    const { reportDatabaseError } = await import("./database-breaker");
    const url = process.env.DATABASE_URL;
    const openedBefore = breaker.breakerState.opened;
    // Point the probe at a port nothing listens on: the pool wait now means an outage.
    process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:9/nothing";
    try {
      expect(reportDatabaseError(new Error("timeout exceeded when trying to connect"))).toBe(true);
      expect(breaker.databaseIsAvailable()).toBe(true); // not before the probe has failed
      await expect.poll(() => breaker.databaseIsAvailable(), { timeout: 5_000 }).toBe(false);
      expect(breaker.breakerState.opened).toBe(openedBefore + 1);
    } finally {
      process.env.DATABASE_URL = url;
    }
    await expect.poll(() => breaker.databaseIsAvailable(), { timeout: 5_000 }).toBe(true);

    // A refused connection can only mean the server is not there: open at once.
    expect(
      reportDatabaseError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(breaker.databaseIsAvailable()).toBe(false);
    expect(breaker.breakerState.opened).toBe(openedBefore + 2);
    await expect.poll(() => breaker.databaseIsAvailable(), { timeout: 5_000 }).toBe(true);
  });
});
