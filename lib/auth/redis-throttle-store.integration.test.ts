// Against the real Redis on 127.0.0.1:6379 (REDIS_TEST_URL to use another), each run under its
// own key prefix so parallel runs and the app's own keys are never touched.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../log";
import { REDIS_OPTIONS, RedisThrottleStore } from "./redis-throttle-store";
import { MAX_FAILURES, SignInThrottle, WINDOW_MS } from "./throttle";
import { createThrottleStore, FallbackThrottleStore } from "./throttle-store";

const url = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const prefix = `tracker:test:${process.pid}:${randomBytes(4).toString("hex")}:`;
const opened: RedisThrottleStore[] = [];
const open = (windowMs = WINDOW_MS, p = prefix) => {
  const store = new RedisThrottleStore(new Redis(url, REDIS_OPTIONS), p, windowMs);
  opened.push(store);
  return store;
};

afterAll(async () => {
  const admin = new Redis(url);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length) await admin.del(...keys);
  admin.disconnect();
  for (const s of opened) await s.close();
});

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("RedisThrottleStore", () => {
  it("refuses the sixth try and allows it again once the first failure leaves the window", async () => {
    const t = new SignInThrottle(open());
    const start = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await t.retryAfter("a@x.org", "1.1.1.1", start + i)).toBe(0);
      await t.fail("a@x.org", "1.1.1.1", start + i);
    }
    expect(await t.retryAfter("A@x.org", "9.9.9.9", start + 10)).toBe(WINDOW_MS - 10);
    expect(await t.retryAfter("b@x.org", "1.1.1.1", start + 10)).toBeGreaterThan(0);
    expect(await t.retryAfter("b@x.org", "9.9.9.9", start + 10)).toBe(0);
    expect(await t.retryAfter("a@x.org", "9.9.9.9", start + WINDOW_MS)).toBe(0);
    await t.succeed("a@x.org");
    expect(await t.retryAfter("a@x.org", "9.9.9.9", start + 10)).toBe(0);
  });

  it("lets the key expire one window after its last failure, so Redis does not fill up", async () => {
    const store = open(300);
    await store.add("email:expiry@x.org", Date.now());
    const ttl = await store.redis.pttl(`${prefix}email:expiry@x.org`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    await vi.waitFor(async () => expect(await store.redis.exists(`${prefix}email:expiry@x.org`)).toBe(0), { timeout: 2000, interval: 50 });
    expect(await store.recent("email:expiry@x.org", Date.now())).toEqual([]);
  });

  it("counts every one of many failures sent at the same moment through two instances' connections", async () => {
    const [a, b] = [open(), open()];
    const now = Date.now();
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).add("addr:10.9.9.9", now)));
    expect(await a.recent("addr:10.9.9.9", now)).toHaveLength(60);
    expect(await b.recent("addr:10.9.9.9", now)).toHaveLength(60);

    const [ta, tb] = [new SignInThrottle(a), new SignInThrottle(b)];
    await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? ta : tb).fail("c@x.org", `10.8.0.${i}`, now)));
    expect(await ta.retryAfter("c@x.org", "10.7.0.1", now)).toBe(0);
    await tb.fail("c@x.org", "10.8.0.9", now);
    expect(await ta.retryAfter("c@x.org", "10.7.0.1", now)).toBeGreaterThan(0);
  });

  it("keeps prefixes apart", async () => {
    const now = Date.now();
    await open(WINDOW_MS, `${prefix}one:`).add("email:p@x.org", now);
    expect(await open(WINDOW_MS, `${prefix}two:`).recent("email:p@x.org", now)).toEqual([]);
  });
});

describe("when Redis is unreachable", () => {
  it("falls back to this instance's memory within a second, still throttles, and warns once", async () => {
    const lines: string[] = [];
    const log = createLogger(new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const redis = RedisThrottleStore.fromUrl(`redis://127.0.0.1:${await closedPort()}`, prefix);
    redis.redis.on("error", () => {});
    opened.push(redis);
    const t = new SignInThrottle(new FallbackThrottleStore(redis, undefined, log));
    const started = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await t.fail("d@x.org", "10.6.0.1");
    expect(await t.retryAfter("d@x.org", "10.6.0.2")).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "warn", msg: expect.stringContaining("unreachable") });
  });

  it("uses memory without REDIS_URL", async () => {
    expect(createThrottleStore({}).constructor.name).toBe("MemoryThrottleStore");
  });
});
