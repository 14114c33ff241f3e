import { describe, expect, it } from "vitest";
import { sessionMaxAgeSeconds, signInSettingsProblem } from "./session-config";

describe("SESSION_MAX_AGE_HOURS", () => {
  it("defaults to 8 hours and accepts fractions", () => {
    expect(sessionMaxAgeSeconds({})).toBe(8 * 3600);
    expect(sessionMaxAgeSeconds({ SESSION_MAX_AGE_HOURS: "12" })).toBe(12 * 3600);
    expect(sessionMaxAgeSeconds({ SESSION_MAX_AGE_HOURS: "0.5" })).toBe(1800);
  });

  it("refuses what is not a positive number of hours with one sentence", () => {
    for (const bad of ["8h", "eight", "0", "-2", "Infinity", "NaN", "100000"]) {
      expect(() => sessionMaxAgeSeconds({ SESSION_MAX_AGE_HOURS: bad })).toThrow(
        `SESSION_MAX_AGE_HOURS must be a positive number of hours (such as 8), not “${bad}”.`,
      );
    }
  });

  it("is reported with TRUSTED_PROXY_HOPS as the one problem that stops start-up", () => {
    expect(signInSettingsProblem({})).toBeNull();
    expect(signInSettingsProblem({ SESSION_MAX_AGE_HOURS: "8h" })).toMatch(/^SESSION_MAX_AGE_HOURS must be .*\.$/);
    expect(signInSettingsProblem({ TRUSTED_PROXY_HOPS: "yes" })).toMatch(/^TRUSTED_PROXY_HOPS must be .*\.$/);
  });
});
