import { describe, expect, it } from "vitest";
import { parseEventQuery } from "./query-params";
import { buildEventOrderBy, buildEventWhere, spanEndsOnOrAfter } from "./where";

const where = (qs: string) => buildEventWhere(parseEventQuery(new URLSearchParams(qs)).query);

describe("buildEventWhere", () => {
  it("shows only published, undeleted events by default", () => {
    expect(where("")).toEqual({ AND: [{ status: "published" }, { deleted: false }] });
  });

  it("adds retracted events when asked", () => {
    expect(where("retracted=include").AND).toContainEqual({ status: { in: ["published", "retracted"] } });
  });

  it("searches the normalised text for the normalised query", () => {
    expect(where("q=Kim%20Jong-Un").AND).toContainEqual({ searchText: { contains: "kim jong un" } });
  });

  it("drops LIKE wildcards from the search", () => {
    expect(where("q=100%25").AND).toContainEqual({ searchText: { contains: "100" } });
  });

  it("filters by types, claims and actor slugs", () => {
    const and = where("type=summit-meeting&claim=alleged&actor=russia").AND;
    expect(and).toContainEqual({ type: { in: ["summit-meeting"] } });
    expect(and).toContainEqual({ claimStatus: { in: ["alleged"] } });
    expect(and).toContainEqual({
      actors: {
        some: {
          actor: { OR: [{ slug: { in: ["russia"] } }, { redirects: { some: { oldSlug: { in: ["russia"] } } } }] },
        },
      },
    });
  });

  it("compares spans for a date range: ends after `from`, starts before `to`", () => {
    const and = where("from=2020-01-15&to=2020-01").AND;
    expect(and).toContainEqual({ spanEnd: { gte: new Date("2020-01-15T00:00:00Z") } });
    expect(and).toContainEqual({ spanStart: { lte: new Date("2020-01-31T00:00:00Z") } });
  });
});

describe("buildEventOrderBy", () => {
  it("always ends on the id so pages are stable", () => {
    for (const sort of ["-date", "date", "title", "-title"] as const) {
      expect(Object.keys(buildEventOrderBy(sort).at(-1)!)).toEqual(["id"]);
    }
  });
});

describe("spanEndsOnOrAfter", () => {
  const from = new Date("2020-03-10T00:00:00.000Z");
  it("bounds the start by the longest stored span, so an index range can be read", () => {
    expect(spanEndsOnOrAfter(from, 366)).toEqual([
      { spanEnd: { gte: from } },
      { spanStart: { gte: new Date("2019-03-10T00:00:00.000Z") } },
    ]);
  });
  it("keeps only the end condition when the longest span is unknown", () => {
    expect(spanEndsOnOrAfter(from)).toEqual([{ spanEnd: { gte: from } }]);
  });
  it("adds no bound that would fall before year 1 (found by fuzzing: from=0001-01-01)", () => {
    const first = new Date("0001-01-01T00:00:00.000Z");
    expect(spanEndsOnOrAfter(first, 400)).toEqual([{ spanEnd: { gte: first } }]);
  });
});
