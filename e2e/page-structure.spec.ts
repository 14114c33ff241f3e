// Pages a reader or an editor lands on are built right: one <main> landmark (a screen reader's
// "skip to main" and landmark list must not offer two), and in-page links that lead somewhere.
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures";

async function expectOneMain(page: import("@playwright/test").Page, path: string) {
  await expect(page.getByRole("heading", { name: "Not found" }), path).toBeVisible();
  expect(await page.locator("main").count(), path).toBe(1);
  expect(await page.locator("header.site-header").count(), path).toBe(1);
}

test("every not-found page has exactly one main, public or editor's", async ({ page }) => {
  for (const path of ["/no-such-page", "/events/no-such-event"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expectOneMain(page, path);
  }
  await signIn(page, await createUser("editor"));
  for (const path of ["/editor/events/no-such-event", "/editor/no-such-page"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expectOneMain(page, path);
  }
});

test("every link from /data into the codebook lands on a section of it", async ({ page }) => {
  await page.goto("/data");
  const anchors = await page
    .locator('main a[href^="/codebook#"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(anchors.length).toBeGreaterThan(0);
  await page.goto("/codebook");
  for (const href of anchors) {
    const id = decodeURIComponent(href.slice("/codebook#".length));
    expect(id, href).toMatch(/^[a-z0-9-]+$/); // no space or other character that needs escaping in an address
    await expect(page.locator(`[id="${id}"]`), href).toHaveCount(1);
  }
});
