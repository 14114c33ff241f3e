// Every view links its own feed: in <head> for browsers and feed readers, and visibly near the
// view switch. Following the link gives an Atom feed of the view's events.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./fixtures";

// Given in an order the feed normalises (types sorted, sort and paging dropped).
const FILTERS = "type=summit-meeting&type=statement-warning&from=2023";
const FEED = "/events.atom?type=statement-warning&type=summit-meeting&from=2023";

/** The feed as a feed reader reads it: parsed as XML by the browser, each entry's event id. */
async function feedEventIds(page: Page, href: string): Promise<{ self: string; ids: string[] }> {
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await res.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.querySelector("parsererror")) throw new Error("The feed is not well-formed XML");
    const atom = "http://www.w3.org/2005/Atom";
    const feed = doc.documentElement;
    const self = [...feed.children]
      .find((c) => c.localName === "link" && c.getAttribute("rel") === "self")!
      .getAttribute("href")!;
    const ids = [...doc.getElementsByTagNameNS(atom, "entry")].map((e) => {
      const link = [...e.getElementsByTagNameNS(atom, "link")].find((l) => l.getAttribute("rel") === "alternate")!;
      return new URL(link.getAttribute("href")!).pathname.replace("/events/", "");
    });
    return { self, ids: [...new Set(ids)] };
  }, xml);
}

for (const path of ["/events", "/timeline", "/map"]) {
  test(`${path} links the feed of its view, in <head> and visibly, and stays accessible`, async ({ page, request }) => {
    // Served HTML, as a feed reader discovering the feed sees it (no JavaScript).
    const html = await (await request.get(`${path}?${FILTERS}&sort=title`)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    const alternate = /<link[^>]*rel="alternate"[^>]*type="application\/atom\+xml"[^>]*>/.exec(head)?.[0] ?? "";
    expect(alternate, "an Atom alternate link in <head>").not.toBe("");
    expect(alternate).toMatch(/title="[^"]+"/);
    const target = new URL(/href="([^"]+)"/.exec(alternate)![1].replaceAll("&amp;", "&"));
    expect(target.pathname + target.search).toBe(FEED);

    await page.goto(`${path}?${FILTERS}`);
    const follow = page.getByRole("navigation", { name: "View" }).getByRole("link", { name: /Follow this view/ });
    await expect(follow).toBeVisible();
    await expect(follow).toHaveAttribute("href", FEED);

    await expectNoSeriousViolations(page);
  });
}

test("following the table's feed link gives an Atom feed of exactly the table's events", async ({ page }) => {
  await page.goto(`/events?${FILTERS}&pageSize=100`);
  const tableIds = await page
    .getByRole("table")
    .locator('a[href^="/events/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!.replace("/events/", "")))]);
  expect(tableIds.length).toBeGreaterThan(0);
  const href = await page.getByRole("link", { name: /Follow this view/ }).getAttribute("href");
  const { self, ids } = await feedEventIds(page, href!);
  expect(new URL(self).pathname + new URL(self).search).toBe(FEED);
  expect(ids.sort()).toEqual(tableIds.sort());
  // Not every event: the filters reached the feed.
  expect(ids.length).toBeLessThan((await feedEventIds(page, "/events.atom")).ids.length);
});

test("a feed address with a filter /events would ignore is refused in words, not answered with every event", async ({
  request,
}) => {
  const res = await request.get("/events.atom?type=alien-invasion");
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("Ignored unknown event type “alien-invasion”.");
});
