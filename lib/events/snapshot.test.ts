import { describe, expect, it } from "vitest";
import type { EventInput } from "./schemas";
import { diffSnapshots } from "./snapshot";

const base: EventInput = {
  id: "2023-09-13-x",
  title: "A summit",
  summary: "They met.",
  type: "summit-meeting",
  claimStatus: "confirmed",
  startDate: "2023-09-13",
  precision: "day",
  approximate: false,
  countryCodes: ["RU"],
  tags: [],
  itemCategories: [],
  status: "draft",
  actors: [{ actor: "russia", role: "host" }],
  sources: [
    { title: "S", sourceType: "news", stance: "supports", quote: "q", language: "en", url: "https://a.example/1" },
  ],
};

describe("diffSnapshots", () => {
  it("finds nothing between equal snapshots", () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });
  it("lists each changed field from → to", () => {
    const after = { ...base, title: "A second summit", place: "Vostochny" };
    expect(diffSnapshots(base, after)).toEqual([
      { field: "title", from: "A summit", to: "A second summit" },
      { field: "place", from: null, to: "Vostochny" },
    ]);
  });
  it("compares actors as links regardless of order, and sources one by one", () => {
    const after = {
      ...base,
      actors: [
        { actor: "north-korea", role: "participant" as const },
        { actor: "russia", role: "host" as const },
      ],
      sources: [
        base.sources[0],
        { title: "T", sourceType: "official" as const, stance: "supports" as const, quote: "r", language: "en" },
      ],
    };
    const changes = diffSnapshots(base, after);
    expect(changes.map((c) => c.field)).toEqual(["actors", "sources[2]"]);
    expect(changes[0].to).toEqual(["north-korea (participant)", "russia (host)"]);
    expect(changes[1].from).toBeNull();
  });
  it("treats creation as a change of every field", () => {
    expect(diffSnapshots(null, base).map((c) => c.field)).toContain("title");
  });
});
