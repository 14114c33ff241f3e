import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./fixtures";

for (const path of [
  "/",
  "/events",
  "/events?type=summit-meeting&from=2023",
  "/events/2023-09-13-kim-putin-vostochny-summit",
  "/codebook",
  "/events/no-such-event",
]) {
  test(`no serious or critical accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("the overview shows counts and links to the events", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("published events")).toBeVisible();
  await expect(page.getByRole("list", { name: "Counts" })).toContainText("30");
  await page.getByRole("link", { name: "Browse all events" }).click();
  await expect(page).toHaveURL(/\/events$/);
});
