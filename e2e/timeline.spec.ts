import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const markIds = (page: Page) => page.locator("svg.timeline-svg a.mark").evaluateAll((as) => as.map((a) => a.getAttribute("data-id")!));

test("the timeline shows the same events as the filtered table", async ({ page }) => {
  await page.goto("/events?type=summit-meeting&type=statement-warning&pageSize=100");
  const tableIds = await page.getByRole("table").locator("tbody tr td:nth-child(2) a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.replace("/events/", "")));
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/timeline\?type=summit-meeting&type=statement-warning/);
  expect((await markIds(page)).sort()).toEqual([...tableIds].sort());
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Table" }).click();
  await expect(page).toHaveURL(/\/events\?type=summit-meeting&type=statement-warning/);
});

test("zoomed into September 2023, Kim's journey appears in order, and an event opens with its sources", async ({ page }) => {
  await page.goto("/timeline?start=2023-09-01&end=2023-09-30");
  const journey = ["2023-09-12-kim-enters-russia-at-khasan", "2023-09-13-kim-putin-vostochny-summit", "2023-09-15-kim-tours-komsomolsk-fighter-jet-plant", "2023-09-16-kim-visits-knevichi-air-base-and-pacific-fleet"];
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
  await page.goto("/timeline?start=2019&end=2020-12");
  await expect(page.locator('a.mark.uncertain[data-id="2020-01-north-korea-closes-borders"]').or(page.locator("a.mark.uncertain").first())).toBeVisible();
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("only the month or year is known");
});

test("the timeline works by keyboard alone", async ({ page }) => {
  await page.goto("/timeline?start=2023-01-01&end=2023-12-31");
  const chart = page.getByLabel(/^Timeline chart/);
  await chart.focus();
  await page.keyboard.press("+");
  await expect(page).toHaveURL(/start=2023-04/);
  await page.keyboard.press("Tab");
  await expect(page.locator("svg.timeline-svg a:focus")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Event details" })).toBeVisible();
});

test("the embed page renders the timeline without the site's chrome", async ({ page }) => {
  await page.goto("/embed/timeline?type=summit-meeting");
  await expect(page.locator("svg.timeline-svg")).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open this timeline in the tracker" })).toHaveAttribute("href", /\/timeline\?type=summit-meeting/);
});

for (const path of ["/timeline", "/timeline?start=2023-09-01&end=2023-09-30&selected=2023-09-13-kim-putin-vostochny-summit", "/embed/timeline"]) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  });
}
