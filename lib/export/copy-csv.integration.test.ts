// The COPY writer against the writer it replaced (csv-reference.ts, csv-stringify over whole
// events read through Prisma), byte for byte: on the seed, on the provenance fixture and on
// hostile rows, for every filter and sort, both files, with and without the byte-order mark.
// One difference is deliberate: a cell holding a lone LF or CR is quoted now (see the last test).
// Then the COPY in another transaction's snapshot (a release's): it reads that moment, and its
// connection leaves its transaction before it goes back to the pool, however the COPY ends.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvenanceEvent } from "../testing/provenance-export-fixture";
import { setUpTestDatabase } from "../testing/test-database";
import { copyCsv, type CopyCsvOptions } from "./copy-csv";
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

describe("a COPY in an exported snapshot", () => {
  let pool: pg.Pool; // one connection, so each COPY runs on the one whose pid is known
  let pid: number;
  let observer: pg.Client;
  let exporter: pg.Client;
  let snapshot: string;
  const FAILED = "#failed";
  const opts = (more: Partial<CopyCsvOptions> = {}): CopyCsvOptions => ({
    header: "n",
    bom: false,
    onFailure: () => FAILED,
    snapshot,
    ...more,
  });
  const copyOf = (select: string) => `COPY (${select}) TO STDOUT WITH (FORMAT binary)`;
  const PROBE = copyOf("SELECT n::text || E'\\r\\n' FROM snapshot_probe ORDER BY n");
  // Far more than the sockets between PostgreSQL and the test can buffer (about 100 MB).
  const LARGE = copyOf("SELECT repeat('x', 100) || E'\\r\\n' FROM generate_series(1, 1000000)");
  const read = async (body: ReadableStream<Uint8Array>) => new Response(body).text();
  /** The pool's connection, seen from outside: idle and in no transaction. */
  const state = async (p = pid) =>
    (
      await observer.query<{ state: string; in_transaction: boolean }>(
        "SELECT state, xact_start IS NOT NULL AS in_transaction FROM pg_stat_activity WHERE pid = $1",
        [p],
      )
    ).rows;
  const gone = async (p: number) => {
    for (let i = 0; i < 50 && (await state(p)).length; i++) await new Promise((r) => setTimeout(r, 100));
    return (await state(p)).length === 0;
  };
  const connectionPid = async () => (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;

  beforeAll(async () => {
    observer = new pg.Client({ connectionString: t.url });
    await observer.connect();
    await observer.query("CREATE TABLE snapshot_probe (n int); INSERT INTO snapshot_probe VALUES (1), (2), (3)");
    exporter = new pg.Client({ connectionString: t.url });
    await exporter.connect();
    await exporter.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    snapshot = (await exporter.query<{ s: string }>("SELECT pg_export_snapshot() AS s")).rows[0].s;
    await observer.query("INSERT INTO snapshot_probe VALUES (4)"); // committed after the snapshot
    pool = new pg.Pool({ connectionString: t.url, max: 1 });
    pid = await connectionPid();
  });
  afterAll(async () => {
    await pool.end();
    await exporter.query("COMMIT");
    await exporter.end();
    await observer.end();
  });

  it("reads what the exporting transaction sees, and gives the connection back idle, with jit as it was", async () => {
    const jit = (await pool.query<{ jit: string }>("SHOW jit")).rows[0].jit;
    expect(await read(await copyCsv(pool, PROBE, opts()))).toBe("n\r\n1\r\n2\r\n3\r\n");
    expect(await state()).toEqual([{ state: "idle", in_transaction: false }]);
    expect(pool.idleCount).toBe(pool.totalCount);
    expect((await pool.query<{ jit: string }>("SHOW jit")).rows[0].jit).toBe(jit);
    expect(await connectionPid()).toBe(pid); // the same connection, reused
    // Without the snapshot, the record as it is now.
    expect(await read(await copyCsv(pool, PROBE, opts({ snapshot: undefined })))).toBe("n\r\n1\r\n2\r\n3\r\n4\r\n");
    expect(await state()).toEqual([{ state: "idle", in_transaction: false }]);
  });

  it("gives it back idle when the reader cancels while the server is still sending", async () => {
    const reader = (await copyCsv(pool, LARGE, opts())).getReader();
    await reader.read();
    await reader.read();
    expect(await state()).toEqual([{ state: "active", in_transaction: true }]); // held back by the reader
    await reader.cancel();
    expect(await state()).toEqual([{ state: "idle", in_transaction: false }]);
    expect(pool.idleCount).toBe(pool.totalCount);
    expect(await connectionPid()).toBe(pid);
  });

  it("closes it, never leaving it in its transaction, when the COPY fails midway", async () => {
    const failing = copyOf(
      "SELECT CASE WHEN i < 200000 THEN repeat('x', 100) ELSE (1 / (i - i))::text END || E'\\r\\n' FROM generate_series(1, 200000) i",
    );
    const text = await read(await copyCsv(pool, failing, opts()));
    expect(text.endsWith(`\r\n${FAILED}\r\n`)).toBe(true);
    expect(text.length).toBeLessThan(200000 * 102);
    expect(await gone(pid)).toBe(true);
    expect(pool.totalCount).toBe(0);
    pid = await connectionPid(); // the pool's new connection
    expect(await state()).toEqual([{ state: "idle", in_transaction: false }]);
  });

  it("rejects, and closes the connection, when the snapshot cannot be imported or the COPY fails at once", async () => {
    await expect(copyCsv(pool, PROBE, opts({ snapshot: "00000003-0000001B-1" }))).rejects.toThrow(/snapshot/);
    expect(await gone(pid)).toBe(true);
    pid = await connectionPid();
    await expect(copyCsv(pool, copyOf("SELECT (1 / 0)::text"), opts())).rejects.toThrow(/division by zero/);
    expect(await gone(pid)).toBe(true);
    pid = await connectionPid();
    expect(await state()).toEqual([{ state: "idle", in_transaction: false }]);
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
