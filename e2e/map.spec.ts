import { expect, test, type Page } from "@playwright/test";
import { createUser, expectNoSeriousViolations, signIn, tableEventIds } from "./fixtures";

const viewNav = (page: Page) => page.getByRole("navigation", { name: "View" });
const listedIds = (page: Page) =>
  page
    .locator("#map-list section[aria-labelledby^='country-'] li > a")
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!.replace("/events/", "")))]);

test("the map keeps every filter through the view switch, and lists the same events as the table", async ({ page }) => {
  const filters = "type=arms-transfer&type=summit-meeting&claim=alleged&claim=confirmed";
  await page.goto(`/events?${filters}&pageSize=100`);
  const tableIds = await tableEventIds(page);
  await viewNav(page).getByRole("link", { name: "Map" }).click();
  await expect(page).toHaveURL(new RegExp(`/map\\?${filters}$`));
  await expect(page.getByRole("heading", { name: "Map", level: 1 })).toBeVisible();
  expect((await listedIds(page)).sort()).toEqual([...tableIds].sort());
  await viewNav(page).getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline\\?${filters}$`));
  await viewNav(page).getByRole("link", { name: "Map" }).click();
  await expect(page).toHaveURL(new RegExp(`/map\\?${filters}$`));
  await viewNav(page).getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(new RegExp(`/events\\?${filters}$`));
});

test("country-level events shade their countries, transfers are arrows, and the legend says so", async ({ page }) => {
  // The seed's arms transfers are known only to the countries: no pin anywhere. (Counts are
  // matched loosely: other browser tests may add transfers to the shared database first.)
  await page.goto("/map?type=arms-transfer");
  await expect(
    page.getByRole("listitem", { name: /^North Korea: \d+ events known only to the country/ }),
  ).toBeVisible();
  await expect(page.getByRole("listitem", { name: /^Russia: \d+ events known only to the country/ })).toBeVisible();
  await expect(page.locator("svg.map-svg a.mark")).toHaveCount(0);
  await expect(
    page.getByRole("listitem", { name: /^North Korea to Russia: \d+ transfers, listed below$/ }),
  ).toBeVisible();
  const legend = page.getByRole("list", { name: "Legend" });
  await expect(legend).toContainText("known only to the country: the country is shaded");
  await expect(legend).toContainText("a halo of about 25 km or 250 km");
  await expect(legend).toContainText("the exact spot");
  await expect(legend).toContainText("supplier to recipient");
  // The shaded country leads to its events in the list below (by keyboard: Russia's outline spans
  // the antimeridian, so the middle of its box is not Russia).
  await page.getByRole("listitem", { name: /^Russia: \d+ events/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#country-RU$/);
  await expect(page.getByRole("heading", { name: /^Russia \(\d+\)$/ })).toBeInViewport();
  await expect(page.getByRole("region", { name: "Transfers, supplier → recipient" })).toContainText(
    "North Korea → Russia",
  );
});

test("many events in one place are a count that splits as the reader zooms in by links", async ({ page }) => {
  await page.goto("/map");
  const khasan = page.getByRole("listitem", {
    name: /^Kim Jong-un crosses into Russia by train at Khasan, 12 September 2023/,
  });
  await expect(khasan).toHaveCount(0); // inside a count at the whole-world view
  await expect(page.getByRole("listitem", { name: /events here: zoom in to split them/ }).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Map controls" }).getByRole("link", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/\/map\?z=1&c=0%2C0$/);
  await page.goto("/map?z=5&c=131.2,42.8");
  await expect(khasan).toBeVisible();
  await expect(khasan).toHaveAccessibleName(/Khasan station, Primorsky Krai, Russia, the exact spot$/);
  // Three events at the very same spot (the Vostochny summit's) never split: the count leads to the list instead.
  await page.goto("/map?z=6&c=128.33,51.88");
  await expect(page.getByRole("listitem", { name: "3 events at one place: listed below" })).toBeVisible();
  // Panning keeps the zoom and moves the centre.
  await page.getByRole("link", { name: "East →" }).click();
  await expect(page).toHaveURL(/z=6&c=1[23]\d\.\d+%2C51\.88/);
});

test("on the focused map, + and − zoom and the arrow keys pan", async ({ page }) => {
  await page.goto("/map?type=summit-meeting");
  const map = page.getByRole("region", { name: "Map: + and − zoom, arrow keys pan" });
  await map.focus();
  await page.keyboard.press("+");
  await expect(page).toHaveURL(/\/map\?type=summit-meeting&z=1&c=0%2C0$/);
  await map.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/z=1&c=\d+(\.\d+)?%2C0$/);
  await map.focus();
  await page.keyboard.press("-");
  await expect(page).toHaveURL(/\/map\?type=summit-meeting$/);
});

test("the list below the map has every event by country, for keyboard and screen-reader users", async ({ page }) => {
  // Every published event, whatever other browser tests added to the shared database.
  await page.goto("/events?pageSize=100");
  const tableIds = await tableEventIds(page);
  await page.goto("/map");
  const list = page.getByRole("region", { name: "The same events by country" });
  await expect(list.getByRole("heading", { name: /^Russia \(\d+\)$/ })).toBeVisible();
  await expect(list.getByRole("heading", { name: /^Switzerland \(1\)$/ })).toBeVisible();
  // Each country lists up to 25 events and says how many more it holds (an event of two
  // countries may be held back in one and listed in the other): with none held back, exactly
  // the table's events.
  const more = (await list.getByText(/^and \d+ more/).allTextContents()).reduce(
    (n, t) => n + Number(/\d+/.exec(t)![0]),
    0,
  );
  const listed = await listedIds(page);
  expect(listed.filter((id) => !tableIds.includes(id))).toEqual([]);
  expect(listed.length).toBeLessThanOrEqual(tableIds.length);
  expect(listed.length + more).toBeGreaterThanOrEqual(tableIds.length);
  await expect(list.getByRole("listitem").filter({ hasText: "Agreed Framework" }).first()).toContainText(
    "Geneva, Switzerland (known to the city (within about 25 km))",
  );
});

test("a bad zoom or centre is ignored with a notice, never an error", async ({ page }) => {
  const response = await page.goto("/map?z=lots&c=here");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Ignored zoom “lots”")).toBeVisible();
  await expect(page.getByText("Ignored centre “here”")).toBeVisible();
});

test("a notice whose wording mentions a page is still shown; only the ignored paging is left out", async ({ page }) => {
  await page.goto("/map?type=homepage&page=abc");
  const note = page.getByRole("note", { name: "Adjusted filters" });
  await expect(note).toContainText("Ignored unknown event type “homepage”.");
  await expect(note).not.toContainText("Ignored page");
});

test("an editor sets how precisely the place is known, and the map draws it so", async ({ page }) => {
  test.slow(); // an event written through the form
  await signIn(page, await createUser("editor"));
  const title = `Train reported at Artyom ${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/editor/events/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (neutral, in your own words)").fill("A train was reported near Artyom.");
  // A type and a date no other browser test looks at: the database is shared, and a summit beside
  // the seed's Vostochny summit once covered its mark in the timeline test.
  await page.getByLabel("Event type").selectOption("border-travel");
  await page.getByLabel("Date", { exact: true }).fill("2011-03-17");
  await page.getByLabel("Place name").fill("Artyom, Primorsky Krai, Russia");
  await page.getByLabel("Country codes (e.g. KP, RU)").fill("RU");
  await page.getByLabel("Place known to the").selectOption("city");
  await page.getByLabel("Web address (http or https) of source 1").fill("https://example.org/artyom");
  await page.getByLabel("Title of source 1").fill("A report");
  await page.getByLabel("Quote: the source's own words, exactly (source 1)").fill("The train was seen at Artyom.");
  await page.getByRole("button", { name: "Create draft" }).click();
  // A halo needs a position: the form says so and keeps what was typed.
  await expect(
    page.getByText("With the place known to the city, give its latitude and longitude").first(),
  ).toBeVisible();
  await page.getByLabel("Latitude").fill("43.36");
  await page.getByLabel("Longitude").fill("132.19");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Status: published")).toBeVisible();
  await page.goto(`/map?q=${encodeURIComponent(title)}`);
  const mark = page.getByRole("listitem", { name: new RegExp(`^${title}, 17 March 2011`) });
  await expect(mark).toHaveClass(/halo/);
  await expect(mark).toHaveAccessibleName(/Artyom, Primorsky Krai, Russia, known to the city \(within about 25 km\)$/);
});

test("the embed page draws the map and its list without the site's chrome; events open in the top window", async ({
  page,
}) => {
  await page.goto("/embed/map?type=arms-transfer");
  await expect(page.locator("svg.map-svg")).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open this map in the tracker" })).toHaveAttribute(
    "href",
    "/map?type=arms-transfer",
  );
  await expect(page.locator("#map-list li > a").first()).toHaveAttribute("target", "_top");
  await page.getByRole("navigation", { name: "Map controls" }).getByRole("link", { name: "Zoom in" }).click();
  await expect(page).toHaveURL(/\/embed\/map\?type=arms-transfer&z=1/);
});

test("on a phone (390 × 844) the map fits the width: no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/map", "/map?z=4&c=130,45", "/embed/map"]) {
    await page.goto(path);
    await expect(page.locator("svg.map-svg")).toBeVisible();
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, path).toBeLessThanOrEqual(client);
  }
});

for (const path of ["/map", "/map?type=arms-transfer", "/map?z=5&c=131.2,42.8", "/embed/map"]) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}
