import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import type { SessionUser } from "../auth/roles";
import { parseEventQuery } from "../events/query-params";
import { buildEventWhere } from "../events/where";
import { csvStream, EVENT_COLUMNS, eventRecord, SOURCE_COLUMNS, sourceRecords } from "../export/csv";
import { iterateEvents } from "../export/iterate";
import type { PrismaClient } from "../generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { importEvents } from "./import-events";

const ORIGIN = "https://tracker.example";

async function exportAll(prisma: PrismaClient) {
  const q = parseEventQuery(new URLSearchParams("retracted=include")).query;
  const events = await new Response(csvStream(iterateEvents(prisma, buildEventWhere(q), q.sort), (e) => [eventRecord(e, ORIGIN)], EVENT_COLUMNS, false)).text();
  const sources = await new Response(csvStream(iterateEvents(prisma, buildEventWhere(q), q.sort), (e) => sourceRecords(e, ORIGIN), SOURCE_COLUMNS, false)).text();
  return { events, sources };
}

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
    const report = await importEvents(target.prisma, editor, { eventsCsv: exported.events, sourcesCsv: exported.sources, status: "file", dryRun: true });
    expect(report).toMatchObject({ rows: 30, created: 30, updated: 0, errors: [], committed: false });
    expect(await target.prisma.event.count()).toBe(0);
  });

  it("round-trips: export, import into an empty database, export again gives the same files", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const report = await importEvents(target.prisma, editor, { eventsCsv: exported.events, sourcesCsv: exported.sources, status: "file", dryRun: false });
    expect(report).toMatchObject({ created: 30, errors: [], committed: true });
    const again = await exportAll(target.prisma);
    expect(again.events).toBe(exported.events);
    expect(again.sources).toBe(exported.sources);
    expect(await target.prisma.revision.count({ where: { kind: "create" } })).toBe(30);
  });

  it("is idempotent: importing the same files again changes nothing", async () => {
    const editor = (await target.prisma.user.findFirstOrThrow({ where: { role: "editor" } })) as unknown as SessionUser;
    const revisions = await target.prisma.revision.count();
    const report = await importEvents(target.prisma, editor, { eventsCsv: exported.events, sourcesCsv: exported.sources, status: "file", dryRun: false });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 30, committed: true });
    expect(await target.prisma.revision.count()).toBe(revisions);
  });

  it("makes a contributor's rows drafts and refuses what they may not change", async () => {
    const contributor = await userIn(target, "contributor");
    const report = await importEvents(target.prisma, contributor, { eventsCsv: exported.events, status: "file", dryRun: true });
    expect(report.errors.length).toBeGreaterThan(0); // the events exist and are not their drafts
    expect(report.committed).toBe(false);
    await expect(importEvents(target.prisma, null, { eventsCsv: exported.events, status: "file", dryRun: true })).rejects.toThrow(/Sign in/);
  });
});
