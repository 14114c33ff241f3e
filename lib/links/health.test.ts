import { describe, expect, it } from "vitest";
import { DEAD_LINK_MIN_FAILING_MS, isDeadLink } from "./health";

const first = new Date("2026-11-29T10:00:00Z");
const later = (ms: number) => new Date(first.getTime() + ms);

describe("isDeadLink", () => {
  it("counts a link gone on two checks a day apart as dead", () => {
    expect(isDeadLink({ status: "gone", firstFailureAt: first, lastCheckedAt: later(DEAD_LINK_MIN_FAILING_MS) })).toBe(
      true,
    );
  });

  it("counts a link failing for more than a day as dead", () => {
    expect(
      isDeadLink({ status: "failing", firstFailureAt: first, lastCheckedAt: later(3 * DEAD_LINK_MIN_FAILING_MS) }),
    ).toBe(true);
  });

  it("does not count failures less than a day apart", () => {
    expect(
      isDeadLink({ status: "gone", firstFailureAt: first, lastCheckedAt: later(DEAD_LINK_MIN_FAILING_MS - 1) }),
    ).toBe(false);
  });

  it("does not count a single failed check (first failure is the last check)", () => {
    expect(isDeadLink({ status: "failing", firstFailureAt: first, lastCheckedAt: first })).toBe(false);
  });

  it("does not count a link that answers again, whatever its history", () => {
    for (const status of ["ok", "redirected"]) {
      expect(isDeadLink({ status, firstFailureAt: first, lastCheckedAt: later(7 * DEAD_LINK_MIN_FAILING_MS) })).toBe(
        false,
      );
    }
  });

  it("does not count a failing status without a first failure, nor an unchecked link", () => {
    expect(isDeadLink({ status: "gone", firstFailureAt: null, lastCheckedAt: later(DEAD_LINK_MIN_FAILING_MS) })).toBe(
      false,
    );
    expect(isDeadLink(null)).toBe(false);
    expect(isDeadLink(undefined)).toBe(false);
  });
});
