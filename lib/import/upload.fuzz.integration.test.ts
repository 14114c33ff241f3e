// Fuzzing the CSV import's upload route against a real PostgreSQL: any pair of files, mode and
// status from any caller is imported whole, or refused with readable messages and no trace; a
// check ("dry run") never writes. Only the request context (session user, Next's cache) is replaced.
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "../export/csv";
import { FUZZ_TIMEOUT, hostileString } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { extraFields, formData, formValue, session, setUpActionFuzzing } from "../testing/fuzz/actions";
import { describeInput, expectHumanMessage } from "../testing/fuzz/messages";
import { validEvent } from "../testing/fuzz/valid-events";
import { emptyImportState, importUpload, type ImportState } from "./run-import";

vi.mock("../authz", async () => (await import("../testing/fuzz/actions")).authzMock);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const fuzz = setUpActionFuzzing({ seed: true });
const { users } = fuzz;
const tally: Record<string, number> = {};

afterAll(async () => {
  console.log(`import upload route, outcomes: ${JSON.stringify(tally)}`);
});
// Valid events as rows of the export's format, so some files import cleanly.
let n = 0;
const eventRow = validEvent().map((e) => ({
  id: `${e.id}-${++n}`.slice(0, 120),
  title: e.title,
  summary: e.summary,
  event_type: e.type,
  claim_status: e.claimStatus,
  start_date: e.startDate,
  end_date: e.endDate ?? "",
  date_precision: e.precision,
  approximate: String(e.approximate),
  place: e.place ?? "",
  country_codes: e.countryCodes.join(" | "),
  latitude: e.latitude ?? "",
  longitude: e.longitude ?? "",
  actors: "North Korea (supplier) | Russian Federation (recipient)",
  item_categories: e.itemCategories.join(" | "),
  sanctions_regime: e.sanctionsRegime ?? "",
  instrument: e.instrument ?? "",
  status: e.status,
}));
const hostileRow = fc
  .tuple(eventRow, fc.array(fc.tuple(fc.constantFrom(...EVENT_COLUMNS), hostileString), { minLength: 1, maxLength: 3 }))
  .map(([row, edits]) => ({ ...row, ...Object.fromEntries(edits) }));
const eventsCsv = fc.oneof(
  {
    arbitrary: fc
      .array(fc.oneof(eventRow, hostileRow), { minLength: 1, maxLength: 4 })
      .map((rows) => stringify(rows, { header: true, columns: [...EVENT_COLUMNS] })),
    weight: 4,
  },
  { arbitrary: hostileString, weight: 1 },
);
const sourcesCsv = (ids: string[]) =>
  stringify(
    ids.map((id, i) => ({
      event_id: id,
      position: i + 1,
      title: "A report",
      quote: "The passage.",
      source_type: "news",
      language: "en",
    })),
    { header: true, columns: [...SOURCE_COLUMNS] },
  );
const file = (text: string, name = "events.csv") => new File([text], name, { type: "text/csv" });

describe("the import upload route under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("imports whole files or refuses them readably without a trace; a check never writes", async () => {
    const caller = fc.constantFrom("anonymous", "contributor", "editor", "admin");
    const mode = fc.oneof(fc.constantFrom("check", "commit"), hostileString);
    const status = fc.oneof(fc.constantFrom("file", "draft", "in_review", "published"), hostileString);
    const sources = fc.oneof(fc.constant("matching"), fc.constant(undefined), formValue);
    const fileName = fc.oneof(fc.constant("events.csv"), hostileString);
    await fc.assert(
      fc.asyncProperty(
        caller,
        eventsCsv,
        sources,
        mode,
        status,
        fileName,
        extraFields,
        async (who, events, src, m, st, name, extra) => {
          session.user = users[who];
          fuzz.errors.mockClear();
          const ids = [...events.matchAll(/^([a-z0-9-]+),/gm)].map((x) => x[1]);
          const sourcesValue = src === "matching" ? file(sourcesCsv(ids), "sources.csv") : src;
          const input = { who, events: events.slice(0, 300), m, st };
          const before = await fuzz.watch.before();
          const request = new Request("http://localhost/editor/uploads/import", {
            method: "POST",
            body: formData({ events: file(events, name), sources: sourcesValue, mode: m, status: st }, extra),
          });
          // A refusal before the import ran (role, origin, body) is a bare { message }.
          const state: ImportState = {
            ...emptyImportState,
            ...((await (await importUpload(request)).json()) as Partial<ImportState>),
          };
          expect(
            fuzz.errors,
            `unexpected error path for ${describeInput(input)}: ${JSON.stringify(fuzz.errors.mock.calls)}`,
          ).not.toHaveBeenCalled();
          const key = `${who} ${state.committed ? "imported" : state.dryRun && !state.message && !state.fileError && !state.errors.length ? "checked" : "refused"}`;
          tally[key] = (tally[key] ?? 0) + 1;
          if (state.committed) {
            fuzz.watch.wrote();
            expect(who).not.toBe("anonymous");
            expect(m).toBe("commit");
            return;
          }
          for (const msg of [state.message, state.fileError, ...state.errors.map((e) => e.message)])
            if (msg !== undefined) expectHumanMessage(msg, input);
          for (const e of state.errors) expect(Number.isInteger(e.row) && e.row >= 2 && e.column.length > 0).toBe(true);
          if (!state.dryRun)
            expect(state.message || state.fileError || state.errors.length, describeInput(input)).toBeTruthy();
          expect(
            await fuzz.watch.after(),
            `a refused or checked import changed the database: ${describeInput(state)}`,
          ).toEqual(before);
        },
      ),
      fuzzParams(),
    );
  });
});
