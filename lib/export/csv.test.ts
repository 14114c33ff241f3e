import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "csv-stringify/sync";
import { FIELDS } from "../events/field-docs";
import { EVENT_COLUMNS, neutralize, SOURCE_COLUMNS } from "./csv";

describe("neutralize", () => {
  it("prefixes every formula trigger so a spreadsheet shows text", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r", "\n"]) {
      expect(neutralize(`${trigger}HYPERLINK("http://x")`)).toBe(`'${trigger}HYPERLINK("http://x")`);
    }
  });
  it("leaves ordinary text alone", () => {
    expect(neutralize("Kim Jong-un (participant)")).toBe("Kim Jong-un (participant)");
    expect(neutralize("")).toBe("");
    expect(neutralize("1 = 1")).toBe("1 = 1");
  });

  // Spreadsheets trim leading spaces on import, and some read the full-width ＝ ＋ － ＠ (what a
  // Japanese or Chinese input method types) as the ASCII signs: both still start a formula.
  const triggers = fc.constantFrom("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20");
  const spaces = fc.array(fc.constantFrom(" ", "\u00a0", "\u3000", "\t"), { maxLength: 4 }).map((s) => s.join(""));

  it("prefixes a formula behind leading spaces, and the full-width signs", () => {
    expect(neutralize(' =HYPERLINK("http://x")')).toBe('\' =HYPERLINK("http://x")');
    expect(neutralize("\uff1dcmd|' /C calc'!A0")).toBe("'\uff1dcmd|' /C calc'!A0");
    fc.assert(
      fc.property(spaces, triggers, fc.string(), (space, trigger, rest) => {
        expect(neutralize(space + trigger + rest)).toBe(`'${space}${trigger}${rest}`);
      }),
    );
  });

  it("changes nothing else, and never leaves a cell a spreadsheet would run", () => {
    const runs = (cell: string) => /^[\t\r\n]/.test(cell) || /^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(spaces, triggers, fc.string()).map((p) => p.join("")),
        ),
        (text) => {
          const out = neutralize(text);
          expect(out === text || out === `'${text}`).toBe(true);
          expect(runs(out)).toBe(false);
          if (!runs(text)) expect(out).toBe(text);
        },
      ),
    );
  });
});

describe("RFC 4180 quoting (csv-stringify with our options)", () => {
  it("quotes embedded quotes, commas and newlines and ends records with CRLF", () => {
    const out = stringify(
      [
        [neutralize('He said "pay a price", then\nleft'), 1.5, "=1+1"].map((v) =>
          typeof v === "string" ? neutralize(v) : v,
        ),
      ],
      { record_delimiter: "windows" },
    );
    expect(out).toBe('"He said ""pay a price"", then\nleft",1.5,\'=1+1\r\n');
  });
});

describe("the codebook", () => {
  const documented = new Set(FIELDS.flatMap((g) => g.fields.flatMap(([name]) => name.split(/,\s*/))));
  const text = (group: string, name: string) =>
    FIELDS.find((g) => g.name === group)!.fields.find(([n]) => n === name)![1];

  it("explains every column of both files", () => {
    for (const column of [...EVENT_COLUMNS, ...SOURCE_COLUMNS]) {
      expect(documented.has(column), column).toBe(true);
    }
  });

  it("lists the columns of both files in their order", () => {
    expect(text("CSV export", "columns")).toContain(EVENT_COLUMNS.join(", "));
    expect(text("CSV export", "/sources.csv")).toContain(SOURCE_COLUMNS.join(", "));
  });
});
