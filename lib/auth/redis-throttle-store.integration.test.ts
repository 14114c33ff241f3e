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
import { throttleContract } from "./throttle-contract";
import { FallbackThrottleStore } from "./throttle-store";

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

describe("SignInThrottle with the Redis store", () => {
  throttleContract(() => open());
});

describe("RedisThrottleStore", () => {
  it("lets the key expire one window after its last try, so Redis does not fill up", async () => {
    const store = open(300);
    expect(await store.take("email:expiry@x.org", Date.now(), "m1", MAX_FAILURES)).toBe(0);
    const ttl = await store.redis.pttl(`${prefix}email:expiry@x.org`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);
    await vi.waitFor(async () => expect(await store.redis.exists(`${prefix}email:expiry@x.org`)).toBe(0), {
      timeout: 2000,
      interval: 50,
    });
  });

  it("counts every try sent at the same moment through two instances' connections, and lets only five through", async () => {
    const [a, b] = [open(), open()];
    const now = Date.now();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).take("addr:10.9.9.9", now, `m${i}`, 1000)),
    );
    expect(results.every((r) => r === 0)).toBe(true);
    expect(await a.count("addr:10.9.9.9", now)).toBe(60);

    const [ta, tb] = [new SignInThrottle(a), new SignInThrottle(b)];
    const tries = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? ta : tb).begin("g@x.org", `10.8.0.${i}`, now)),
    );
    expect(tries.filter((t) => t.retryAfterMs === 0)).toHaveLength(MAX_FAILURES);
    expect(await b.count("email:g@x.org", now)).toBe(MAX_FAILURES);
  });

  it("keeps prefixes apart", async () => {
    const now = Date.now();
    const one = open(WINDOW_MS, `${prefix}one:`);
    for (let i = 0; i < MAX_FAILURES; i++) await one.take("email:p@x.org", now, `m${i}`, MAX_FAILURES);
    expect(await one.take("email:p@x.org", now, "m9", MAX_FAILURES)).toBeGreaterThan(0);
    expect(await open(WINDOW_MS, `${prefix}two:`).take("email:p@x.org", now, "m9", MAX_FAILURES)).toBe(0);
  });
});

describe("when Redis is unreachable", () => {
  it("falls back to this instance's memory within a second, still throttles, and warns once", async () => {
    const lines: string[] = [];
    const log = createLogger(
      new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }),
      "info",
    );
    const redis = RedisThrottleStore.fromUrl(`redis://127.0.0.1:${await closedPort()}`, prefix);
    redis.redis.on("error", () => {});
    opened.push(redis);
    const t = new SignInThrottle(new FallbackThrottleStore(redis, undefined, log));
    const started = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) expect((await t.begin("d@x.org", "10.6.0.1")).retryAfterMs).toBe(0);
    expect((await t.begin("d@x.org", "10.6.0.2")).retryAfterMs).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: "warn", msg: expect.stringContaining("unreachable") });
  });
});
