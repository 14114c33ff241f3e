import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasMalformedEscape } from "./malformed-path";
import { hostileString } from "./testing/fuzz/arbitraries";
import { fuzzParams } from "./testing/fuzz/params";

describe("hasMalformedEscape", () => {
  it("flags exactly the paths whose segments do not decode", () => {
    for (const p of ["/events/%", "/events/%zz", "/events/a%", "/events/%ED%A0%80", "/api/v1/events/%C0%AF"])
      expect(hasMalformedEscape(p), p).toBe(true);
    for (const p of ["/events", "/events/kim%20jong", "/events/%25", "/events/%F0%9F%98%80", "/"])
      expect(hasMalformedEscape(p), p).toBe(false);
  });

  it("never throws and agrees with decodeURIComponent on any path", () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const path = `/events/${s}`;
        let decodes = true;
        try {
          path.split("/").forEach((seg) => decodeURIComponent(seg));
        } catch {
          decodes = false;
        }
        expect(hasMalformedEscape(path)).toBe(!decodes);
      }),
      fuzzParams(),
    );
  });
});
