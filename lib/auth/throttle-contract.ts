// What every ThrottleStore must do, run against the memory store (unit tests) and the Redis
// store (integration tests), through SignInThrottle as sign-in uses it.
import { expect, it } from "vitest";
import { MAX_FAILURES, SignInThrottle, WINDOW_MS, type ThrottleStore } from "./throttle";

const allowed = (t: { retryAfterMs: number }) => t.retryAfterMs === 0;

export function throttleContract(makeStore: () => ThrottleStore) {
  it("refuses the sixth try within 15 minutes, for the account and for the address, until the first failure ages out", async () => {
    const t = new SignInThrottle(makeStore());
    const start = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) expect(allowed(await t.begin("a@x.org", "1.1.1.1", start + i))).toBe(true);
    expect(await t.begin("A@x.org", "9.9.9.9", start + 10)).toEqual({ retryAfterMs: WINDOW_MS - 10 }); // same account, other address
    expect((await t.begin("b@x.org", "1.1.1.1", start + 10)).retryAfterMs).toBe(WINDOW_MS - 10); // same address, other account
    expect(allowed(await t.begin("b@x.org", "9.9.9.9", start + 10))).toBe(true);
    expect(allowed(await t.begin("a@x.org", "9.9.9.8", start + WINDOW_MS))).toBe(true); // the first failure has aged out
    expect(allowed(await t.begin("a@x.org", "9.9.9.7", start + WINDOW_MS))).toBe(false); // the second has not
  });

  it("takes back a successful try and clears the account's failures, not the address's", async () => {
    const t = new SignInThrottle(makeStore());
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await t.begin("c@x.org", "2.2.2.2", now);
    const ok = await t.begin("c@x.org", "2.2.2.2", now);
    if (!("succeeded" in ok)) throw new Error("the fifth try should be allowed");
    await ok.succeeded();
    for (let i = 0; i < MAX_FAILURES - 1; i++) expect(allowed(await t.begin("c@x.org", `3.3.3.${i}`, now))).toBe(true);
    expect(allowed(await t.begin("d@x.org", "2.2.2.2", now))).toBe(true); // the address had 4 failures, the success did not count
    expect(allowed(await t.begin("e@x.org", "2.2.2.2", now))).toBe(false);
  });

  it("lets exactly five of many simultaneous tries through, so a burst cannot outrun the count", async () => {
    const t = new SignInThrottle(makeStore());
    const now = Date.now();
    const tries = await Promise.all(Array.from({ length: 40 }, (_, i) => t.begin("f@x.org", `4.4.${i}.1`, now)));
    expect(tries.filter(allowed)).toHaveLength(MAX_FAILURES);
  });
}
