import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../log";
import { MemoryThrottleStore, SignInThrottle, type ThrottleStore } from "./throttle";
import { createThrottleStore, FallbackThrottleStore } from "./throttle-store";

/** A shared store that can be switched off, standing in for Redis going away and coming back. */
class SwitchableStore implements ThrottleStore {
  up = true;
  private inner = new MemoryThrottleStore();
  private check() {
    if (!this.up) return Promise.reject(new Error("connect ECONNREFUSED"));
  }
  async take(key: string, now: number, member: string, max: number) {
    await this.check();
    return this.inner.take(key, now, member, max);
  }
  async release(key: string, member: string) {
    await this.check();
    return this.inner.release(key, member);
  }
  async clear(key: string) {
    await this.check();
    return this.inner.clear(key);
  }
}

describe("FallbackThrottleStore", () => {
  it("counts in memory while the shared store is down, warns once, and goes back to it when it returns", async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger(
      new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }),
      "info",
    );
    const shared = new SwitchableStore();
    const t = new SignInThrottle(new FallbackThrottleStore(shared, new MemoryThrottleStore(), log));
    const now = Date.now();
    await t.begin("a@x.org", "1.1.1.1", now);
    shared.up = false;
    // Memory starts empty: five more tries, then this instance refuses on its own.
    for (let i = 0; i < 5; i++) expect((await t.begin("a@x.org", "1.1.1.1", now)).retryAfterMs).toBe(0);
    expect((await t.begin("a@x.org", "1.1.1.1", now)).retryAfterMs).toBeGreaterThan(0);
    expect(lines.filter((l) => l.level === "warn")).toHaveLength(1);
    shared.up = true;
    expect((await t.begin("a@x.org", "1.1.1.1", now)).retryAfterMs).toBe(0); // the shared store holds one try
    expect(lines.at(-1)).toMatchObject({ level: "info", msg: expect.stringContaining("reachable again") });
  });

  it("is not used without REDIS_URL", () => {
    expect(createThrottleStore({})).toBeInstanceOf(MemoryThrottleStore);
  });
});
