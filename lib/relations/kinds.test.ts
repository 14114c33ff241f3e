import { describe, expect, it } from "vitest";
import { INCOMING_LABEL, labelFor, parseRelatedCell, RELATION_KINDS, sortRefs, toDbKind, toSlug } from "./kinds";

describe("relation kinds", () => {
  it("reads each kind from both sides", () => {
    expect(RELATION_KINDS.map((k) => [labelFor(k, "outgoing"), labelFor(k, "incoming")])).toEqual([
      ["responds to", "responded to by"],
      ["part of", "has part"],
      ["follows up", "followed up by"],
      ["precedent for", "has precedent"],
    ]);
    expect(Object.keys(INCOMING_LABEL)).toEqual([...RELATION_KINDS]);
  });

  it("maps the slugs to the database enum's client names and back", () => {
    for (const k of RELATION_KINDS) expect(toSlug(toDbKind(k))).toBe(k);
    expect(toDbKind("precedent-for")).toBe("precedent_for");
  });

  it("sorts by kind, then id, as the CSV cell does", () => {
    expect(
      sortRefs([
        { kind: "precedent-for", id: "a" },
        { kind: "responds-to", id: "b" },
        { kind: "responds-to", id: "a" },
      ]),
    ).toEqual([
      { kind: "responds-to", id: "a" },
      { kind: "responds-to", id: "b" },
      { kind: "precedent-for", id: "a" },
    ]);
  });
});

describe("the CSV's related cell", () => {
  it("reads the export's format, tolerating spaces and repeats", () => {
    expect(
      parseRelatedCell("precedent-for:2023-09-13-lavrov | part-of: 2023-09-13-summit |precedent-for:2023-09-13-lavrov"),
    ).toEqual({
      items: [
        { kind: "precedent-for", id: "2023-09-13-lavrov" },
        { kind: "part-of", id: "2023-09-13-summit" },
      ],
      problems: [],
    });
    expect(parseRelatedCell("")).toEqual({ items: [], problems: [] });
    expect(parseRelatedCell(undefined)).toEqual({ items: [], problems: [] });
  });

  it("says what is wrong with each item, quoting a short part of it", () => {
    const { items, problems } = parseRelatedCell(
      "caused:2023-x | 2023-09-13-summit | part-of:Not An Id | responds-to:",
    );
    expect(items).toEqual([]);
    expect(problems).toEqual([
      "“caused” is not a kind of relation; use one of responds-to, part-of, follows-up, precedent-for",
      "“2023-09-13-summit” is not “kind:event id” (for example precedent-for:2022-05-26-russia-china-veto-dprk-sanctions)",
      "“Not An Id” is not an event id",
      "“responds-to:” is not “kind:event id” (for example precedent-for:2022-05-26-russia-china-veto-dprk-sanctions)",
    ]);
    expect(parseRelatedCell(`x:${"a".repeat(300)}`).problems[0]).toMatch(/^“x” is not a kind/);
    expect(parseRelatedCell(`part-of:${"A".repeat(300)}`).problems[0]).toBe(`“${"A".repeat(40)}…” is not an event id`);
  });
});
