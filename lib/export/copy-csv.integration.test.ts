// The COPY writer against the writer it replaced (csv-reference.ts, csv-stringify over whole
// events read through Prisma), byte for byte: on the seed, on the provenance fixture and on
// hostile rows, for every filter and sort, both files, with and without the byte-order mark.
// One difference is deliberate: a cell holding a lone LF or CR is quoted now (see the last test).
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { createProvenanceEvent } from "../testing/provenance-export-fixture";
import { setUpTestDatabase } from "../testing/test-database";
import { EXPORT_FORMAT_BEFORE_COPY } from "./csv-reference";
import { bothWriters, HOSTILE_IDS, insertHostileRows, ORIGIN } from "./export-rows-fixture";

const t = setUpTestDatabase({ seed: true });

beforeAll(async () => {
  const u = await t.prisma.user.create({ data: { email: "ed@example.org", name: "Ed", role: "admin" } });
  await createProvenanceEvent(t.prisma, { id: u.id, email: u.email, name: u.name, role: "admin" });
  await insertHostileRows(t.prisma);
});

const QUERIES = [
  "",
  "sort=date",
  "sort=title",
  "sort=-title",
  "retracted=include",
  "retracted=include&sort=-title",
  "type=summit-meeting&type=statement-warning",
  "type=aid-trade",
  "type=weird,type",
  "claim=alleged",
  "claim=confirmed&claim=denied",
  "actor=kim-jong-un",
  "actor=evil-corp&actor=kim-jong-un&sort=date",
  "actor=nameless",
  "q=hostile",
  "q=Russia&from=2023&sort=title",
  "q=a_b",
  "q=x'y",
  "q=back\\slash",
  "q=%",
  "q=nothing-matches-this",
  "from=2023",
  "to=2019-05",
  "from=2020&to=2023-06-30&sort=date",
  "from=0500&to=0600&retracted=include",
  "bom=1",
  "bom=1&type=aid-trade&retracted=include",
];

describe("/events.csv and /sources.csv by COPY", () => {
  it("are byte for byte what the csv-stringify writer made, for every filter and sort", async () => {
    for (const kind of ["events", "sources"] as const) {
      for (const qs of QUERIES) {
        const r = await bothWriters(t.prisma, kind, qs);
        expect(r.copy, `${kind}.csv?${qs}`).toBe(r.reference);
        expect(r.copyBytes, `${kind}.csv?${qs}`).toBe(r.referenceBytes);
      }
    }
  });

  it("hold the hostile rows (so the comparison above covers them) and never a draft or a deleted event", async () => {
    const { copy } = await bothWriters(t.prisma, "events", "retracted=include");
    for (const id of HOSTILE_IDS.slice(0, 3)) expect(copy).toContain(`/events/${id},`);
    expect(copy).not.toContain("hostile-draft");
    expect(copy).not.toContain("hostile-deleted");
    expect(copy).toContain(`'-hostile-formula,${ORIGIN}/events/-hostile-formula,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(copy).toContain(",1e-7,-0.00001234,"); // as JavaScript writes them, not PostgreSQL's 1e-07 and -1.234e-05
    expect(copy).toContain(",0,-180,"); // a negative zero prints as 0
    const sources = (await bothWriters(t.prisma, "sources", "")).copy;
    expect(sources).toContain('"He said ""yes""\r\nthen left"'); // a quoted CRLF stays data
  });

  it("quote a cell holding a lone LF or CR, which the old writer left bare, splitting its record", async () => {
    const { copy } = await bothWriters(t.prisma, "sources", "");
    const rows = parse(copy, { columns: true }) as Record<string, string>[];
    const cell = rows.find((r) => r.event_id === "'-hostile-formula" && r.position === "3")!;
    expect([cell.quote, cell.note]).toEqual(["'\n", "'\r"]); // whole, neutralised, one record
    expect(copy).toContain(`,"'\n",`);
    // What csv-stringify wrote with the options the files were served with: the cell unquoted,
    // so a reader sees the record end inside it.
    const before = stringify([["a", "'\n", "b"]], EXPORT_FORMAT_BEFORE_COPY);
    expect(before).toBe("a,'\n,b\r\n");
    expect(parse(before, { relax_column_count: true })).toHaveLength(2);
  });
});
