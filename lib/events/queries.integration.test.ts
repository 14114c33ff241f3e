import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overlaps, spanOf } from "./date-span";
import { setUpTestDatabase } from "../testing/test-database";
import { getEvent, getOverview, listEvents } from "./queries";
import { parseEventQuery } from "./query-params";

const list = (qs: string) => listEvents(parseEventQuery(new URLSearchParams(qs)).query);

describe("event queries on the seed data", () => {
  const t = setUpTestDatabase({ seed: true });

  it("lists every published event, newest first", async () => {
    const { rows, total } = await list("pageSize=100");
    expect(total).toBe(30);
    const starts = rows.map((r) => r.date.startDate);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("finds Sullivan's warning by name", async () => {
    const { rows } = await list("q=Sullivan");
    expect(rows.map((r) => r.date.startDate)).toContain("2023-09-05");
  });

  it("finds an actor's events by any alias", async () => {
    const byName = await list("q=North%20Korea&pageSize=100");
    const byAlias = await list("q=DPRK&pageSize=100");
    expect(byAlias.total).toBe(byName.total);
    expect((await list("q=kim%20jong%20un")).total).toBe((await list("q=Kim%20Jong-un")).total);
  });

  it("matches a month-precision event to a day inside its month", async () => {
    const { rows } = await list("from=2020-01-15&to=2020-01-15");
    expect(rows.some((r) => r.date.precision === "month" && r.date.startDate === "2020-01-01")).toBe(true);
  });

  it("matches a date range exactly when the event's span overlaps it (any range, any precision)", async () => {
    const all = (await list("pageSize=100")).rows;
    const day = fc
      .date({ min: new Date("1990-01-01"), max: new Date("2026-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    // Short ranges around month and year edges matter most, so offsets are mostly small.
    const offset = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 8000 }));
    await fc.assert(
      fc.asyncProperty(day, offset, async (from, days) => {
        const to = new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10);
        const got = (await list(`from=${from}&to=${to}&pageSize=100`)).rows.map((r) => r.id).sort();
        const expected = all
          .filter((r) => overlaps(spanOf(r.date), from, to))
          .map((r) => r.id)
          .sort();
        expect(got).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("filters by type and date range together", async () => {
    const { rows } = await list("type=summit-meeting&from=2023-09&to=2023-09");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.type).toBe("summit-meeting");
      expect(r.date.startDate <= "2023-09-30").toBe(true);
    }
    expect(rows.map((r) => r.id)).toContain("2023-09-13-kim-putin-vostochny-summit");
  });

  it("filters by actor slug", async () => {
    const { rows } = await list("actor=sergei-lavrov");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.actors.map((a) => a.slug)).toContain("sergei-lavrov");
  });

  it("pages through every event exactly once", async () => {
    const seen: { id: string; title: string }[] = [];
    for (let page = 1; page <= 4; page++) seen.push(...(await list(`sort=title&pageSize=8&page=${page}`)).rows);
    expect(seen).toHaveLength(30);
    expect(new Set(seen.map((r) => r.id)).size).toBe(30);
    // In title order, as the database's own collation sorts it.
    const expected = await t.prisma.$queryRaw<{ id: string }[]>`SELECT id FROM event ORDER BY title, id`;
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it("shows the last page for a page past the end", async () => {
    const r = await list("page=999&pageSize=10");
    expect(r.page).toBe(3);
    expect(r.rows).toHaveLength(10);
  });

  it("returns an event with its sources in order, and null for unknown ids", async () => {
    const e = await getEvent("2023-09-13-kim-putin-vostochny-summit");
    expect(e?.sources.length).toBeGreaterThan(1);
    expect(e?.sources.map((s) => s.position)).toEqual(e?.sources.map((_, i) => i));
    expect(await getEvent("no-such-event")).toBeNull();
    expect(await getEvent("../../etc/passwd")).toBeNull();
  });

  it("hides drafts from the public", async () => {
    await t.prisma.event.update({ where: { id: "2023-09-13-kim-putin-vostochny-summit" }, data: { status: "draft" } });
    expect(await getEvent("2023-09-13-kim-putin-vostochny-summit")).toBeNull();
    expect((await list("")).total).toBe(29);
    await t.prisma.event.update({
      where: { id: "2023-09-13-kim-putin-vostochny-summit" },
      data: { status: "published" },
    });
  });

  it("summarises the data for the overview", async () => {
    const o = await getOverview();
    expect(o.eventCount).toBe(30);
    expect(o.latest).toHaveLength(5);
    expect(o.firstYear).toBe(1994);
  });
});
