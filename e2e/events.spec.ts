import { expect, test, type Page } from "@playwright/test";

const SUMMIT = "2023-09-13-kim-putin-vostochny-summit";
const resultCount = (page: Page) => page.getByRole("status");
const bodyRows = (page: Page) => page.getByRole("table").getByRole("row").filter({ has: page.getByRole("cell") });

test("the first render has the rows in the HTML", async ({ request }) => {
  const res = await request.get("/events");
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain("<table");
  expect(html).toContain(`/events/${SUMMIT}`);
});

test("a reader filters by type and date range, then clears one filter", async ({ page }) => {
  await page.goto("/events");
  await expect(resultCount(page)).toContainText(/\d+ events/);
  await page.getByText("Event type and claim status").click();
  await page.getByRole("checkbox", { name: "Summit or meeting" }).check();
  await page.getByRole("textbox", { name: "From", exact: true }).fill("2023-09");
  await page.getByRole("textbox", { name: "To", exact: true }).fill("2023-09");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=summit-meeting/);
  await expect(page).toHaveURL(/from=2023-09/);
  const rows = bodyRows(page);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.getByRole("cell").nth(2)).toHaveText("Summit or meeting");
    await expect(row.getByRole("cell").nth(0)).toContainText("September 2023");
  }
  await expect(page.getByRole("table").getByRole("link", { name: /Vostochny/ }).first()).toBeVisible();
  await page.getByRole("link", { name: "Remove filter Type: Summit or meeting" }).click();
  await expect(page).not.toHaveURL(/type=/);
  await expect(page).toHaveURL(/from=2023-09/);
});

test("a reader searches for Sullivan, reloads and gets the same rows, and Back works", async ({ page }) => {
  await page.goto("/events");
  const everything = await resultCount(page).textContent();
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("Sullivan");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=Sullivan/);
  const titles = await bodyRows(page).getByRole("link").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.join(" ")).toMatch(/Sullivan/);
  await page.reload();
  expect(await bodyRows(page).getByRole("link").allTextContents()).toEqual(titles);
  await page.goBack();
  await expect(resultCount(page)).toHaveText(everything!);
});

test("a reader sorts by title and pages through the results", async ({ page }) => {
  await page.goto("/events?pageSize=10");
  await page.getByRole("columnheader", { name: /Title/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page.getByRole("columnheader", { name: /Title/ })).toHaveAttribute("aria-sort", "ascending");
  const firstPage = await bodyRows(page).locator("td:nth-child(2)").allTextContents();
  expect(firstPage).toHaveLength(10);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(resultCount(page)).toContainText("showing 11–20");
  const secondPage = await bodyRows(page).locator("td:nth-child(2)").allTextContents();
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
  await page.reload();
  expect(await bodyRows(page).locator("td:nth-child(2)").allTextContents()).toEqual(secondPage);
  await page.goBack();
  await expect(resultCount(page)).toContainText("showing 1–10");
});

test("a reader opens an event and sees its sources and quotes", async ({ page }) => {
  await page.goto("/events?q=Vostochny");
  await page.getByRole("table").getByRole("link", { name: /Vostochny/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/events/${SUMMIT}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Vostochny/);
  await expect(page.getByText("13 September 2023").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Sources \(\d+\)/ })).toBeVisible();
  await expect(page.locator("blockquote").first()).not.toBeEmpty();
  const external = page.locator('ol.sources a[href^="http"]').first();
  await expect(external).toHaveAttribute("rel", "noopener noreferrer");
});

test("a month-precision event is shown as a month", async ({ page }) => {
  await page.goto("/events?from=2020-01-15&to=2020-01-15");
  await expect(bodyRows(page).first().getByRole("cell").first()).toHaveText("January 2020");
});

test("bad parameters give a normal page that says what it ignored", async ({ page }) => {
  // Long, but within the 8 KB address limit (past it the answer is the documented 414: fuzz-routes.spec.ts).
  const q = "x".repeat(7_000);
  const res = await page.goto(`/events?type=alien-invasion&from=notadate&page=-5&pageSize=100000&sort=evil&q=${q}`);
  expect(res?.status()).toBe(200);
  const notice = page.getByRole("note", { name: "Adjusted filters" });
  await expect(notice).toContainText("unknown event type");
  await expect(notice).toContainText("notadate");
  await expect(notice).toContainText("pages are numbered from 1");
  await expect(notice).toContainText("100 rows are shown");
  await expect(notice).toContainText("200 characters");
});

test("an unknown event gives a 404 page, not an error", async ({ page }) => {
  const res = await page.goto("/events/no-such-event");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("the table can be used by keyboard alone", async ({ page }) => {
  await page.goto("/events");
  await page.getByRole("searchbox", { name: "Search" }).focus();
  await page.keyboard.type("Lavrov");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=Lavrov/);
  const link = bodyRows(page).getByRole("link").first();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/events\/[a-z0-9-]+$/);
});
