// The API members kept in the export-ready rows (event_export.api_members, written by
// export_refresh from SQL pasted out of lib/api/event-json-sql.ts) are the members the API's
// expressions build from the event's rows, for every event and after every kind of change; and
// the list page reads them (and related, only where a link leads from or to the event) to the
// same bytes as the page built from the rows, also for an event whose row lacks them.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import type { SessionUser } from "../auth/roles";
import { createEvent } from "../events/mutations";
import { Prisma } from "../generated/prisma/client";
import { testEventInput } from "../testing/event-input";
import { createProvenanceEvent } from "../testing/provenance-export-fixture";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { STORED_MEMBERS, storedMembersSql } from "./event-json-sql";
import { handleListEvents } from "./events";
import { API_FIELDS } from "./fields";
import { createHostileEvents, hostileId } from "./hostile-events-fixture";
import { eventPageSql } from "./page-sql";

const ORIGIN = "https://tracker.example";
const t = setUpTestDatabase();
let editor: SessionUser;
beforeAll(async () => {
  process.env.PUBLIC_URL = ORIGIN;
  await seedDatabase(t.prisma);
  editor = await createSessionUser(t.prisma, "editor", "ed@example.org", "Ed");
  await createProvenanceEvent(t.prisma, editor);
  await createHostileEvents(t.prisma);
});

/**
 * Every event's stored members, next to the API's expressions evaluated now, with its row's JSON
 * columns (as the refresh has them) and without (built from the event's rows alone).
 */
async function expectStoredMembersLive() {
  const rows = await t.prisma.$queryRawUnsafe<{ id: string; stored: string[] | null; live: string[] }[]>(
    `SELECT e.id, x.api_members AS stored, ${storedMembersSql()} AS live
     FROM event e LEFT JOIN event_export x ON x.event_id = e.id ORDER BY e.id`,
  );
  const built = await t.prisma.$queryRawUnsafe<{ id: string; live: string[] }[]>(
    `SELECT e.id, ${storedMembersSql()} AS live
     FROM event e CROSS JOIN (SELECT NULL::json AS actors_json, NULL::json AS sources_json, NULL::int AS disputing_source_count) x
     ORDER BY e.id`,
  );
  expect(rows.length).toBeGreaterThan(20);
  for (const [i, r] of rows.entries()) {
    expect(r.stored, r.id).toHaveLength(STORED_MEMBERS.length);
    expect(r.stored, r.id).toEqual(r.live);
    expect(r.stored, r.id).toEqual(built[i].live);
  }
  return rows;
}

/** The page as the stored statement writes it, and as the one built from the rows does. */
async function bothPages(where: Prisma.Sql) {
  const page = (stored: boolean) =>
    t.prisma.$queryRaw<{ data: string; unready: boolean }[]>(
      eventPageSql({ where, sort: "date", limit: 100, cursor: null, fields: API_FIELDS, origin: ORIGIN }, { stored }),
    );
  const [[stored], [live]] = await Promise.all([page(true), page(false)]);
  return { stored, live };
}
const everyEvent = Prisma.sql`true`;

async function related(id: string): Promise<unknown> {
  const res = await handleListEvents(
    new Request(`${ORIGIN}/api/v1/events?updated_since=0001-01-01T00:00:00Z&retracted=include&limit=100`),
  );
  const { data } = (await res.json()) as { data: { id: string; related?: unknown }[] };
  return data.find((e) => e.id === id)?.related;
}

describe("the API members in the export rows", () => {
  it("are the API's expressions' values for every event of the seed and the hostile rows", async () => {
    const rows = await expectStoredMembersLive();
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([hostileId(0), hostileId(5)]));
    const { stored, live } = await bothPages(everyEvent);
    expect(stored.unready).toBe(false);
    expect(stored.data).toBe(live.data);
  });

  it("follow edits of the event, its sources, its actors and their captures made by plain SQL", async () => {
    const id = hostileId(1);
    await t.prisma
      .$executeRaw`UPDATE event SET title = title || ' (edited)', latitude = 2.5e-7, tags = NULL WHERE id = ${id}`;
    await t.prisma.$executeRaw`UPDATE source SET stance = 'disputes', note = E'a\\tnote' WHERE event_id = ${id}`;
    await t.prisma.$executeRaw`UPDATE actor SET name = name || ' renamed' WHERE slug = 'hostile-actor-1'`;
    await t.prisma.$executeRaw`UPDATE capture SET captured_at = '2024-02-29 23:59:59.123'`;
    await t.prisma.$executeRaw`DELETE FROM event_actor WHERE event_id = ${hostileId(2)}`;
    // A writer whose session rounds floats (extra_float_digits 0 prints 15 digits) stores the same text.
    await t.prisma.$transaction([
      t.prisma.$executeRaw`SET LOCAL extra_float_digits = 0`,
      t.prisma.$executeRaw`UPDATE event SET longitude = 0.1::float8 + 0.2::float8 WHERE id = ${hostileId(3)}`,
    ]);
    await expectStoredMembersLive();
    const { stored, live } = await bothPages(everyEvent);
    expect(stored.data).toContain("(edited)");
    expect(stored.data).toBe(live.data);
  });

  it("leave related to the page, shown both ways and only for links with public events", async () => {
    const [a, b, c, draft] = [hostileId(0), hostileId(1), hostileId(2), "2024-07-02-hostile-draft"];
    await createEvent(t.prisma, editor, testEventInput(draft, { title: "A draft linked to", actors: [], sources: [] }));
    await t.prisma.$executeRaw`INSERT INTO event_relation (from_event_id, to_event_id, kind)
      VALUES (${a}, ${b}, 'follows-up'), (${a}, ${draft}, 'responds-to'), (${c}, ${a}, 'responds-to')`;
    const flags = async (id: string) =>
      t.prisma.eventExport.findUniqueOrThrow({ where: { eventId: id }, select: { hasLinks: true } });
    expect(await flags(a)).toEqual({ hasLinks: true });
    // Only an incoming link: not in the CSV's related cell (has_links), but in the API's related member.
    expect(await flags(b)).toEqual({ hasLinks: false });
    expect(await related(a)).toEqual([
      { kind: "follows-up", direction: "outgoing", id: b },
      { kind: "responds-to", direction: "incoming", id: c },
    ]);
    expect(await related(b)).toEqual([{ kind: "follows-up", direction: "incoming", id: a }]);
    expect(await related(c)).toEqual([{ kind: "responds-to", direction: "outgoing", id: a }]);
    const { stored, live } = await bothPages(everyEvent);
    expect(stored.data).toBe(live.data);

    // The draft's publication shows its link without refreshing a's row, as the CSV's cell does.
    await t.prisma.$executeRaw`UPDATE event SET status = 'published', published_at = now() WHERE id = ${draft}`;
    expect(await related(a)).toContainEqual({ kind: "responds-to", direction: "outgoing", id: draft });
    expect((await bothPages(everyEvent)).stored.data).toBe((await bothPages(everyEvent)).live.data);

    await t.prisma.$executeRaw`UPDATE event_relation SET to_event_id = ${hostileId(3)} WHERE from_event_id = ${c}`;
    expect(await related(hostileId(3))).toEqual([{ kind: "responds-to", direction: "incoming", id: c }]);
    expect(await related(a)).not.toContainEqual({ kind: "responds-to", direction: "incoming", id: c });
    expect((await bothPages(everyEvent)).stored.data).toBe((await bothPages(everyEvent)).live.data);
    await t.prisma.$executeRaw`DELETE FROM event_relation`;
    for (const id of [a, b, c, draft, hostileId(3)]) expect(await flags(id), id).toEqual({ hasLinks: false });
    expect(await related(a)).toEqual([]);
    await expectStoredMembersLive();
  });

  it("when a row lacks them (before a backfill, or no row at all), the page is built from the rows", async () => {
    const qs = "updated_since=0001-01-01T00:00:00Z&retracted=include&limit=100";
    const page = async () => (await handleListEvents(new Request(`${ORIGIN}/api/v1/events?${qs}`))).text();
    const before = await page();
    await t.prisma.$executeRaw`UPDATE event_export SET api_members = NULL WHERE event_id = ${hostileId(4)}`;
    expect((await bothPages(everyEvent)).stored.unready).toBe(true);
    expect(await page()).toBe(before);
    await t.prisma.$executeRaw`DELETE FROM event_export WHERE event_id IN (${hostileId(4)}, ${hostileId(6)})`;
    expect((await bothPages(everyEvent)).stored.unready).toBe(true);
    expect(await page()).toBe(before);
  });
});
