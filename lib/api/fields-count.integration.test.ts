// The list endpoint's sparse `fields` and `include=count`, through the handler on a real
// PostgreSQL: what a caller receives, what is refused and how, and that a count is right for its
// filters, kept until the next publication and renewed by it.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { parseEventQuery } from "../events/query-params";
import { buildEventWhere } from "../events/where";
import { createProvenanceEvent } from "../testing/provenance-export-fixture";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { handleListEvents } from "./events";
import { API_FIELDS } from "./fields";
import { apiErrorSchema, apiEventListSchema } from "./schemas";

const ORIGIN = "https://tracker.example";
const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "ed@example.org", "Ed");
});

const get = (qs: string) => handleListEvents(new Request(`${ORIGIN}/api/v1/events?${qs}`));
const list = async (qs: string) => {
  const res = await get(qs);
  expect(res.status, qs).toBe(200);
  return JSON.parse(await res.text()) as {
    data: Record<string, unknown>[];
    nextCursor: string | null;
    meta?: { count: number };
  };
};
const refusal = async (qs: string) => {
  const res = await get(qs);
  expect(res.status, qs).toBe(400);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return apiErrorSchema.parse(await res.json()).error;
};

describe("fields=", () => {
  it("gives each event only the fields asked for, in the document's order, with the full answer's values", async () => {
    const full = await list("limit=10&sort=title");
    const sparse = await list("limit=10&sort=title&fields=date,title,id,actors&fields=title");
    expect(sparse.nextCursor).toBe(full.nextCursor);
    expect(sparse.data.map((e) => Object.keys(e))).toEqual(full.data.map(() => ["id", "title", "date", "actors"]));
    expect(sparse.data).toEqual(full.data.map((e) => ({ id: e.id, title: e.title, date: e.date, actors: e.actors })));
  });

  it("accepts every top-level key of the full shape; without fields the answer is the full shape", async () => {
    const full = await list("limit=3");
    expect(Object.keys(full.data[0])).toEqual(API_FIELDS);
    expect(await list(`limit=3&fields=${API_FIELDS.join(",")}`)).toEqual(full);
    for (const f of API_FIELDS) expect((await list(`limit=1&fields=${f}`)).data[0]).toEqual({ [f]: full.data[0][f] });
  });

  it("refuses an unknown or empty list with a 400 naming the bad fields", async () => {
    const bad = await refusal("fields=id,event_type,start_date,title");
    expect(bad.parameters).toEqual(["fields"]);
    expect(bad.message).toContain("“event_type”, “start_date”");
    expect(bad.message).toContain("eventType");
    expect((await refusal("fields=")).parameters).toEqual(["fields"]);
    expect((await refusal("fields=,,")).message).toMatch(/at least one field/);
    // With other bad parameters, every one is named.
    expect((await refusal("fields=nope&limit=0&include=all")).parameters.sort()).toEqual([
      "fields",
      "include",
      "limit",
    ]);
  });

  it("keeps a deleted event's tombstone whole for sync clients", async () => {
    const summit = "2023-09-13-kim-putin-vostochny-summit";
    await t.prisma.event.update({ where: { id: summit }, data: { deleted: true } });
    const { data } = await list("updated_since=2000-01-01T00:00:00Z&limit=100&fields=title");
    expect(data.find((e) => e.id === summit)).toEqual({ id: summit, deleted: true, lastChangedAt: expect.any(String) });
    expect(data.filter((e) => e.id !== summit).every((e) => Object.keys(e).join() === "title")).toBe(true);
    await t.prisma.event.update({ where: { id: summit }, data: { deleted: false } });
  });
});

describe("include=count", () => {
  const filters = [
    "",
    "type=arms-transfer",
    "claim=alleged&claim=denied",
    "actor=russia&from=2020",
    "q=missile",
    "retracted=include",
    "to=2010&sort=title",
    "updated_since=2000-01-01T00:00:00Z",
  ];
  it.each(filters)("counts every event the filters match, on every page alike: %s", async (qs) => {
    const { query } = parseEventQuery(new URLSearchParams(qs));
    const since = new URLSearchParams(qs).get("updated_since");
    const where = since
      ? { AND: [buildEventWhere(query, { forSync: true }), { updatedAt: { gte: new Date(since) } }] }
      : buildEventWhere(query);
    const expected = await t.prisma.event.count({ where });
    let page = await list(`${qs}&include=count&limit=2`);
    let seen = page.data.length;
    expect(page.meta).toEqual({ count: expected });
    while (page.nextCursor) {
      page = await list(`${qs}&include=count&limit=2&cursor=${page.nextCursor}`);
      expect(page.meta, "the same total on a later page").toEqual({ count: expected });
      seen += page.data.length;
    }
    expect(seen).toBe(expected);
    expect(apiEventListSchema.safeParse(page).success).toBe(true);
  });

  it("follows a merged actor's old slug to the actor it was merged into, as the pages do", async () => {
    const russia = await t.prisma.actor.findUniqueOrThrow({ where: { slug: "russia" } });
    await t.prisma.actorRedirect.create({ data: { oldSlug: "russian-federation-merged", actorId: russia.id } });
    const current = (await list("actor=russia&include=count")).meta!.count;
    expect(current).toBeGreaterThan(0);
    expect((await list("actor=russian-federation-merged&include=count")).meta).toEqual({ count: current });
    const { query } = parseEventQuery(new URLSearchParams("actor=russian-federation-merged"));
    expect(await t.prisma.event.count({ where: buildEventWhere(query) })).toBe(current);
  });

  it("is absent unless asked for, and an unknown include is a 400", async () => {
    expect(Object.keys(await list("limit=1"))).toEqual(["data", "nextCursor"]);
    const bad = await refusal("include=total,count");
    expect(bad).toEqual({ message: expect.stringContaining("“total”"), parameters: ["include"] });
  });

  it("is kept until the next publication, then counts again", async () => {
    const count = async () => (await list("q=provenance&include=count&limit=1")).meta!.count;
    const before = await count();
    // A row written without a publication (no bump of the public-data version) is not seen:
    // the count comes from memory, not from the database.
    await t.prisma
      .$executeRawUnsafe(`INSERT INTO event (id, title, summary, type, claim_status, start_date, precision, span_start, span_end, status, search_text, updated_at, published_at)
      VALUES ('quiet-provenance', 'Quiet', '', 'arms-transfer', 'alleged', '2020-01-01', 'day', '2020-01-01', '2020-01-01', 'published', 'provenance quiet', now(), now())`);
    expect(await count()).toBe(before);
    // A publication bumps the version: the next count sees both events.
    await createProvenanceEvent(t.prisma, editor, "2024-06-21-provenance-count");
    expect(await count()).toBe(before + 2);
  });
});
