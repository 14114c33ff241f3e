import { describe, expect, it } from "vitest";
import { foldForSearch, likePattern, slugPattern } from "./fold";
import { parseLookupParams } from "./lookup-params";

const parse = (qs: string) => parseLookupParams(new URLSearchParams(qs));

describe("parseLookupParams", () => {
  it("takes q, trimmed, and a limit that defaults to 10", () => {
    expect(parse("q=%20Lavrov%20")).toEqual({ ok: true, q: "Lavrov", limit: 10 });
    expect(parse("q=kim&limit=20")).toEqual({ ok: true, q: "kim", limit: 20 });
  });

  it("names every bad parameter at once", () => {
    expect(parse("limit=0")).toEqual({
      ok: false,
      message: expect.stringMatching(/q is required.*limit must be/),
      parameters: ["q", "limit"],
    });
  });

  it("refuses text with no letter or digit, and control characters", () => {
    for (const q of ["%", "_", "- -", "…", "a\u0000b", "a\u0007"])
      expect(parse(`q=${encodeURIComponent(q)}`).ok, q).toBe(false);
    expect(parse(`q=${encodeURIComponent("Ö")}`).ok).toBe(true);
    expect(parse(`q=${encodeURIComponent("金正恩")}`).ok).toBe(true);
  });
});

describe("folding", () => {
  it("lower-cases and removes accents", () => {
    expect(foldForSearch("  António   GUTÉRRES ")).toBe("antonio guterres");
  });

  it("makes a slug fragment only from letters, digits, spaces and hyphens", () => {
    expect(slugPattern("sergei lav")).toBe("sergei-lav");
    expect(slugPattern("kim jong-un")).toBe("kim-jong-un");
    expect(slugPattern("y_p")).toBeNull();
    expect(slugPattern(" - ")).toBeNull();
  });

  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likePattern("50%_a\\b", "contains")).toBe("%50\\%\\_a\\\\b%");
    expect(likePattern("kim", "starts")).toBe("kim%");
  });
});
