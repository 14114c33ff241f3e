import { describe, expect, it } from "vitest";
import { MAX_FAILURES, SignInThrottle, WINDOW_MS } from "./throttle";

describe("SignInThrottle", () => {
  it("refuses the sixth try within 15 minutes and allows it once the first failure ages out", async () => {
    const t = new SignInThrottle();
    const start = 1_000_000;
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await t.retryAfter("a@x.org", "1.1.1.1", start + i)).toBe(0);
      await t.fail("a@x.org", "1.1.1.1", start + i);
    }
    expect(await t.retryAfter("a@x.org", "1.1.1.1", start + 10)).toBeGreaterThan(0);
    expect(await t.retryAfter("A@X.org", "9.9.9.9", start + 10)).toBeGreaterThan(0); // same account, other address
    expect(await t.retryAfter("b@x.org", "1.1.1.1", start + 10)).toBeGreaterThan(0); // same address, other account
    expect(await t.retryAfter("b@x.org", "9.9.9.9", start + 10)).toBe(0);
    expect(await t.retryAfter("a@x.org", "9.9.9.9", start + WINDOW_MS + 1)).toBe(0);
  });

  it("clears an account's failures after a success", async () => {
    const t = new SignInThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await t.fail("a@x.org", `10.0.0.${i}`, i);
    await t.succeed("a@x.org");
    await t.fail("a@x.org", "10.0.0.9", 10);
    expect(await t.retryAfter("a@x.org", "10.0.0.10", 11)).toBe(0);
  });
});
