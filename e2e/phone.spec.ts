// The reader views on a phone (390×844): the filters fold behind a disclosure, each event is a
// compact card, and no page scrolls sideways.
import { expect, test, type Page } from "@playwright/test";
import { seedEvents } from "../prisma/seed-data/events";
import { expectNoSeriousViolations } from "./fixtures";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const uniqueActors = (e: (typeof seedEvents)[number]) => new Set(e.actors.map((a) => a.actor)).size;
const most = (by: (e: (typeof seedEvents)[number]) => number) => [...seedEvents].sort((a, b) => by(b) - by(a))[0];
const MOST_ACTORS = most(uniqueActors);
const MOST_SOURCES = most((e) => e.sources.length);
const LONGEST_TITLE = most((e) => e.title.length);
const SUMMIT = "2023-09-13-kim-putin-vostochny-summit";

const disclosure = (page: Page) => page.locator("details.filters-disclosure > summary");
const cards = (page: Page) => page.getByRole("table").locator("tbody tr");

async function expectNoSidewaysScroll(page: Page, path: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth, path).toBe(390);
  expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(clientWidth);
}

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the first event is on the first screen, above the folded filters' content", async ({ page }) => {
    for (const path of ["/events", "/events?type=summit-meeting&from=2023"]) {
      await page.goto(path);
      await expect(disclosure(page), path).toBeVisible();
      await expect(page.getByRole("searchbox", { name: "Search" }), path).toBeHidden();
      const first = cards(page).first();
      await expect(first.getByRole("cell").nth(1).getByRole("link"), path).toBeVisible();
      await expect(first, path).toBeInViewport({ ratio: 1 });
    }
  });

  test("a card shows date, title, type, claim and the first three actors with a count of the rest", async ({
    page,
  }) => {
    await page.goto(`/events?pageSize=100`);
    const card = cards(page).filter({ has: page.getByRole("link", { name: MOST_ACTORS.title, exact: true }) });
    await expect(card).toHaveCount(1);
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box!.height, "a compact card").toBeLessThan(220);
    await expect(card.getByRole("cell").nth(0)).toBeVisible(); // date
    await expect(card.getByRole("cell").nth(0).locator("time")).toHaveAttribute(
      "datetime",
      new RegExp(`^${MOST_ACTORS.startDate.slice(0, 4)}`),
    );
    await expect(card.getByRole("cell").nth(2)).toBeVisible(); // type
    await expect(card.getByRole("cell").nth(3)).toContainText(MOST_ACTORS.claimStatus);
    const actors = card.getByRole("cell").nth(4);
    await expect(actors).toBeVisible();
    expect(await actors.innerText()).toMatch(
      new RegExp(`^[^,]+, [^,]+, [^,]+ and ${uniqueActors(MOST_ACTORS) - 3} more$`),
    );
    await expect(actors.getByRole("link").first()).toHaveAttribute("href", /^\/actors\//);
    await expect(card.getByRole("cell").nth(5)).toBeHidden(); // place: on the event's page
  });

  test("the disclosure opens by keyboard and counts the active filters", async ({ page }) => {
    await page.goto("/events?q=Putin&type=summit-meeting&claim=confirmed&from=2019");
    const summary = disclosure(page);
    await expect(summary).toHaveText("Filters (4 active)");
    await expect(summary).toHaveAccessibleName("Filters (4 active)");
    const search = page.getByRole("searchbox", { name: "Search" });
    await expect(search).toBeHidden();
    // Reached with Tab like any control, from the top of the page.
    await page.locator("body").focus();
    for (let i = 0; i < 30 && !(await summary.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(summary).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(search).toBeVisible();
    await expect(search).toHaveValue("Putin");
    await expect(page.locator("details.filters-disclosure")).toHaveAttribute("open", "");
    await expectNoSidewaysScroll(page, "/events with the filters open");
    await expectNoSeriousViolations(page, "/events with the filters open");
    // The open form works as before: a filter more, and the count follows.
    await page.getByRole("checkbox", { name: "Include retracted events" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/retracted=include/);
    await expect(disclosure(page)).toHaveText("Filters (5 active)");
    await disclosure(page).focus();
    await page.keyboard.press("Space");
    await expect(search).toBeVisible();
    await page.keyboard.press("Space");
    await expect(search).toBeHidden();
  });

  const sideways = [
    "/events",
    "/events?pageSize=100",
    "/events?type=summit-meeting&from=2023",
    ...[...new Set([MOST_ACTORS.id, MOST_SOURCES.id, LONGEST_TITLE.id, SUMMIT])].map((id) => `/events/${id}`),
    "/map",
    "/map?type=arms-transfer",
    "/timeline",
    "/timeline?type=summit-meeting",
  ];
  for (const path of sideways) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page, path);
    });
  }

  test("the timeline and the map fit the width and keep their lists", async ({ page }) => {
    await page.goto("/timeline");
    const chart = page.locator(".timeline-frame");
    await expect(chart).toBeVisible();
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(390);
    const list = page
      .locator("details")
      .filter({ has: page.locator("summary", { hasText: "The same events as a list" }) });
    await list.locator("summary").click();
    await expect(list.getByRole("link", { name: seedEvents[0].title }).first()).toBeVisible();
    await page.goto("/map");
    const map = page.getByRole("region", { name: /^Map/ });
    await expect(map).toBeVisible();
    expect((await map.boundingBox())!.width).toBeLessThanOrEqual(390);
    await expect(page.getByRole("heading", { name: "The same events by country" })).toBeVisible();
  });

  for (const path of [
    "/events",
    "/events?type=summit-meeting&from=2023",
    `/events/${MOST_ACTORS.id}`,
    `/events/${MOST_SOURCES.id}`,
    "/map",
    "/timeline",
  ]) {
    test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, path);
    });
  }
});

test.describe("on a phone without JavaScript", () => {
  test.use({ ...PHONE, javaScriptEnabled: false });

  test("the disclosure opens and the filters apply", async ({ page }) => {
    await page.goto("/events");
    await expect(disclosure(page)).toHaveText("Filters");
    await disclosure(page).click();
    await page.getByRole("searchbox", { name: "Search" }).fill("Vostochny");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/q=Vostochny/);
    await expect(disclosure(page)).toHaveText("Filters (1 active)");
    await expect(cards(page).first()).toBeInViewport({ ratio: 1 });
  });
});

test.describe("on a wide screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const javaScriptEnabled of [true, false]) {
    test(`the filters show as before, with no disclosure (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`/events?pageSize=100&type=${MOST_ACTORS.type}`);
      await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
      await expect(disclosure(page)).toBeHidden();
      const card = cards(page).filter({ has: page.getByRole("link", { name: MOST_ACTORS.title, exact: true }) });
      const actors = card.getByRole("cell").nth(4);
      expect((await actors.innerText()).split(", ")).toHaveLength(uniqueActors(MOST_ACTORS));
      expect(await actors.innerText()).not.toContain("more");
      await expect(page.getByRole("columnheader", { name: /Sources/ })).toBeVisible();
      await context.close();
    });
  }
});
