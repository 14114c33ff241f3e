import { describe, expect, it } from "vitest";
import { MAX_FAILURES, MemoryThrottleStore, SignInThrottle, WINDOW_MS } from "./throttle";
import { throttleContract } from "./throttle-contract";

describe("SignInThrottle with the memory store", () => {
  throttleContract(() => new MemoryThrottleStore());
});

describe("MemoryThrottleStore's memory", () => {
  it("forgets every key once its tries have aged out, however many addresses were sent", async () => {
    const store = new MemoryThrottleStore();
    const t = new SignInThrottle(store);
    const start = Date.now();
    for (let i = 0; i < 2000; i++) await t.begin(`sprayed-${i}@x.org`, `10.${i >> 8}.${i & 255}.1`, start);
    expect(store.size).toBe(4000);
    await t.begin("late@x.org", "10.200.0.1", start + WINDOW_MS + 1);
    expect(store.size).toBe(2);
  });

  it("holds no key for a try refused by its address", async () => {
    const store = new MemoryThrottleStore();
    const t = new SignInThrottle(store);
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) await t.begin(`x${i}@x.org`, "10.0.0.9", now);
    const held = store.size;
    expect(held).toBe(MAX_FAILURES + 1);
    for (let i = 0; i < 1000; i++) await t.begin(`y${i}@x.org`, "10.0.0.9", now);
    expect(store.size).toBe(held);
  });

  it("never holds more than its limit of keys, forgetting the least recently tried first", async () => {
    const store = new MemoryThrottleStore(100);
    const now = Date.now();
    for (let i = 0; i < 1000; i++) await store.take(`k${i}`, now, "m", MAX_FAILURES);
    expect(store.size).toBe(100);
    expect(await store.take("k999", now, "m2", 1)).toBeGreaterThan(0); // still counted: recently tried
    expect(await store.take("k0", now, "m2", 1)).toBe(0); // forgotten
  });
});
