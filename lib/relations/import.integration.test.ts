// The import's `related` column against a real PostgreSQL: links to events in the database or
// anywhere in the file, row errors for what cannot be linked (and then nothing at all written),
// a revision on each linked event, and the same file imported again changing nothing.
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { importEvents } from "../import/import-events";
import { setUpTestDatabase } from "../testing/test-database";
import { tableFingerprints } from "../testing/fuzz/actions";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
const VETO_2022 = "2022-05-26-russia-china-veto-dprk-sanctions";
const COLUMNS = [
  "id",
  "title",
  "summary",
  "event_type",
  "claim_status",
  "start_date",
  "date_precision",
  "actors",
  "related",
];

const row = (id: string, related: string) => ({
  id,
  title: `Imported ${id}`,
  summary: "Something happened.",
  event_type: "summit-meeting",
  claim_status: "confirmed",
  start_date: "2024-03-01",
  date_precision: "day",
  actors: "North Korea (participant)",
  related,
});
const csv = (rows: ReturnType<typeof row>[]) => stringify(rows, { header: true, columns: COLUMNS });
const run = (rows: ReturnType<typeof row>[], dryRun = false) =>
  importEvents(t.prisma, editor, { eventsCsv: csv(rows), status: "draft", dryRun });
const links = (from: string) =>
  t.prisma.eventRelation.findMany({
    where: { fromEventId: from },
    orderBy: [{ kind: "asc" }, { toEventId: "asc" }],
    select: { kind: true, toEventId: true },
  });

beforeAll(async () => {
  const u = await t.prisma.user.create({
    data: { email: "editor@import-related.example", name: "editor", role: "editor" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
});

describe("the import's related column", () => {
  const file = [
    row("2024-03-01-imported-a", `responds-to:2024-03-01-imported-b | precedent-for:${VETO_2022}`),
    row("2024-03-01-imported-b", ""),
  ];

  it("reports each link it cannot make by row and column, and writes nothing", async () => {
    const before = await tableFingerprints(t.prisma);
    const report = await run([
      row("2024-03-01-imported-a", "causes:2024-03-01-imported-b | part-of:2024-03-01-imported-a"),
      row("2024-03-01-imported-b", "follows-up:2099-01-01-nothing-here | precedent-for"),
    ]);
    expect(report.committed).toBe(false);
    expect(report.errors).toEqual([
      {
        row: 2,
        column: "related",
        message: "“causes” is not a kind of relation; use one of responds-to, part-of, follows-up, precedent-for",
      },
      { row: 2, column: "related", message: "An event cannot be related to itself (part-of:2024-03-01-imported-a)." },
      {
        row: 3,
        column: "related",
        message:
          "“precedent-for” is not “kind:event id” (for example precedent-for:2022-05-26-russia-china-veto-dprk-sanctions)",
      },
      {
        row: 3,
        column: "related",
        message:
          "No event has the id 2099-01-01-nothing-here, in the database or in this file (follows-up:2099-01-01-nothing-here).",
      },
    ]);
    expect(await tableFingerprints(t.prisma)).toEqual(before);
  });

  it("checks a file without writing it", async () => {
    const before = await tableFingerprints(t.prisma);
    const report = await run(file, true);
    expect(report).toMatchObject({ created: 2, errors: [], committed: false });
    expect(report.notes).toContain("2 links between events added (the related column).");
    expect(await tableFingerprints(t.prisma)).toEqual(before);
  });

  it("links to an event later in the file and to one in the database, with a revision on the linking event", async () => {
    const report = await run(file);
    expect(report).toMatchObject({ created: 2, errors: [], committed: true });
    expect(await links("2024-03-01-imported-a")).toEqual([
      { kind: "responds_to", toEventId: "2024-03-01-imported-b" },
      { kind: "precedent_for", toEventId: VETO_2022 },
    ]);
    const revisions = await t.prisma.revision.findMany({
      where: { eventId: "2024-03-01-imported-a" },
      orderBy: { id: "asc" },
    });
    expect(revisions.map((r) => [r.kind, r.version])).toEqual([
      ["create", 1],
      ["update", 2],
    ]);
    expect(revisions[1].changes).toEqual([
      { field: "related", from: [], to: ["responds-to:2024-03-01-imported-b", `precedent-for:${VETO_2022}`] },
    ]);
    expect(revisions[1].note).toBe("Imported from a CSV file");
  });

  it("changes nothing when the same file is imported again, and only adds links (never removes one)", async () => {
    const again = await run(file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [], committed: true });
    expect(again.notes.join(" ")).not.toMatch(/links? between events added/);
    expect(await t.prisma.revision.count({ where: { eventId: "2024-03-01-imported-a" } })).toBe(2);
    const fewer = await run([
      row("2024-03-01-imported-a", "part-of:2024-03-01-imported-b"),
      row("2024-03-01-imported-b", ""),
    ]);
    expect(fewer.notes).toContain("1 link between events added (the related column).");
    expect((await links("2024-03-01-imported-a")).map((l) => l.kind)).toEqual([
      "responds_to",
      "part_of",
      "precedent_for",
    ]);
  });

  it("leaves links alone when the file has no related column", async () => {
    const plain = stringify([row("2024-03-01-imported-b", "")], {
      header: true,
      columns: COLUMNS.filter((c) => c !== "related"),
    });
    const report = await importEvents(t.prisma, editor, { eventsCsv: plain, status: "draft", dryRun: false });
    expect(report).toMatchObject({ errors: [], committed: true });
    expect(await links("2024-03-01-imported-a")).toHaveLength(3);
  });
});
