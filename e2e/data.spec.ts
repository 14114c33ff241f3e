import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { tableEventIds } from "./fixtures";

test("export from a filtered table downloads exactly the matching rows", async ({ page }) => {
  await page.goto("/events?type=summit-meeting&type=statement-warning&pageSize=100");
  const tableIds = await tableEventIds(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Export CSV/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^events-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(await readFile((await file.path())!, "utf8"), { columns: true, bom: true }) as {
    id: string;
    event_type: string;
  }[];
  expect(rows.map((r) => r.id)).toEqual(tableIds);
  expect(new Set(rows.map((r) => r.event_type))).toEqual(new Set(["summit-meeting", "statement-warning"]));
});

test("the API pages with cursors, validates with a named parameter, and revalidates with ETag", async ({ request }) => {
  const bad = await request.get("/api/v1/events?type=alien-invasion&limit=0");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.parameters.sort()).toEqual(["limit", "type"]);

  const ids: string[] = [];
  let url: string | null = "/api/v1/events?limit=7";
  while (url) {
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()["access-control-allow-origin"]).toBe("*");
    const body = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
    ids.push(...body.data.map((e) => e.id));
    url = body.nextCursor ? `/api/v1/events?limit=7&cursor=${body.nextCursor}` : null;
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toContain("2023-09-13-kim-putin-vostochny-summit");

  const one = await request.get("/api/v1/events/2023-09-13-kim-putin-vostochny-summit");
  expect((await one.json()).sources.length).toBeGreaterThan(1);
  const again = await request.get("/api/v1/events/2023-09-13-kim-putin-vostochny-summit", {
    headers: { "If-None-Match": one.headers()["etag"] },
  });
  expect(again.status()).toBe(304);
  expect((await request.get("/api/v1/events/no-such-event")).status()).toBe(404);

  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.components.schemas.Event.properties.sources).toBeTruthy();
});

test("the Atom feed lists published events", async ({ request }) => {
  const res = await request.get("/events.atom");
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await res.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain("/events/2023-09-13-kim-putin-vostochny-summit");
});
