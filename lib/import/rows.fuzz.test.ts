// Fuzzing the import's reading of CSV files: any file text gives records or one readable
// sentence, any row gives an input the event schema then accepts or refuses by column, and no
// hostile cell (formula, control character, huge number) gets through as something else.
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVENT_COLUMNS, FORMULA_START } from "../export/csv";
import { eventInputSchema, fieldErrorsOf, type NewActorInput } from "../events/schemas";
import { isStorableText } from "../validation/storable-text";
import { FUZZ_TIMEOUT, hostileString } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { expectHumanMessage } from "../testing/fuzz/messages";
import { columnOf, parseActors, readCsv, toEventInput, toSourceInput, type KnownActor } from "./rows";

const REQUIRED = ["id", "title", "summary", "event_type", "claim_status", "start_date", "date_precision"];
const cell = fc.oneof(
  hostileString,
  fc.constantFrom(
    "2023-09-13",
    "2023-09",
    "2023",
    "day",
    "month",
    "summit-meeting",
    "confirmed",
    "Russia (host)",
    "KP | RU",
    "-12.5",
    "1e400",
    "true",
  ),
);
const row = fc.dictionary(fc.constantFrom(...EVENT_COLUMNS), cell, { maxKeys: EVENT_COLUMNS.length });

/** A CSV file: proper rows written by csv-stringify, or raw hostile text. */
const csvText = fc.oneof(
  fc.array(row, { maxLength: 5 }).map((rows) => stringify(rows, { header: true, columns: [...EVENT_COLUMNS] })),
  fc
    .tuple(
      fc.constantFrom(REQUIRED.join(","), EVENT_COLUMNS.join(","), "", "\ufeff" + REQUIRED.join(",")),
      fc.array(hostileString, { maxLength: 4 }),
    )
    .map(([head, lines]) => [head, ...lines].join("\n")),
  hostileString,
);

describe("import rows under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("reads any file into records or one readable sentence", () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const r = readCsv(text, REQUIRED, "The events file");
        if ("error" in r) expectHumanMessage(r.error, text);
        else for (const rec of r.records) for (const v of Object.values(rec)) expect(typeof v).toBe("string");
      }),
      fuzzParams(),
    );
  });

  it("turns any row into an input refused by column, or accepted with storable text", () => {
    const known = new Map<string, KnownActor>([["russia", { slug: "russia", name: "Russia", aliases: [] }]]);
    fc.assert(
      fc.property(
        row,
        fc.array(
          fc.dictionary(
            fc.constantFrom("url", "title", "quote", "note", "stance", "source_type", "published_on", "language"),
            cell,
          ),
        ),
        (r, sourceRows) => {
          const created = new Map<string, NewActorInput>();
          const { links, problems } = parseActors(r.actors, known, created);
          for (const p of problems) expectHumanMessage(p, r.actors);
          for (const a of created.values()) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          const parsed = eventInputSchema.safeParse(toEventInput(r, links, sourceRows.map(toSourceInput), "draft"));
          if (parsed.success) {
            expect(isStorableText(parsed.data.title)).toBe(true);
            for (const n of [parsed.data.latitude, parsed.data.longitude])
              if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
            return;
          }
          for (const [path, messages] of Object.entries(fieldErrorsOf(parsed.error))) {
            expect(columnOf(path).length).toBeGreaterThan(0);
            for (const m of messages) expectHumanMessage(m, r);
          }
        },
      ),
      fuzzParams(),
    );
  });

  it("explains a broken file in its own words, not the parser's (which quoted whole cells)", () => {
    const r = readCsv(`id,title\nx"${"y".repeat(5000)}`, ["id"], "The events file");
    expect(r).toEqual({ error: "The events file is not a readable CSV file: a quote mark is out of place (line 2)." });
  });

  it("quotes at most 40 characters of a bad cell (regression: a 20,000-character cell filled the report)", () => {
    const { problems } = parseActors("x".repeat(20_000), new Map(), new Map());
    expect(problems).toEqual([`“${"x".repeat(40)}…” is not “Name (role)”`]);
  });

  it("undoes only the export's formula prefix", () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const title = toEventInput({ title: s }, [], [], "draft").title;
        const t = s.trimStart();
        expect(title).toBe((t.startsWith("'") && FORMULA_START.test(t.slice(1)) ? t.slice(1) : t).trim());
      }),
      fuzzParams(),
    );
  });
});
