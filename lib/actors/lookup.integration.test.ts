// The actor type-ahead on a real PostgreSQL: what a reader typing into the filter gets back, and
// what the endpoint answers to bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-database";
import { handleActorLookup } from "./lookup-handler";
import { getActorNames, lookupActors } from "./lookup";

const t = setUpTestDatabase({ seed: true });

async function addEvent(
  id: string,
  status: "published" | "draft" | "retracted",
  actorSlugs: string[],
  deleted = false,
) {
  const actors = await t.prisma.actor.findMany({ where: { slug: { in: actorSlugs } }, select: { id: true } });
  await t.prisma.event.create({
    data: {
      id,
      title: `Lookup fixture ${id}`,
      summary: "Fixture",
      type: "statement-warning",
      claimStatus: "confirmed",
      startDate: new Date("2024-05-01"),
      precision: "day",
      spanStart: new Date("2024-05-01"),
      spanEnd: new Date("2024-05-01"),
      status,
      deleted,
      actors: { create: actors.map((a) => ({ actorId: a.id, role: "initiator" as const })) },
    },
  });
}

beforeAll(async () => {
  await t.prisma.actor.createMany({
    data: [
      {
        slug: "antonio-guterres",
        name: "António Guterres",
        kind: "person",
        countryCode: "PT",
        aliases: ["UN Secretary-General"],
      },
      { slug: "zoe-oberg", name: "ZOË ÖBERG", kind: "person", aliases: [] },
      { slug: "hidden-draft-actor", name: "Hidden Draftonly", kind: "person", aliases: [] },
      { slug: "hidden-deleted-actor", name: "Hidden Deletedonly", kind: "person", aliases: [] },
      { slug: "retracted-only-actor", name: "Hidden Retractedonly", kind: "person", aliases: [] },
      { slug: "percent-actor", name: "Fifty%_Percent", kind: "company", aliases: [] },
    ],
  });
  await addEvent("lookup-public", "published", ["antonio-guterres", "zoe-oberg", "percent-actor"]);
  await addEvent("lookup-draft", "draft", ["hidden-draft-actor"]);
  await addEvent("lookup-deleted", "published", ["hidden-deleted-actor"], true);
  await addEvent("lookup-retracted", "retracted", ["retracted-only-actor"]);
});

const slugs = async (q: string, limit = 10) => (await lookupActors(q, limit)).map((a) => a.slug);

describe("lookupActors", () => {
  it("finds actors by part of their name, ignoring case, with kind and country", async () => {
    expect(await lookupActors("LAVROV", 10)).toEqual([
      { slug: "sergei-lavrov", name: "Sergei Lavrov", kind: "person", country: "RU" },
    ]);
  });

  it("ignores accents both ways: typed without them, and typed with them", async () => {
    expect(await slugs("guterres")).toEqual(["antonio-guterres"]);
    expect(await slugs("Antonio")).toEqual(["antonio-guterres"]);
    expect(await slugs("zoe ob")).toEqual(["zoe-oberg"]);
    expect(await slugs("Zoë Öberg")).toEqual(["zoe-oberg"]);
    expect(await slugs("GUTÉRRES")).toEqual(["antonio-guterres"]);
  });

  it("finds actors by slug and by alias", async () => {
    expect(await slugs("sergei-shoigu")).toEqual(["sergei-shoigu"]);
    expect(await slugs("Sergey Shoygu")).toEqual(["sergei-shoigu"]);
    expect(await slugs("DPRK")).toContain("north-korea");
  });

  it("puts names that start with the text before names that only contain it", async () => {
    const found = await lookupActors("kim", 20);
    const starting = found.filter((a) => a.name.toLowerCase().startsWith("kim"));
    expect(starting.length).toBeGreaterThan(1);
    expect(found.slice(0, starting.length)).toEqual(starting);
    expect(starting.map((a) => a.name)).toEqual([...starting.map((a) => a.name)].sort());
  });

  it("returns only actors named in a published, undeleted event", async () => {
    expect(await slugs("Hidden")).toEqual([]);
    expect(await slugs("Draftonly")).toEqual([]);
  });

  it("takes wildcards literally and keeps to the limit", async () => {
    expect(await slugs("y%_p")).toEqual(["percent-actor"]);
    // As wildcards these would match "Dmitry Peskov" (y, one character, p) and many more.
    expect(await slugs("y_p")).toEqual([]);
    expect(await slugs("y%p")).toEqual([]);
    expect(await slugs("a", 3)).toHaveLength(3);
  });
});

describe("getActorNames", () => {
  it("names the public actors among the slugs and leaves out unknown and hidden ones", async () => {
    const names = await getActorNames(["sergei-lavrov", "no-such-actor", "hidden-draft-actor", "kim-jong-un"]);
    expect(names.map((a) => [a.slug, a.name])).toEqual([
      ["kim-jong-un", "Kim Jong-un"],
      ["sergei-lavrov", "Sergei Lavrov"],
    ]);
    expect(await getActorNames([])).toEqual([]);
  });
});

describe("GET /api/v1/actors", () => {
  const get = (qs: string, headers: Record<string, string> = {}) =>
    handleActorLookup(new Request(`https://tracker.example/api/v1/actors${qs}`, { headers }));

  it("answers JSON with CORS and a validator", async () => {
    const res = await get("?q=putin&limit=5");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({
      data: [{ slug: "vladimir-putin", name: "Vladimir Putin", kind: "person", country: "RU" }],
    });
    const again = await get("?q=putin&limit=5", { "if-none-match": res.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it.each([
    ["", "q"],
    ["?q=%20%20", "q"],
    ["?q=-%20-", "q"],
    ["?q=a%00b", "q"],
    [`?q=${"x".repeat(101)}`, "q"],
    ["?q=a&q=b", "q"],
    ["?q=kim&limit=0", "limit"],
    ["?q=kim&limit=21", "limit"],
    ["?q=kim&limit=ten", "limit"],
    ["?q=kim&limit=-1", "limit"],
  ])("refuses %s with a 400 naming %s", async (qs, param) => {
    const res = await get(qs);
    expect(res.status).toBe(400);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as { error: { message: string; parameters: string[] } };
    expect(body.error.parameters).toEqual([param]);
    expect(body.error.message).toMatch(param === "q" ? /\bq\b/ : /limit must be a whole number from 1 to 20/);
  });
});
