import { describe, expect, it } from "vitest";
import { throttledMessage } from "./sign-in-messages";

describe("throttledMessage", () => {
  it("says which limit refused the try and how long to wait, rounded up to whole minutes", () => {
    expect(throttledMessage("throttled:account:840")).toBe(
      "Too many sign-in attempts for this account. Wait 14 minutes, or sign in from a device that has signed in to it before.",
    );
    expect(throttledMessage("throttled:address:61")).toBe(
      "Too many sign-in attempts from your network address. Wait 2 minutes, then try again.",
    );
    expect(throttledMessage("throttled:device:5")).toBe(
      "Too many sign-in attempts from this device. Wait 1 minute, then try again.",
    );
  });
});
