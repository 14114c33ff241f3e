// The list page written by PostgreSQL (lib/api/page-sql.ts) against the way it was built before
// (Prisma's where, loadExportEvents, presentEvent, JSON.stringify), byte for byte, page after
// page: the same rows in the same order, the same cursors, the same JSON text, on the seed data
// and on hostile rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import type { SessionUser } from "../auth/roles";
import { longestSpanDays } from "../events/longest-span";
import { parseEventQuery } from "../events/query-params";
import { buildEventWhere } from "../events/where";
import { pageOfEvents } from "../export/iterate";
import { decodeCursor, encodeCursor } from "../export/keyset";
import { createProvenanceEvent } from "../testing/provenance-export-fixture";
import { setUpTestDatabase } from "../testing/test-database";
import { DEFAULT_LIMIT, handleListEvents } from "./events";
import { createHostileEvents, HOSTILE_TEXT } from "./hostile-events-fixture";
import { presentEvent } from "./present";

const ORIGIN = "https://tracker.example";
const t = setUpTestDatabase();
beforeAll(async () => {
  process.env.PUBLIC_URL = ORIGIN;
  await seedDatabase(t.prisma);
  const u = await t.prisma.user.create({ data: { email: "ed@example.org", name: "Ed", role: "editor" } });
  const editor: SessionUser = { id: u.id, email: u.email, name: u.name, role: "editor" };
  await createProvenanceEvent(t.prisma, editor);
  await createHostileEvents(t.prisma);
});
afterAll(async () => {
  delete process.env.PUBLIC_URL;
});

/** The page as the API built it before issue 13. */
async function before(qs: string): Promise<string> {
  const params = new URLSearchParams(qs);
  const { query } = parseEventQuery(params);
  const since = params.get("updated_since") ? new Date(params.get("updated_since")!) : null;
  const sort = since ? "updated" : query.sort;
  const cursor = params.get("cursor") ? decodeCursor(params.get("cursor")!, sort) : null;
  const longest = query.fromDay ? await longestSpanDays(t.prisma) : undefined;
  const where = since
    ? { AND: [buildEventWhere(query, { forSync: true, longestSpanDays: longest }), { updatedAt: { gte: since } }] }
    : buildEventWhere(query, { longestSpanDays: longest });
  const { events, next } = await pageOfEvents(
    t.prisma,
    where,
    sort,
    Number(params.get("limit") ?? DEFAULT_LIMIT),
    cursor,
  );
  return JSON.stringify({
    data: events.map((e) => presentEvent(e, ORIGIN)),
    nextCursor: next ? encodeCursor(next) : null,
  });
}

/** Every page of a query through the handler, each compared with the old build; the pages' event counts. */
async function expectSameEveryPage(qs: string): Promise<number[]> {
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const pageQs: string = cursor ? `${qs}&cursor=${cursor}` : qs;
    const res = await handleListEvents(new Request(`${ORIGIN}/api/v1/events?${pageQs}`));
    expect(res.status, pageQs).toBe(200);
    const text = await res.text();
    expect(text, pageQs).toBe(await before(pageQs));
    const body = JSON.parse(text) as { data: unknown[]; nextCursor: string | null };
    sizes.push(body.data.length);
    cursor = body.nextCursor;
  } while (cursor && sizes.length < 100);
  return sizes;
}

describe("the SQL-built list page", () => {
  const queries = [
    "",
    "limit=100",
    "limit=3",
    "limit=4&sort=date",
    "limit=5&sort=title",
    "limit=5&sort=-title",
    "limit=4&retracted=include",
    "q=missile&limit=2",
    "q=hostile",
    "type=arms-transfer&type=summit-meeting&limit=3",
    "claim=alleged&claim=denied",
    "actor=russia&limit=2",
    "actor=hostile-actor-2",
    "from=2019&to=2022-10&limit=2",
    "from=0099-04",
    "to=1000",
    "updated_since=0001-01-01T00:00:00Z&limit=4",
    "updated_since=2000-01-01T00:00:00Z&retracted=include&limit=7&q=hostile",
  ];
  it.each(queries)("is byte-identical to presentEvent's, page after page: %s", async (qs) => {
    const sizes = await expectSameEveryPage(qs);
    expect(
      sizes.reduce((a, b) => a + b, 0),
      qs,
    ).toBeGreaterThan(0);
  });

  it("carries every hostile row, its tombstone and its escapes through", async () => {
    const text = await (
      await handleListEvents(
        new Request(`${ORIGIN}/api/v1/events?updated_since=0001-01-01T00:00:00Z&q=hostile&limit=100`),
      )
    ).text();
    const { data } = JSON.parse(text) as {
      data: { id: string; deleted?: boolean; summary?: string; latitude?: number | null; date?: { display: string } }[];
    };
    expect(data).toHaveLength(11);
    expect(data.find((e) => e.id === "hostile-05")).toEqual({
      id: "hostile-05",
      deleted: true,
      lastChangedAt: expect.any(String),
    });
    expect(data.find((e) => e.id === "hostile-01")!).toMatchObject({ summary: HOSTILE_TEXT, place: HOSTILE_TEXT });
    expect(text).toContain(String.raw`\u0001\u001f\b\f\n\r\t`);
    expect(data.map((e) => e.latitude)).toContain(1e-7);
    expect(data.map((e) => e.date?.display)).toEqual(
      expect.arrayContaining([
        "27–28 February 2019",
        "30 September – 2 November 2022",
        "c. 5 May 2020",
        "January 2020 – 1 January 2020",
        "1",
        "September 2022 – 2 November 2022",
        "4 March 99 – 6 May 99",
      ]),
    );
  });

  // Last: it empties the export-ready rows.
  it("reads actors and sources from the export-ready rows, and builds the same bytes for an event that has none", async () => {
    const qs = "updated_since=0001-01-01T00:00:00Z&retracted=include&limit=100";
    const withRows = await (await handleListEvents(new Request(`${ORIGIN}/api/v1/events?${qs}`))).text();
    const exportRows = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM event_export");
    await t.prisma.$executeRawUnsafe("DELETE FROM event_export");
    const without = await (await handleListEvents(new Request(`${ORIGIN}/api/v1/events?${qs}`))).text();
    expect(without).toBe(withRows);
    expect(without).toBe(await before(qs));
    expect(Number(exportRows[0].n), "the export triggers filled event_export").toBeGreaterThan(0);
  });
});
