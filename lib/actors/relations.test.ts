import { describe, expect, it } from "vitest";
import { parseActorListQuery, serializeActorListQuery } from "./list-params";
import { relationLabel } from "./relations";
import { actorInputSchema, diffActor } from "./schemas";

describe("relationLabel", () => {
  it("names the relation from the two roles and, where it sharpens the verb, the event type", () => {
    expect(relationLabel("supplier", "recipient", "arms-transfer")).toBe("supplied to");
    expect(relationLabel("recipient", "supplier", "technology-transfer")).toBe("received from");
    expect(relationLabel("speaker", "addressee", "statement-warning")).toBe("warned");
    expect(relationLabel("speaker", "addressee", "diplomatic-process")).toBe("addressed");
    expect(relationLabel("initiator", "target", "sanctions-imposed")).toBe("sanctioned");
    expect(relationLabel("target", "initiator", "sanctions-imposed")).toBe("was sanctioned by");
    expect(relationLabel("participant", "participant", "summit-meeting")).toBe("met");
    expect(relationLabel("host", "participant", "summit-meeting")).toBe("hosted");
    expect(relationLabel("supplier", "speaker", "arms-transfer")).toBe("appeared with");
  });
});

describe("parseActorListQuery", () => {
  it("keeps good values, drops bad ones with a notice, and round-trips", () => {
    const { query, notices } = parseActorListQuery({ q: " Lavrov ", kind: "person", country: "ru", page: "2" });
    expect(query).toEqual({ q: "Lavrov", kind: "person", country: "RU", page: 2 });
    expect(notices).toEqual([]);
    expect(serializeActorListQuery(query)).toBe("?q=Lavrov&kind=person&country=RU&page=2");
    const bad = parseActorListQuery({ q: "%%", kind: "planet", country: "Russia", page: "-1" });
    expect(bad.query).toEqual({ page: 1 });
    expect(bad.notices).toHaveLength(4);
  });
});

describe("actorInputSchema", () => {
  it("trims, upper-cases the country, splits aliases a line, and diffs what changed", () => {
    const parsed = actorInputSchema.parse({
      name: " Kim ",
      kind: "person",
      countryCode: "kp",
      aliases: "A\r\n\nB\nA",
      description: "  ",
    });
    expect(parsed).toEqual({ name: "Kim", kind: "person", countryCode: "KP", aliases: ["A", "B"], description: null });
    expect(diffActor(parsed, { ...parsed, aliases: ["B"] })).toEqual({ aliases: { from: ["A", "B"], to: ["B"] } });
  });
  it("refuses a control character and too many aliases", () => {
    expect(
      actorInputSchema.safeParse({ name: "K\u0000m", kind: "person", countryCode: "", aliases: "", description: "" })
        .success,
    ).toBe(false);
    expect(
      actorInputSchema.safeParse({
        name: "Kim",
        kind: "person",
        countryCode: "",
        aliases: Array.from({ length: 51 }, (_, i) => `a${i}`).join("\n"),
        description: "",
      }).success,
    ).toBe(false);
  });
});
