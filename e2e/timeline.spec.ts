import { expect, test, type Page } from "@playwright/test";
import { createUser, expectNoSeriousViolations, signIn, tableEventIds } from "./fixtures";

const markIds = (page: Page) =>
  page.locator("svg.timeline-svg a.mark").evaluateAll((as) => as.map((a) => a.getAttribute("data-id")!));

test("the timeline shows the same events as the filtered table", async ({ page }) => {
  await page.goto("/events?type=summit-meeting&type=statement-warning&pageSize=100");
  const tableIds = await tableEventIds(page);
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/timeline\?type=summit-meeting&type=statement-warning/);
  expect((await markIds(page)).sort()).toEqual([...tableIds].sort());
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(/\/events\?type=summit-meeting&type=statement-warning/);
});

test("zoomed into September 2023, Kim's journey appears in order, and an event opens with its sources", async ({
  page,
}) => {
  await page.goto("/timeline?start=2023-09-01&end=2023-09-30");
  const journey = [
    "2023-09-12-kim-enters-russia-at-khasan",
    "2023-09-13-kim-putin-vostochny-summit",
    "2023-09-15-kim-tours-komsomolsk-fighter-jet-plant",
    "2023-09-16-kim-visits-knevichi-air-base-and-pacific-fleet",
  ];
  const xs: number[] = [];
  for (const id of journey) xs.push((await page.locator(`a.mark[data-id="${id}"]`).boundingBox())!.x);
  expect(xs).toEqual([...xs].sort((a, b) => a - b));
  const summit = page.getByRole("listitem", { name: /Vostochny.*13 September 2023/ });
  await expect(summit).toBeVisible();
  await summit.click();
  const panel = page.getByRole("complementary", { name: "Event details" });
  await expect(panel).toContainText("13 September 2023");
  await panel.getByRole("link", { name: "Open the event, with its sources" }).click();
  await expect(page.getByRole("heading", { name: /Sources \(\d+\)/ })).toBeVisible();
});

test("uncertain dates are drawn as spans and explained in the legend", async ({ page }) => {
  await page.goto("/timeline?start=2019&end=2022-12");
  // January 2020 is all the source gives: the mark covers the whole month, not a day.
  const closure = page.getByRole("listitem", { name: /seals its borders/ });
  await expect(closure).toHaveClass(/uncertain/);
  await expect(closure).toHaveAccessibleName(/January 2020 \(known to the month\)/);
  // E14 starts in a month and ends on a known day: hatched from 1 September to 2 November, with no "c.".
  const shells = page.locator('a.mark[data-id="2022-09-us-says-north-korea-ships-artillery-shells-to-russia"]');
  await expect(shells).toHaveClass(/uncertain/);
  await expect(shells).not.toHaveClass(/approximate/);
  await expect(shells).toHaveAccessibleName(
    /, September 2022 – 2 November 2022 \(start known to the month, end to the day\),/,
  );
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("only the month or year is known");
});

/** Writes a published event through the editor's form: one source with a quote, the dates set by `dates`. */
async function publishThroughForm(page: Page, title: string, dates: (page: Page) => Promise<void>) {
  await page.goto("/editor/events/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (neutral, in your own words)").fill("A test shipment was reported.");
  await page.getByLabel("Event type").selectOption("arms-transfer");
  await page.getByLabel("Claim status").selectOption("alleged");
  await dates(page);
  await page.getByLabel("Web address (http or https) of source 1").fill("https://example.org/timeline-report");
  await page.getByLabel("Title of source 1").fill("A report");
  await page.getByLabel("Quote: the source's own words, exactly (source 1)").fill("Shells were loaded.");
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Status: published")).toBeVisible();
}

test("an approximate range is a bar marked as approximate; a range ending on a known day after a known month is hatched", async ({
  page,
}) => {
  test.slow(); // two events written through the form
  await signIn(page, await createUser("editor"));
  const suffix = Math.random().toString(36).slice(2, 7);
  const approximate = `Approximate shipment ${suffix}`;
  await publishThroughForm(page, approximate, async (p) => {
    await p.getByLabel("Date", { exact: true }).fill("2021-03-02");
    await p.getByLabel("Ends (for a range)").fill("2021-03-09");
    await p.getByRole("checkbox", { name: /Approximate/ }).check();
  });
  const mixed = `Shipment known to the month ${suffix}`;
  await publishThroughForm(page, mixed, async (p) => {
    await expect(p.getByLabel("End known to the")).toHaveCount(0); // no end yet: nothing to say about it
    await p.getByLabel("Known to the", { exact: true }).selectOption("month");
    await p.getByLabel("Date", { exact: true }).fill("2021-03");
    await p.getByLabel("Ends (for a range)").fill("2021-04");
    await p.getByLabel("End known to the").selectOption("day");
    await expect(p.getByLabel("Ends (for a range)")).toHaveAttribute("type", "date");
    await p.getByLabel("Ends (for a range)").fill("2021-04-15");
  });
  await page.getByRole("link", { name: "public page" }).click();
  await expect(page.locator('time[datetime="2021-03/2021-04-15"]')).toHaveText("March 2021 – 15 April 2021");
  await expect(page.getByText("(start known to the month, end to the day)")).toBeVisible();

  await page.goto("/timeline?start=2021-02-15&end=2021-05-15");
  const bar = page.getByRole("listitem", { name: new RegExp(approximate) });
  await expect(bar).toHaveClass(/bar approximate/);
  await expect(bar).toHaveAccessibleName(/, c\. 2–9 March 2021,/);
  const hatched = page.getByRole("listitem", { name: new RegExp(mixed) });
  await expect(hatched).toHaveClass(/uncertain/);
  await expect(hatched).toHaveAccessibleName(
    /, March 2021 – 15 April 2021 \(start known to the month, end to the day\),/,
  );
});

test("the timeline works by keyboard alone", async ({ page }) => {
  await page.goto("/timeline?start=2023-01-01&end=2023-12-31");
  const chart = page.getByLabel(/^Timeline chart/);
  for (let i = 0; i < 80 && !(await chart.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(chart).toBeFocused();
  await page.keyboard.press("+");
  await expect(page).toHaveURL(/start=2023-04-0\d&end=2023-(09-30|10-0\d)/);
  // One Tab reaches the events; arrow keys move between them, in time order within a lane.
  await page.keyboard.press("Tab");
  const focused = page.locator("svg.timeline-svg a:focus");
  await expect(focused).toHaveCount(1);
  const first = await focused.getAttribute("data-id");
  await expect(page.locator(".timeline-tip")).toContainText(/\d{4}/);
  await page.keyboard.press("End");
  const last = await focused.getAttribute("data-id");
  await page.keyboard.press("Home");
  await expect(focused).toHaveAttribute("data-id", first!);
  if (last !== first) {
    await page.keyboard.press("ArrowRight");
    await expect(focused).not.toHaveAttribute("data-id", first!);
    await page.keyboard.press("ArrowLeft");
  }
  await page.keyboard.press("Enter");
  const panel = page.getByRole("complementary", { name: "Event details" });
  await expect(panel).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`selected=${first}`));
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page.locator(`svg.timeline-svg a[data-id="${first}"]`)).toBeFocused();
});

test("hovering an item shows its title, date and type; the wheel with Ctrl zooms and dragging pans", async ({
  page,
}) => {
  await page.goto("/timeline?start=2023-09-01&end=2023-09-30");
  await page.getByRole("listitem", { name: /Vostochny/ }).hover();
  await expect(page.locator(".timeline-tip")).toContainText("Vostochny");
  await expect(page.locator(".timeline-tip")).toContainText("13 September 2023");
  await expect(page.locator(".timeline-tip")).toContainText("Summit or meeting");
  const chart = page.getByLabel(/^Timeline chart/);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height - 10);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect(page).toHaveURL(/start=2023-09-(0[5-9]|1\d)/);
  const zoomed = new URL(page.url()).searchParams.get("start")!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height - 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height - 10, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(() => Date.parse(new URL(page.url()).searchParams.get("start")!))
    .toBeGreaterThan(Date.parse(zoomed));
});

test("lanes by actor still show every filtered event", async ({ page }) => {
  await page.goto("/timeline");
  const byType = new Set(await markIds(page));
  await page.getByRole("navigation", { name: "Timeline controls" }).getByRole("link", { name: "by actor" }).click();
  await expect(page).toHaveURL(/lanes=actor/);
  // The busiest actors get lanes of their own; the rest share one, so the chart stays readable.
  await expect(page.getByRole("list", { name: /^North Korea: \d+ events$/ })).toBeVisible();
  expect(await page.locator("svg.timeline-svg [data-lane]").count()).toBeLessThanOrEqual(14);
  expect(new Set(await markIds(page))).toEqual(byType);
});

test("a bad window in the URL is ignored with a notice, never an error", async ({ page }) => {
  const response = await page.goto("/timeline?start=banana&end=2023-02-30&lanes=colour&type=summit-meeting");
  expect(response?.status()).toBe(200);
  const note = page.getByRole("note", { name: "Adjusted filters" });
  await expect(note).toContainText("Ignored “start” “banana”");
  await expect(note).toContainText("Ignored “end” “2023-02-30”");
  await expect(page.getByRole("status")).toContainText(/^\d+ of \d+ events/);
});

test("a notice whose wording mentions a page is still shown; only the ignored paging is left out", async ({ page }) => {
  // The timeline shows every page at once, so it leaves out the page and pageSize notices, by
  // parameter: an unknown type that happens to contain "page" is still reported.
  await page.goto("/timeline?type=homepage&page=abc");
  const note = page.getByRole("note", { name: "Adjusted filters" });
  await expect(note).toContainText("Ignored unknown event type “homepage”.");
  await expect(note).not.toContainText("Ignored page");
});

test("the selected event is marked on the chart", async ({ page }) => {
  await page.goto("/timeline?start=2023-09-01&end=2023-09-30&selected=2023-09-13-kim-putin-vostochny-summit");
  // Its related events' marks name it too ("; related: part of “…Vostochny…”"): the mark is the one named first.
  await expect(page.getByRole("listitem", { name: /^[^;]*Vostochny/ })).toHaveAttribute("aria-current", "true");
  await expect(page.locator('svg.timeline-svg a[aria-current="true"]')).toHaveCount(1);
});

test("the embed page renders the timeline without the site's chrome", async ({ page }) => {
  await page.goto("/embed/timeline?type=summit-meeting");
  await expect(page.locator("svg.timeline-svg")).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open this timeline in the tracker" })).toHaveAttribute(
    "href",
    /\/timeline\?type=summit-meeting/,
  );
  // Details open inside the frame; only links that leave the timeline take the whole window.
  await page.getByRole("listitem", { name: /Vostochny/ }).click();
  await expect(page).toHaveURL(/\/embed\/timeline\?.*selected=2023-09-13-kim-putin-vostochny-summit/);
  await expect(page.getByRole("link", { name: "Open the event, with its sources" })).toHaveAttribute("target", "_top");
});

for (const path of [
  "/timeline",
  "/timeline?start=2023-09-01&end=2023-09-30&selected=2023-09-13-kim-putin-vostochny-summit",
  "/embed/timeline",
]) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}
