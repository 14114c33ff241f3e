import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../lib/testing/test-database";
import { seedDatabase } from "../seed";
import { seedEvents } from "../seed-data/events";

// The article lives in the project's shared folder beside the repository (CI lays it there too).
const ARTICLE = process.env.SEED_ARTICLE_PATH ?? path.resolve(import.meta.dirname, "../../../shared/article/burton-2023-kim-putin-summit.txt");

async function snapshot(t: TestDatabase) {
  const rows = async (table: string) => t.prisma.$queryRawUnsafe(`SELECT * FROM "${table}" ORDER BY 1, 2`);
  return { event: await rows("event"), source: await rows("source"), actor: await rows("actor"), event_actor: await rows("event_actor") };
}

describe("seed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("creates the 30 researched events, all published", async () => {
    expect(await seedDatabase(t.prisma)).toEqual({ created: 30, skipped: 0 });
    expect(await t.prisma.event.count({ where: { status: "published" } })).toBe(30);
  });

  it("is idempotent: a second run changes and duplicates nothing", async () => {
    const before = await snapshot(t);
    expect(await seedDatabase(t.prisma)).toEqual({ created: 0, skipped: 30 });
    expect(await snapshot(t)).toEqual(before);
  });

  it("gives every published event a source with a quote", async () => {
    const events = await t.prisma.event.findMany({ include: { sources: true } });
    for (const e of events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      expect(e.sources.some((s) => s.quote.trim().length > 0), e.id).toBe(true);
    }
  });

  it("quotes the article exactly", async () => {
    const article = await readFile(ARTICLE, "utf8");
    const articleSources = await t.prisma.source.findMany({ where: { author: "John Burton", url: null } });
    for (const s of articleSources) expect(article.includes(s.quote), s.quote).toBe(true);
    // Every event cites the article except the 2019 Vladivostok summit, which the article does
    // not mention (the research sheet gives it no quote; it is context for the 2023 summit).
    const withoutArticle = await t.prisma.event.findMany({ where: { sources: { none: { author: "John Burton", url: null } } } });
    expect(withoutArticle.map((e) => e.id)).toEqual([seedEvents.find((e) => e.ref === "E09")!.id]);
    expect(articleSources).toHaveLength(29);
  });

  it("keeps the facts the editorial flags call for", async () => {
    const get = (id: string) => t.prisma.event.findUniqueOrThrow({ where: { id }, include: { actors: { include: { actor: true } } } });
    const summit = await get("2023-09-13-kim-putin-vostochny-summit");
    expect(summit.startDate.toISOString().slice(0, 10)).toBe("2023-09-13");
    expect(summit.precision).toBe("day");
    const sullivan = await t.prisma.event.findFirstOrThrow({ where: { actors: { some: { actor: { name: { contains: "Sullivan" } } } } } });
    expect(sullivan.startDate.toISOString().slice(0, 10)).toBe("2023-09-05");
    const lavrov = await t.prisma.event.findFirstOrThrow({ where: { type: "sanctions-blocked", startDate: new Date("2023-09-13") } });
    expect(lavrov.searchText).toContain("lavrov");
    const veto2022 = await t.prisma.event.findFirstOrThrow({ where: { type: "sanctions-blocked", startDate: new Date("2022-05-26") } });
    expect(veto2022.precision).toBe("day");
    const borders = await t.prisma.event.findFirstOrThrow({ where: { type: "border-travel", startDate: new Date("2020-01-01") } });
    expect(borders.precision).toBe("month");
    const sixParty = await t.prisma.event.findFirstOrThrow({ where: { startDate: new Date("2003-08-27") }, include: { actors: { include: { actor: true } } } });
    expect(sixParty.actors.map((a) => a.actor.slug)).toContain("japan");
    // Before the June 2024 treaty, Russia–DPRK ties are not to be called an alliance.
    const both = (slug: string) => ({ actors: { some: { actor: { slug } } } });
    const all = await t.prisma.event.findMany({ where: { startDate: { lt: new Date("2024-06-01") }, AND: [both("russia"), both("north-korea")] } });
    expect(all.length).toBeGreaterThan(5);
    for (const e of all) expect(`${e.title} ${e.summary}`, e.id).not.toMatch(/\balliance\b/i);
  });

  it("matches the seed sheet's count of events", () => {
    expect(seedEvents).toHaveLength(30);
  });
});
