// The export rows follow every kind of change in the transaction that makes it: after each
// change the COPY writer's files (which read only event_export and source_export) are still byte
// for byte the reference writer's (which reads the live tables), and show the change. Changes
// go through the app's mutations where it has them, else through plain SQL, as any writer would.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { createEvent, deleteEvent, transitionEvent, updateEvent } from "../events/mutations";
import { snapshotInclude, toSnapshot } from "../events/snapshot";
import { createProvenanceEvent, PROVENANCE_EVENT_ID } from "../testing/provenance-export-fixture";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { bothWriters } from "./export-rows-fixture";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
const ID = "2024-07-01-export-rows-subject";

beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "admin", "ed@example.org", "Ed");
});

/** Both files, compared with the reference writer; the COPY writer's text is returned. */
async function files() {
  const out: Record<string, string> = {};
  for (const kind of ["events", "sources"] as const) {
    const r = await bothWriters(t.prisma, kind, "retracted=include");
    expect(r.copy, kind).toBe(r.reference);
    out[kind] = r.copy;
  }
  return out as { events: string; sources: string };
}
const line = (csv: string, id: string) => csv.split("\r\n").find((l) => l.startsWith(`${id},`));
const current = async (id = ID) =>
  toSnapshot(await t.prisma.event.findUniqueOrThrow({ where: { id }, include: snapshotInclude }));
const version = async (id = ID) => (await t.prisma.event.findUniqueOrThrow({ where: { id } })).version;

describe("export rows", () => {
  it("were written for every seeded event (the seed writes through the mutations)", async () => {
    const count = await t.prisma.event.count();
    expect(count).toBeGreaterThan(20);
    expect(await t.prisma.eventExport.count()).toBe(count);
    expect(await t.prisma.sourceExport.count()).toBe(await t.prisma.source.count());
    await files();
  });

  it("follow a new event and its publication", async () => {
    const created = await createEvent(t.prisma, editor, {
      id: ID,
      title: "Export rows subject",
      summary: "First words.",
      type: "aid-trade",
      claimStatus: "confirmed",
      startDate: "2024-07-01",
      precision: "day",
      status: "draft",
      actors: [{ actor: "russia", role: "supplier" }],
      sources: [
        { url: "https://a.example", title: "A", publisher: "Pub A", sourceType: "news", quote: "q", language: "en" },
      ],
    });
    // A draft has its rows too (never exported: the files' filter leaves it out).
    expect((await t.prisma.eventExport.findUniqueOrThrow({ where: { eventId: ID } })).status).toBe("draft");
    expect(line((await files()).events, ID)).toBeUndefined();
    await transitionEvent(t.prisma, editor, ID, created.version, "publish");
    expect(line((await files()).events, ID)).toContain(
      "Export rows subject,First words.,aid-trade,confirmed,2024-07-01,,day,false",
    );
  });

  it("follow an edit of the event's own fields", async () => {
    await updateEvent(
      t.prisma,
      editor,
      ID,
      await version(),
      { ...(await current()), title: "=Renamed subject", latitude: -33.5, longitude: 0.00001 },
      { kind: "correction", note: "Title." },
    );
    expect(line((await files()).events, ID)).toContain(",'=Renamed subject,First words.,");
    expect(line((await files()).events, ID)).toContain(",-33.5,0.00001,");
  });

  it("follow its sources: added, changed, removed", async () => {
    const snap = await current();
    snap.sources = [
      ...snap.sources,
      {
        url: "https://b.example",
        title: "B",
        publisher: "Pub B",
        sourceType: "official",
        stance: "disputes",
        quote: "no",
        language: "en",
      },
    ];
    await updateEvent(t.prisma, editor, ID, await version(), snap, { kind: "update", note: "Source." });
    let f = await files();
    expect(line(f.events, ID)).toContain(",2,https://a.example | https://b.example,Pub A | Pub B,");
    expect(f.sources.split("\r\n").filter((l) => l.startsWith(`${ID},`))).toHaveLength(2);
    const now = await current();
    await updateEvent(
      t.prisma,
      editor,
      ID,
      await version(),
      { ...now, sources: [{ ...now.sources[1], publisher: "Pub B, renamed", stance: "supports" }] },
      { kind: "update", note: "Source." },
    );
    f = await files();
    expect(line(f.events, ID)).toContain(',1,https://b.example,"Pub B, renamed",');
    expect(f.sources.split("\r\n").filter((l) => l.startsWith(`${ID},`))).toEqual([
      expect.stringContaining(`,1,https://b.example,"Pub B, renamed",B,`),
    ]);
  });

  it("follow links added and removed by plain SQL, showing only those to public events", async () => {
    const published = await t.prisma.event.findFirstOrThrow({
      where: { status: "published", deleted: false, id: { not: ID } },
      orderBy: { id: "asc" },
    });
    const draft = await createEvent(t.prisma, editor, {
      id: `${ID}-draft`,
      title: "A draft linked to",
      summary: "Not public.",
      type: "aid-trade",
      claimStatus: "confirmed",
      startDate: "2024-07-02",
      precision: "day",
      status: "draft",
      actors: [],
      sources: [],
    });
    const hasLinks = async () => (await t.prisma.eventExport.findUniqueOrThrow({ where: { eventId: ID } })).hasLinks;
    expect(await hasLinks()).toBe(false);
    await t.prisma.$executeRaw`INSERT INTO event_relation (from_event_id, to_event_id, kind)
      VALUES (${ID}, ${published.id}, 'follows-up'), (${ID}, ${draft.id}, 'responds-to')`;
    expect(await hasLinks()).toBe(true);
    expect(line((await files()).events, ID)).toMatch(new RegExp(`,follows-up:${published.id}$`));
    await t.prisma
      .$executeRaw`DELETE FROM event_relation WHERE from_event_id = ${ID} AND to_event_id = ${published.id}`;
    expect(await hasLinks()).toBe(true); // the link to the draft remains, and does not show
    expect(line((await files()).events, ID)).toMatch(/,$/);
    await t.prisma.$executeRaw`DELETE FROM event_relation WHERE from_event_id = ${ID}`;
    expect(await hasLinks()).toBe(false);
    expect(line((await files()).events, ID)).toMatch(/,$/);
  });

  it("follow its actors, and an actor's new name on every event that names it", async () => {
    await updateEvent(
      t.prisma,
      editor,
      ID,
      await version(),
      {
        ...(await current()),
        actors: [
          { actor: "russia", role: "supplier" },
          { actor: "china", role: "recipient" },
        ],
      },
      { kind: "update", note: "Actors." },
    );
    expect(line((await files()).events, ID)).toContain(",China (recipient) | Russia (supplier),");
    const naming = await t.prisma.eventActor.count({ where: { actor: { slug: "china" } } });
    expect(naming).toBeGreaterThan(1);
    await t.prisma.actor.update({ where: { slug: "china" }, data: { name: "@People's Republic of China" } });
    const f = await files();
    expect(line(f.events, ID)).toContain(",'@People's Republic of China (recipient) | Russia (supplier),");
    expect(f.events.split("\r\n").filter((l) => l.includes("@People's Republic of China ("))).toHaveLength(naming);
    expect(f.events).not.toContain(",China (");
  });

  it("follow a capture's hash and time", async () => {
    const { captureId } = await createProvenanceEvent(t.prisma, editor);
    await t.prisma.capture.update({
      where: { id: captureId },
      data: { capturedAt: new Date("2026-01-02T03:04:05.006Z") },
    });
    const row = (await files()).sources
      .split("\r\n")
      .find((l) => l.startsWith(`${PROVENANCE_EVENT_ID},`) && l.includes(",2026-01-02T03:04:05.006Z"));
    expect(row).toBeDefined();
  });

  it("follow a retraction, a soft delete and a hard delete", async () => {
    const retracted = await transitionEvent(t.prisma, editor, ID, await version(), "retract", "Withdrawn.");
    expect(line((await files()).events, ID)).toContain(",retracted,");
    await deleteEvent(t.prisma, editor, ID, retracted.version);
    expect(line((await files()).events, ID)).toBeUndefined();
    await t.prisma.event.delete({ where: { id: ID } });
    expect(await t.prisma.eventExport.count({ where: { eventId: ID } })).toBe(0);
    expect(await t.prisma.sourceExport.count({ where: { eventId: ID } })).toBe(0);
  });

  it("are unchanged by a transaction rolled back", async () => {
    const before = await files();
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.actor.update({ where: { slug: "russia" }, data: { name: "Never committed" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await files()).toEqual(before);
  });

  it("are never left stale when an edit and an actor's rename run at once, in either order", async () => {
    const id = "2023-09-13-kim-putin-vostochny-summit";
    const [a, b] = [new pg.Client({ connectionString: t.url }), new pg.Client({ connectionString: t.url })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      for (const [first, second, n] of [
        [a, b, 1],
        [b, a, 2],
      ] as const) {
        await first.query("BEGIN");
        // `first` renames, or edits the event, and holds its transaction open…
        if (n === 1) await first.query("UPDATE actor SET name = $1 WHERE slug = 'vladimir-putin'", [`Putin ${n}`]);
        else await first.query("UPDATE event SET title = $1 WHERE id = $2", [`Summit ${n}`, id]);
        // …while `second` does the other change, which must wait for it, then see it.
        const waiting =
          n === 1
            ? second.query("UPDATE event SET title = $1 WHERE id = $2", [`Summit ${n}`, id])
            : second.query("UPDATE actor SET name = $1 WHERE slug = 'vladimir-putin'", [`Putin ${n}`]);
        await new Promise((r) => setTimeout(r, 300));
        await first.query("COMMIT");
        await waiting;
        const row = await t.prisma.eventExport.findUniqueOrThrow({ where: { eventId: id } });
        expect([row.title, row.actors?.includes(`Putin ${n} (host)`)]).toEqual([`Summit ${n}`, true]);
      }
      await files();
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
