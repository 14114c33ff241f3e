import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import type { SessionUser } from "../auth/roles";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "../export/csv";
import { csvBody } from "../export/csv-response";
import { createProvenanceEvent, DENIAL_QUOTE, PROVENANCE_EVENT_ID } from "../testing/provenance-export-fixture";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { importEvents } from "./import-events";

const ORIGIN = "https://tracker.example";

// The files as /events.csv and /sources.csv serve them (PostgreSQL's COPY of the export rows).
async function exportAll(prisma: PrismaClient) {
  const read = async (kind: "events" | "sources") =>
    new Response(
      await csvBody(kind, new URLSearchParams("retracted=include"), { client: prisma, origin: ORIGIN }),
    ).text();
  return { events: await read("events"), sources: await read("sources") };
}

// What an import cannot bring into another database: the quote checks and the copies they ran against.
const DERIVED = ["verified_quote_count", "quote_check", "copy_sha256", "copy_captured_at"];
const records = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];
const withoutDerived = (csv: string) =>
  records(csv).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !DERIVED.includes(k))));

async function userIn(t: TestDatabase, role: "contributor" | "editor"): Promise<SessionUser> {
  const u = await t.prisma.user.create({ data: { email: `${role}@example.org`, name: role, role } });
  return { id: u.id, email: u.email, name: u.name, role };
}

describe("CSV import", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let exported: { events: string; sources: string };
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedDatabase(source.prisma);
    // A note-only citation, a disputing source with a hostile note and a verified quote, a context source.
    const u = await source.prisma.user.create({
      data: { email: "editor@example.org", name: "editor", role: "editor" },
    });
    await createProvenanceEvent(source.prisma, { id: u.id, email: u.email, name: u.name, role: "editor" });
    exported = await exportAll(source.prisma);
  });
  afterAll(async () => {
    await source.drop();
    await target.drop();
  });

  it("checks a file with errors, lists them by row and column, and writes nothing", async () => {
    const editor = await userIn(target, "editor");
    const records = parse(exported.events, { columns: true }) as Record<string, string>[];
    records[0].event_type = "alien-invasion";
    records[1].start_date = "2023-02-30";
    const csv = stringify(records.slice(0, 3), { header: true, columns: [...EVENT_COLUMNS] });
    const report = await importEvents(target.prisma, editor, { eventsCsv: csv, status: "file", dryRun: false });
    expect(report.committed).toBe(false);
    expect(report.errors).toContainEqual(expect.objectContaining({ row: 2, column: "event_type" }));
    expect(report.errors).toContainEqual(expect.objectContaining({ row: 3, column: "start_date" }));
    expect(await target.prisma.event.count()).toBe(0);
    expect(await target.prisma.actor.count()).toBe(0);
  });

  it("reports a dry run exactly and writes nothing", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const report = await importEvents(target.prisma, editor, {
      eventsCsv: exported.events,
      sourcesCsv: exported.sources,
      status: "file",
      dryRun: true,
    });
    expect(report).toMatchObject({ rows: 31, created: 31, updated: 0, errors: [], committed: false });
    expect(await target.prisma.event.count()).toBe(0);
  });

  it("round-trips: export, import into an empty database, export again gives the same files", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const report = await importEvents(target.prisma, editor, {
      eventsCsv: exported.events,
      sourcesCsv: exported.sources,
      status: "file",
      dryRun: false,
    });
    expect(report).toMatchObject({ created: 31, errors: [], committed: true });
    const again = await exportAll(target.prisma);
    // Every column but the quote checks, which ran against copies that stay behind.
    expect(withoutDerived(again.events)).toEqual(withoutDerived(exported.events));
    expect(withoutDerived(again.sources)).toEqual(withoutDerived(exported.sources));
    expect(await target.prisma.revision.count({ where: { kind: "create" } })).toBe(31);
    const cited = (csv: string) =>
      records(csv)
        .filter((r) => r.event_id === PROVENANCE_EVENT_ID)
        .map((r) => [r.quote, r.note, r.stance, r.quote_check, r.copy_sha256]);
    expect(cited(exported.sources)[1]).toEqual([
      DENIAL_QUOTE,
      expect.stringMatching(/^'=HYPERLINK/),
      "disputes",
      "verified",
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(cited(again.sources)).toEqual(
      cited(exported.sources).map(([q, n, st, check]) => [q, n, st, check === "verified" ? "no_copy" : check, ""]),
    );
    expect(await target.prisma.capture.count()).toBe(0); // copies are never imported
    // E14's start is known to the month and its end to the day; every other end is as precise as its start.
    const dates = (csv: string) =>
      records(csv)
        .filter((r) => r.end_date_precision !== "")
        .map((r) => [r.id, r.start_date, r.end_date, r.date_precision, r.end_date_precision]);
    expect(dates(exported.events)).toEqual([
      ["2022-09-us-says-north-korea-ships-artillery-shells-to-russia", "2022-09-01", "2022-11-02", "month", "day"],
    ]);
    expect(dates(again.events)).toEqual(dates(exported.events));
    expect(
      await target.prisma.event.findUniqueOrThrow({
        where: { id: "2022-09-us-says-north-korea-ships-artillery-shells-to-russia" },
      }),
    ).toMatchObject({ endPrecision: "day", spanEnd: new Date("2022-11-02") });
  });

  it("is idempotent: importing the same files again changes nothing", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const revisions = await target.prisma.revision.count();
    const report = await importEvents(target.prisma, editor, {
      eventsCsv: exported.events,
      sourcesCsv: exported.sources,
      status: "file",
      dryRun: false,
    });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 31, committed: true });
    expect(await target.prisma.revision.count()).toBe(revisions);
  });

  it("re-imports an export into its own database without a change, keeping every source's copy", async () => {
    const editor = (await source.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const revisions = await source.prisma.revision.count();
    const report = await importEvents(source.prisma, editor, {
      eventsCsv: exported.events,
      sourcesCsv: exported.sources,
      status: "file",
      dryRun: false,
    });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 31, errors: [], committed: true });
    expect(await source.prisma.revision.count()).toBe(revisions);
    const again = await exportAll(source.prisma);
    expect(again.events).toBe(exported.events);
    expect(again.sources).toBe(exported.sources);
  });

  it("checks and re-imports the events file alone: existing events keep their sources, and the check says so", async () => {
    const editor = (await source.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const revisions = await source.prisma.revision.count();
    const check = await importEvents(source.prisma, editor, {
      eventsCsv: exported.events,
      status: "file",
      dryRun: true,
    });
    expect(check).toMatchObject({ rows: 31, created: 0, updated: 0, unchanged: 31, errors: [], committed: false });
    expect(check.notes).toEqual(["No sources file: the 31 existing events keep their sources."]);
    const report = await importEvents(source.prisma, editor, {
      eventsCsv: exported.events,
      status: "file",
      dryRun: false,
    });
    expect(report).toMatchObject({ rows: 31, unchanged: 31, errors: [], committed: true });
    expect(await source.prisma.revision.count()).toBe(revisions);
    const again = await exportAll(source.prisma);
    expect(again.events).toBe(exported.events);
    expect(again.sources).toBe(exported.sources);
  });

  it("keeps the sources of an existing event the sources file does not mention, and says so", async () => {
    const editor = (await source.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const sourcesCsv = stringify(
      records(exported.sources).filter((r) => r.event_id !== PROVENANCE_EVENT_ID),
      { header: true, columns: [...SOURCE_COLUMNS] },
    );
    const check = await importEvents(source.prisma, editor, {
      eventsCsv: exported.events,
      sourcesCsv,
      status: "file",
      dryRun: true,
    });
    expect(check).toMatchObject({ unchanged: 31, errors: [] });
    expect(check.notes).toEqual(["1 existing event that the sources file does not mention keeps its sources."]);
  });

  it("refuses an id holding a NUL by row, like any other field, when no sources file is given (fuzzing found it reaching PostgreSQL)", async () => {
    const editor = (await source.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const rows = records(exported.events)
      .slice(0, 1)
      .map((r) => ({ ...r, id: `${r.id}\u0000` }));
    const check = await importEvents(source.prisma, editor, {
      eventsCsv: stringify(rows, { header: true, columns: [...EVENT_COLUMNS] }),
      status: "file",
      dryRun: true,
    });
    expect(check.committed).toBe(false);
    expect(check.errors).toContainEqual(expect.objectContaining({ row: 2, column: "id" }));
  });

  it("never puts the uploaded file's name in a revision's note, which readers see", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const changed = records(exported.events).map((r) =>
      r.id === PROVENANCE_EVENT_ID ? { ...r, summary: `${r.summary} Updated.` } : r,
    );
    const options = {
      eventsCsv: stringify(changed, { header: true, columns: [...EVENT_COLUMNS] }),
      sourcesCsv: exported.sources,
      status: "file" as const,
      dryRun: false,
      fileName: "leads-from-our-informant-in-pyongyang.csv",
    };
    const report = await importEvents(target.prisma, editor, options);
    expect(report).toMatchObject({ updated: 1, errors: [], committed: true });
    const revision = await target.prisma.revision.findFirstOrThrow({
      where: { eventId: PROVENANCE_EVENT_ID },
      orderBy: { id: "desc" },
    });
    expect(revision.note).toBe("Imported from a CSV file");
  });

  it("makes an id for a new row without one, as the event form does, and says which", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const event = records(exported.events).find((r) => r.id === PROVENANCE_EVENT_ID)!;
    const row = {
      ...event,
      id: "",
      title: "An event without an id",
      start_date: "2024-07-01",
      date_precision: "day",
      end_date: "",
      end_date_precision: "",
      status: "draft",
    };
    const eventsCsv = stringify([row, { ...row, id: "  " }], { header: true, columns: [...EVENT_COLUMNS] });
    const check = await importEvents(target.prisma, editor, { eventsCsv, status: "file", dryRun: true });
    expect(check).toMatchObject({ created: 2, errors: [] });
    const report = await importEvents(target.prisma, editor, { eventsCsv, status: "file", dryRun: false });
    expect(report).toMatchObject({ created: 2, errors: [], committed: true });
    expect(report.notes).toEqual([
      "Row 2 had no id; the new event's id is 2024-07-01-an-event-without-an-id.",
      "Row 3 had no id; the new event's id is 2024-07-01-an-event-without-an-id-2.",
    ]);
    // The same file again makes two more: a row without an id is always a new event.
    const again = await importEvents(target.prisma, editor, { eventsCsv, status: "file", dryRun: false });
    expect(again).toMatchObject({ created: 2, updated: 0, committed: true });
    expect(await target.prisma.event.count({ where: { title: "An event without an id" } })).toBe(4);
  });

  it("refuses a published quote changed so that its copy does not hold it, by row and column", async () => {
    const editor = (await source.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const sources = records(exported.sources).map((r) =>
      r.event_id === PROVENANCE_EVENT_ID && r.position === "2"
        ? { ...r, quote: DENIAL_QUOTE.replace("never", "not") }
        : r,
    );
    const report = await importEvents(source.prisma, editor, {
      eventsCsv: exported.events,
      sourcesCsv: stringify(sources, { header: true, columns: [...SOURCE_COLUMNS] }),
      status: "file",
      dryRun: false,
    });
    const row = records(exported.events).findIndex((r) => r.id === PROVENANCE_EVENT_ID) + 2;
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      {
        row,
        column: "sources.csv, quote",
        message: expect.stringMatching(
          /quote of source 2 was not found in the captured copy\. An import cannot confirm that/,
        ),
      },
    ]);
  });

  it("reads note and stance, needs a quote or a note per citation, and a quote or note column", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const event = records(exported.events).find((r) => r.id === PROVENANCE_EVENT_ID)!;
    const eventsCsv = stringify([{ ...event, id: "2024-06-21-note-and-stance", status: "draft" }], {
      header: true,
      columns: [...EVENT_COLUMNS],
    });
    const rows = [
      {
        event_id: "2024-06-21-note-and-stance",
        position: "1",
        title: "Report",
        note: "Says the shipment left in June.",
        source_type: "news",
      },
      {
        event_id: "2024-06-21-note-and-stance",
        position: "2",
        title: "Denial",
        quote: "We deny it.",
        stance: "disputes",
        source_type: "official",
      },
    ];
    const ok = await importEvents(target.prisma, editor, {
      eventsCsv,
      sourcesCsv: stringify(rows, {
        header: true,
        columns: ["event_id", "position", "title", "quote", "note", "stance", "source_type"],
      }),
      status: "file",
      dryRun: false,
    });
    expect(ok).toMatchObject({ created: 1, errors: [], committed: true });
    const saved = await target.prisma.source.findMany({
      where: { eventId: "2024-06-21-note-and-stance" },
      orderBy: { position: "asc" },
    });
    expect(saved.map((s) => [s.quote, s.note, s.stance, s.quoteCheck])).toEqual([
      [null, "Says the shipment left in June.", "supports", "no_quote"],
      ["We deny it.", null, "disputes", "no_copy"],
    ]);

    const neither = [rows[0], { ...rows[1], quote: "" }];
    const bad = await importEvents(target.prisma, editor, {
      eventsCsv,
      sourcesCsv: stringify(neither, {
        header: true,
        columns: ["event_id", "position", "title", "quote", "note", "stance", "source_type"],
      }),
      status: "file",
      dryRun: true,
    });
    expect(bad.errors).toEqual([
      {
        row: 2,
        column: "sources.csv, source 2, quote",
        message: "Quote the source's own words, or say in a note what it supports",
      },
    ]);
    const noColumn = await importEvents(target.prisma, editor, {
      eventsCsv,
      sourcesCsv: stringify(rows, { header: true, columns: ["event_id", "position", "title", "source_type"] }),
      status: "file",
      dryRun: true,
    });
    expect(noColumn.fileError).toMatch(/lacks the columns quote and note/);
  });

  it("makes a contributor's rows drafts and refuses what they may not change", async () => {
    const contributor = await userIn(target, "contributor");
    const report = await importEvents(target.prisma, contributor, {
      eventsCsv: exported.events,
      status: "file",
      dryRun: true,
    });
    expect(report.errors.length).toBeGreaterThan(0); // the events exist and are not their drafts
    expect(report.committed).toBe(false);
    await expect(
      importEvents(target.prisma, null, { eventsCsv: exported.events, status: "file", dryRun: true }),
    ).rejects.toThrow(/Sign in/);
  });
});
