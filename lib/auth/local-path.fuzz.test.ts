// Fuzzing the sign-in form's `from`: whatever it holds, the redirect stays on this site.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TIMEOUT, hostileString, hostileValue } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { localPath } from "./local-path";

const ORIGIN = "https://tracker.example";
const tricky = fc
  .tuple(
    fc.constantFrom(
      "/",
      "//",
      "/\\",
      "\\/",
      "/\t/",
      "/\n/",
      " /",
      "/%2F",
      "/%5C",
      "/.//",
      "/..//",
      "https:",
      "javascript:",
    ),
    hostileString,
  )
  .map(([a, b]) => a + b);

describe("localPath under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("always gives a path on this site, as a browser would resolve it", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, hostileString, hostileValue), (from) => {
        const path = localPath(from);
        expect(path.startsWith("/")).toBe(true);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      }),
      fuzzParams(),
    );
  });

  it("keeps a plain local path with its query", () => {
    fc.assert(
      fc.property(fc.webPath(), fc.webQueryParameters(), (p, q) => {
        const from = `/editor${p}?${q}`;
        const [got, want] = [new URL(localPath(from), ORIGIN), new URL(from, ORIGIN)];
        expect([got.pathname, got.search]).toEqual([want.pathname, want.search]);
      }),
      fuzzParams(),
    );
  });

  it("refuses paths a browser reads as another site (regression: /\\evil.example passed)", () => {
    for (const from of [
      "/\\evil.example",
      "/\t/evil.example",
      "//evil.example",
      "/\\/evil.example",
      "/..//evil.example",
    ])
      expect(localPath(from)).toBe("/editor");
    expect(localPath("/editor/events/new?x=1#top")).toBe("/editor/events/new?x=1#top");
  });
});
