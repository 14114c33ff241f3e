import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralize } from "../export/csv";
import { eventInputSchema, fieldErrorsOf } from "../events/schemas";
import { columnOf, keepCopies, toEventInput, toSourceInput } from "./rows";

const row = { event_id: "e", position: "1", title: "Denial", source_type: "official", language: "en" };
const eventRow = {
  id: "2024-06-21-x",
  title: "A title here",
  summary: "S.",
  event_type: "aid-trade",
  claim_status: "confirmed",
  start_date: "2024-06-21",
  date_precision: "day",
};

describe("toSourceInput", () => {
  it("reads quote, note and stance, and undoes the export's formula prefix on a note", () => {
    expect(toSourceInput({ ...row, quote: "", note: "'=Says it left in June", stance: "disputes" })).toMatchObject({
      quote: undefined,
      note: "=Says it left in June",
      stance: "disputes",
    });
  });

  it("ignores the derived columns: a check and a copy are never taken from a file", () => {
    const input = toSourceInput({
      ...row,
      quote: "We deny it.",
      quote_check: "verified",
      copy_sha256: "a".repeat(64),
      copy_captured_at: "2026-11-30T09:15:00.000Z",
      capture_id: "7",
    });
    expect(input).not.toHaveProperty("captureId");
    expect(input).not.toHaveProperty("quoteCheck");
  });

  it("makes a source of a file without a stance column a supporting one", () => {
    const parsed = eventInputSchema.parse(
      toEventInput(eventRow, [], [toSourceInput({ ...row, quote: "We deny it." })], "draft"),
    );
    expect(parsed.sources[0].stance).toBe("supports");
  });

  it("names the row's column and the schema's message for a citation with neither quote nor note, or a bad stance", () => {
    const result = eventInputSchema.safeParse(
      toEventInput(
        eventRow,
        [],
        [
          toSourceInput({ ...row, note: "Fine." }),
          toSourceInput(row),
          toSourceInput({ ...row, quote: "Q.", stance: "refutes" }),
        ],
        "draft",
      ),
    );
    expect(result.success).toBe(false);
    const errors = Object.entries(fieldErrorsOf(result.error!)).map(([path, m]) => [columnOf(path), m[0]]);
    expect(errors).toContainEqual([
      "sources.csv, source 2, quote",
      "Quote the source's own words, or say in a note what it supports",
    ]);
    expect(errors.map(([c]) => c)).toContain("sources.csv, source 3, stance");
    expect(errors.map(([c]) => c)).not.toContain("sources.csv, source 1, quote");
  });
});

describe("the export's formula prefix", () => {
  const triggers = fc.constantFrom("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t");
  const formula = fc.tuple(fc.constantFrom("", " ", "  ", "\u3000"), triggers, fc.string()).map((p) => p.join(""));

  it("is undone for every cell the export neutralised, leading spaces and full-width signs included", () => {
    expect(toEventInput({ title: "' =SUM(A1)" }, [], [], "draft").title).toBe("=SUM(A1)");
    expect(toEventInput({ title: neutralize("\t") }, [], [], "draft").title).toBe("");
    expect(toSourceInput({ ...row, note: "'\uff1dcmd|' /C calc'!A0" }).note).toBe("\uff1dcmd|' /C calc'!A0");
    fc.assert(
      fc.property(fc.oneof(formula, fc.string()), (text) => {
        fc.pre(!text.trim().startsWith("'"));
        expect(toEventInput({ title: neutralize(text) }, [], [], "draft").title).toBe(text.trim());
        expect(toSourceInput({ ...row, quote: neutralize(text) }).quote).toBe(text.trim() || undefined);
      }),
    );
  });
});

describe("keepCopies", () => {
  const current = [
    { url: "https://a.example/1", title: "A", captureId: 1 },
    { url: "https://b.example/2", title: "B", captureId: 2 },
    { title: "Unpublished memo", captureId: 3 },
  ];
  const copies = (imported: { url?: string; title: string }[]) =>
    keepCopies(imported, current).map((s) => (s as { captureId?: number }).captureId);

  it("keeps each source's copy when the file leaves it as it was", () => {
    expect(copies(current.map(({ url, title }) => ({ url, title })))).toEqual([1, 2, 3]);
  });
  it("follows a source to its new place by its address", () => {
    expect(
      copies([
        { url: "https://b.example/2", title: "B" },
        { url: "https://a.example/1", title: "A" },
      ]),
    ).toEqual([2, 1]);
  });
  it("drops the copy of a source whose address changed: it was a copy of another page", () => {
    expect(
      copies([
        { url: "https://a.example/moved", title: "A" },
        { url: "https://b.example/2", title: "B" },
      ]),
    ).toEqual([undefined, 2]);
  });
  it("matches a source without an address only at its place and by its title", () => {
    expect(
      copies([
        { url: "https://a.example/1", title: "A" },
        { url: "https://b.example/2", title: "B" },
        { title: "Unpublished memo" },
      ]),
    ).toEqual([1, 2, 3]);
    expect(copies([{ title: "Unpublished memo" }])).toEqual([undefined]);
    expect(
      copies([
        { url: "https://a.example/1", title: "A" },
        { url: "https://b.example/2", title: "B" },
        { title: "Another memo" },
      ]),
    ).toEqual([1, 2, undefined]);
  });
  it("gives one copy to one source when an address is cited twice", () => {
    expect(
      copies([
        { url: "https://b.example/2", title: "B" },
        { url: "https://b.example/2", title: "B again" },
      ]),
    ).toEqual([2, undefined]);
  });
});

describe("end_date_precision", () => {
  const event = {
    id: "2022-09-us-says-shells",
    title: "US says shells were shipped",
    summary: "S.",
    event_type: "arms-transfer",
    claim_status: "alleged",
    start_date: "2022-09",
    end_date: "2022-11-02",
    date_precision: "month",
  };
  const parse = (r: Record<string, string>) => eventInputSchema.safeParse(toEventInput(r, [], [], "draft"));

  it("reads an end known to another precision, typed or as exported", () => {
    expect(parse({ ...event, end_date_precision: "day" }).data).toMatchObject({
      startDate: "2022-09-01",
      endDate: "2022-11-02",
      precision: "month",
      endPrecision: "day",
    });
    expect(
      parse({
        ...event,
        start_date: "2022-09-15",
        date_precision: "day",
        end_date: "2022-11",
        end_date_precision: "month",
      }).data,
    ).toMatchObject({ endDate: "2022-11-01", endPrecision: "month" });
  });
  it("takes an absent or empty column to mean the start's precision", () => {
    for (const r of [
      { ...event, end_date: "2022-11" },
      { ...event, end_date: "2022-11-01", end_date_precision: "" },
      { ...event, end_date: "2022-11-01", end_date_precision: "month" },
    ]) {
      const parsed = parse(r).data!;
      expect(parsed).toMatchObject({ endDate: "2022-11-01", precision: "month" });
      expect(parsed).not.toHaveProperty("endPrecision");
    }
  });
  it("names the column of a bad end precision", () => {
    const result = parse({ ...event, end_date_precision: "week" });
    expect(Object.keys(fieldErrorsOf(result.error!)).map(columnOf)).toEqual(["end_date_precision"]);
    const missingEnd = parse({ ...event, end_date: "", end_date_precision: "day" });
    expect(Object.keys(fieldErrorsOf(missingEnd.error!)).map(columnOf)).toEqual(["end_date_precision"]);
  });
});
