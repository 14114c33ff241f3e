// What every ThrottleStore must do, run against the memory store (unit tests) and the Redis
// store (integration tests), through SignInThrottle as sign-in uses it.
import { expect, it } from "vitest";
import { MAX_FAILURES, SignInThrottle, WINDOW_MS, type SignInTry, type ThrottleStore } from "./throttle";

const allowed = (t: { retryAfterMs: number }) => t.retryAfterMs === 0;
function counted(t: SignInTry) {
  if (!("succeeded" in t)) throw new Error(`the try should be allowed, not refused by its ${t.refusedBy}`);
  return t;
}

export function throttleContract(makeStore: () => ThrottleStore) {
  it("refuses the sixth try within 15 minutes, for the account and for the address, until the first failure ages out", async () => {
    const t = new SignInThrottle(makeStore());
    const start = Date.now();
    for (let i = 0; i < MAX_FAILURES; i++) expect(allowed(await t.begin("a@x.org", "1.1.1.1", start + i))).toBe(true);
    expect(await t.begin("A@x.org", "9.9.9.9", start + 10)).toEqual({
      retryAfterMs: WINDOW_MS - 10,
      refusedBy: "account",
    }); // same account, other address
    expect(await t.begin("b@x.org", "1.1.1.1", start + 10)).toEqual({
      retryAfterMs: WINDOW_MS - 10,
      refusedBy: "address",
    }); // same address, other account
    expect(allowed(await t.begin("b@x.org", "9.9.9.9", start + 10))).toBe(true);
    expect(allowed(await t.begin("a@x.org", "9.9.9.8", start + WINDOW_MS))).toBe(true); // the first failure has aged out
    expect(allowed(await t.begin("a@x.org", "9.9.9.7", start + WINDOW_MS))).toBe(false); // the second has not
  });

  it("takes back a successful try and clears the account's failures, not the address's", async () => {
    const t = new SignInThrottle(makeStore());
    const now = Date.now();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await t.begin("c@x.org", "2.2.2.2", now);
    await counted(await t.begin("c@x.org", "2.2.2.2", now)).succeeded();
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

  it("does not lock a device that signed in to the account before out of it; that device's own failures lock only itself", async () => {
    const t = new SignInThrottle(makeStore());
    const now = Date.now();
    // An attacker from many addresses locks the account for unrecognised devices.
    for (let i = 0; i < MAX_FAILURES; i++) await t.begin("admin@x.org", `5.5.5.${i}`, now);
    expect(await t.begin("admin@x.org", "6.6.6.6", now)).toMatchObject({ refusedBy: "account" });
    // The owner's device, even from the attacker's (locked) address, is not refused.
    for (let i = 0; i < MAX_FAILURES - 1; i++) await t.begin("other@x.org", "5.5.5.0", now);
    expect(await t.begin("other@x.org", "5.5.5.0", now)).toMatchObject({ refusedBy: "address" });
    await counted(await t.begin("admin@x.org", "5.5.5.0", now, "owner-device")).succeeded();
    // A stolen device cookie gets five guesses, then that device is refused; others are not.
    for (let i = 0; i < MAX_FAILURES; i++) counted(await t.begin("admin@x.org", `7.7.7.${i}`, now, "stolen-device"));
    expect(await t.begin("admin@x.org", "7.7.7.9", now, "stolen-device")).toMatchObject({ refusedBy: "device" });
    expect(allowed(await t.begin("admin@x.org", "8.8.8.8", now, "owner-device"))).toBe(true);
  });

  it("does not count a try that is given back (the password was never checked), for the account or the address", async () => {
    const t = new SignInThrottle(makeStore());
    const now = Date.now();
    for (let i = 0; i < 3 * MAX_FAILURES; i++)
      await counted(await t.begin("given-back@x.org", "9.8.7.6", now)).giveBack();
    for (let i = 0; i < 3 * MAX_FAILURES; i++)
      await counted(await t.begin("given-back@x.org", "9.8.7.6", now, "a-device")).giveBack();
    for (let i = 0; i < MAX_FAILURES; i++) counted(await t.begin("given-back@x.org", "9.8.7.6", now));
    expect(await t.begin("given-back@x.org", "9.8.7.6", now)).toMatchObject({ refusedBy: "account" });
  });

  it("counts a whole IPv6 /64 as one address", async () => {
    const t = new SignInThrottle(makeStore());
    const now = Date.now();
    for (let i = 1; i <= MAX_FAILURES; i++)
      counted(await t.begin(`v6-${i}@x.org`, `2001:db8:1:2::${i.toString(16)}`, now));
    expect(await t.begin("v6-9@x.org", "2001:db8:1:2:ffff:1:2:3", now)).toMatchObject({ refusedBy: "address" });
    expect(allowed(await t.begin("v6-9@x.org", "2001:db8:1:3::1", now))).toBe(true);
  });
}
