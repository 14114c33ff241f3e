// The API's statements are prepared once per connection (lib/statement-names.ts): answers stay
// those of a fresh plan for each request's values, and however many different statements callers
// ask for, a connection keeps at most MAX_NAMED of them in the database server's memory.
import { beforeAll, describe, expect, it } from "vitest";
import { readPool } from "../db";
import { setUpTestDatabase } from "../testing/test-database";
import { MAX_NAMED } from "../statement-names";
import { handleListEvents } from "./events";
import { API_FIELDS } from "./fields";

const t = setUpTestDatabase({ seed: true });
beforeAll(() => {
  // One connection, so what it holds is what every request prepared.
  process.env.DATABASE_POOL_SIZE = "1";
});

const list = async (qs: string) => {
  const res = await handleListEvents(new Request(`https://tracker.example/api/v1/events?${qs}`));
  expect(res.status, qs).toBe(200);
  return (JSON.parse(await res.text()) as { data: { id: string }[] }).data.map((e) => e.id);
};

describe("prepared statements of the API", () => {
  it("run on connections that plan each execution for its own values, and give each filter its own rows from one statement", async () => {
    const byType = async (type: string) =>
      (await t.prisma.event.findMany({ where: { status: "published", deleted: false, type }, select: { id: true } }))
        .map((e) => e.id)
        .sort();
    // More than five runs of one text: PostgreSQL would otherwise consider a plan made once for any values.
    for (let i = 0; i < 3; i++)
      for (const type of ["summit-meeting", "arms-transfer", "sanctions-imposed"])
        expect((await list(`type=${type}&limit=100`)).sort()).toEqual(await byType(type));
    const settings = await readPool().query<{ plan_cache_mode: string }>("SHOW plan_cache_mode");
    expect(settings.rows[0].plan_cache_mode).toBe("force_custom_plan");
  });

  it("keep at most MAX_NAMED statements on a connection, and answer every other request unnamed", async () => {
    const full = await list("limit=5");
    // Every single field and every pair with id: far more distinct statements than the bound.
    const lists = [...API_FIELDS.map((f) => f), ...API_FIELDS.map((f) => `id,${f}`)];
    expect(lists.length).toBeGreaterThan(MAX_NAMED);
    for (const fields of lists) expect(await list(`limit=5&fields=${fields}`)).toHaveLength(full.length);
    const held = await readPool().query<{ n: string }>("SELECT count(*) AS n FROM pg_prepared_statements");
    expect(Number(held.rows[0].n)).toBeGreaterThan(0);
    expect(Number(held.rows[0].n)).toBeLessThanOrEqual(MAX_NAMED);
  });
});
