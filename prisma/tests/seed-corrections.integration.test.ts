// Databases seeded before issue 12 receive the seed's corrections through `npm run db:seed`: once,
// as public revisions by nobody, never over an editor's work.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/roles";
import { updateEvent } from "../../lib/events/mutations";
import type { EventInput } from "../../lib/events/schemas";
import { snapshotInclude, toSnapshot } from "../../lib/events/snapshot";
import { createTestDatabase, type TestDatabase } from "../../lib/testing/test-database";
import { seedDatabase, type SeedReport } from "../seed";
import { COPY_ATTACHED_NOTE, NOTE_MOVED_NOTE, seedCorrectionNotes } from "../seed-data/corrections";
import { seedEvents } from "../seed-data/events";
import { seedAsBefore } from "./previous-seed";
import { seedTables } from "./seed-tables";

const idOf = (ref: string) => seedEvents.find((e) => e.ref === ref)!.id;
const publicVersion = async (t: TestDatabase) =>
  Number((await t.prisma.publicChange.findUniqueOrThrow({ where: { id: 1 } })).version);
const stateOf = async (t: TestDatabase, id: string) =>
  toSnapshot(await t.prisma.event.findUniqueOrThrow({ where: { id }, include: snapshotInclude }));
/** Actors in one order: a snapshot keeps the order they were given in, the database its own. */
const sorted = (s: EventInput) => ({
  ...s,
  actors: [...s.actors].sort((a, b) => `${a.actor} ${a.role}`.localeCompare(`${b.actor} ${b.role}`)),
});
/** An event's content, without the capture id (a number each database gives its own copy). */
const contentOf = async (t: TestDatabase, id: string) => {
  const s = sorted(await stateOf(t, id));
  return { ...s, sources: s.sources.map(({ captureId, ...rest }) => ({ ...rest, copied: captureId !== undefined })) };
};

describe("seed, on a database the previous seed wrote", () => {
  let t: TestDatabase;
  let fresh: TestDatabase;
  let editor: SessionUser;
  let report: SeedReport;
  const EDITED = idOf("E07");

  beforeAll(async () => {
    [t, fresh] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedAsBefore(t.prisma);
    await seedDatabase(fresh.prisma);
    const u = await t.prisma.user.create({ data: { email: "editor@example.org", name: "Editor", role: "editor" } });
    editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
    const e07 = await stateOf(t, EDITED);
    await updateEvent(
      t.prisma,
      editor,
      EDITED,
      1,
      { ...e07, summary: `${e07.summary} (An editor's own wording.)` },
      { kind: "correction", note: "An editor's fix" },
    );
  });
  afterAll(() => Promise.all([t.drop(), fresh.drop()]));

  it("brings every seed event no editor touched up to today's data, as one correction each by nobody", async () => {
    const before = new Map(
      await Promise.all(
        seedEvents.map(async (e) => [e.id, await t.prisma.event.findUniqueOrThrow({ where: { id: e.id } })] as const),
      ),
    );
    const version = await publicVersion(t);
    report = await seedDatabase(t.prisma);
    expect(report).toMatchObject({ created: 0, unchanged: 0, leftAlone: [{ id: EDITED, ref: "E07" }] });
    expect(report.changed).toHaveLength(29);
    // One bump per correction, and one for the links between events the earlier seed did not make.
    expect(await publicVersion(t)).toBe(version + 29 + 1);
    expect(await t.prisma.eventRelation.count()).toBeGreaterThan(0);
    for (const change of report.changed) {
      // Every event had notes shown as quotes, so every change is a correction readers see.
      expect(change.kind, change.ref).toBe("correction");
      const now = await t.prisma.event.findUniqueOrThrow({
        where: { id: change.id },
        include: { revisions: { orderBy: { id: "asc" } } },
      });
      expect(now.version, change.ref).toBe(2);
      expect(now.updatedAt.getTime(), change.ref).toBeGreaterThan(before.get(change.id)!.updatedAt.getTime());
      expect(now.publishedAt, change.ref).toEqual(before.get(change.id)!.publishedAt);
      const last = now.revisions.at(-1)!;
      expect(last, change.ref).toMatchObject({ kind: "correction", userId: null, version: 2, note: change.note });
      expect(sorted(last.snapshot as unknown as EventInput), change.ref).toEqual(
        JSON.parse(JSON.stringify(sorted(await stateOf(t, change.id)))),
      );
      // The result is what a fresh seed writes.
      expect(await contentOf(t, change.id), change.ref).toEqual(await contentOf(fresh, change.id));
    }
  });

  it("tells readers what was corrected, with each field from → to", async () => {
    const e14 = report.changed.find((c) => c.ref === "E14")!;
    expect(e14.note).toBe(`${seedCorrectionNotes.E14} ${NOTE_MOVED_NOTE} ${COPY_ATTACHED_NOTE}`);
    const revision = await t.prisma.revision.findFirstOrThrow({ where: { eventId: e14.id }, orderBy: { id: "desc" } });
    const changes = revision.changes as { field: string; from: unknown; to: unknown }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: "precision", from: "day", to: "month" },
        { field: "endPrecision", from: null, to: "day" },
        { field: "approximate", from: true, to: false },
      ]),
    );
    // The known end stays as it was: 2 November 2022.
    expect(changes.map((c) => c.field)).not.toContain("endDate");
    // The article gets its copy, two notes leave the quote field, three denials are added.
    expect(changes.filter((c) => c.field.startsWith("sources[")).length).toBe(6);
    expect(report.changed.find((c) => c.ref === "E09")!.note).toBe(NOTE_MOVED_NOTE); // cites no article, corrects no fact
    const sources = await t.prisma.source.findMany({ where: { author: "John Burton", url: null } });
    expect(sources.filter((s) => s.quoteCheck === "verified")).toHaveLength(28); // the edited E07 keeps its own
  });

  it("leaves the event an editor changed exactly as the editor left it", async () => {
    const e07 = await t.prisma.event.findUniqueOrThrow({
      where: { id: EDITED },
      include: { revisions: { orderBy: { id: "asc" } } },
    });
    expect(e07.summary).toMatch(/An editor's own wording\.\)$/);
    expect(e07.version).toBe(2);
    expect(e07.revisions.map((r) => r.userId)).toEqual([null, editor.id]);
  });

  it("changes nothing when run again", async () => {
    const tables = await seedTables(t.prisma);
    expect(await seedDatabase(t.prisma)).toEqual({
      created: 0,
      changed: [],
      unchanged: 29,
      leftAlone: [{ id: EDITED, ref: "E07" }],
    });
    expect(await seedTables(t.prisma)).toEqual(tables);
  });
});

// The provenance migration's data step, as it ran on databases seeded before it: the same SQL.
async function runProvenanceDataMove(url: string) {
  const sql = await readFile(
    path.resolve(import.meta.dirname, "../migrations/20261201000552_provenance/migration.sql"),
    "utf8",
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`BEGIN; ${sql.slice(sql.indexOf("-- Data:"))} COMMIT;`);
  } finally {
    await client.end();
  }
}

describe("seed, on a database the previous seed wrote and the provenance migration then fixed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedAsBefore(t.prisma);
    await runProvenanceDataMove(t.url);
  });
  afterAll(() => t.drop());

  it("attaches the article's copy as an update, and corrects facts as a correction carrying both notes", async () => {
    const report = await seedDatabase(t.prisma);
    expect(report).toMatchObject({ created: 0, unchanged: 1, leftAlone: [] }); // E09: no article, no correction
    const byRef = new Map(report.changed.map((c) => [c.ref, c]));
    expect(byRef.get("E05")).toMatchObject({ kind: "update", note: COPY_ATTACHED_NOTE });
    expect(byRef.get("E26")).toMatchObject({
      kind: "correction",
      note: `${seedCorrectionNotes.E26} ${COPY_ATTACHED_NOTE}`,
    });
    for (const c of report.changed) expect(c.kind, c.ref).toBe(c.ref in seedCorrectionNotes ? "correction" : "update");
    const e05 = await t.prisma.event.findUniqueOrThrow({
      where: { id: idOf("E05") },
      include: { revisions: { orderBy: { id: "asc" } } },
    });
    expect(e05.revisions.map((r) => [r.kind, r.version, r.userId])).toEqual([
      ["publish", 1, null],
      ["correction", 2, null],
      ["update", 3, null],
    ]);
    expect(await seedDatabase(t.prisma)).toMatchObject({ changed: [], unchanged: 30 });
  });
});
