import { describe, expect, it } from "vitest";
import { buildSearchText, normalizeForSearch } from "./search-text";

describe("search text", () => {
  it("folds case, accents and hyphens the same way for text and query", () => {
    expect(normalizeForSearch("Kim Jong-un")).toBe(normalizeForSearch("KIM JONG UN"));
    expect(normalizeForSearch("Sergueï Lavrov")).toBe("serguei lavrov");
  });
  it("includes actor names, aliases and publishers", () => {
    const text = buildSearchText({
      title: "Summit",
      summary: "Met.",
      actors: [{ name: "North Korea", aliases: ["DPRK"] }],
      publishers: ["BBC News", null],
    });
    expect(text).toContain("dprk");
    expect(text).toContain("bbc news");
  });
});
