import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

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
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}

test("the overview shows counts and links to the events", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("published events")).toBeVisible();
  await expect(page.getByRole("list", { name: "Counts" })).toContainText("30");
  await page.getByRole("link", { name: "Browse all events" }).click();
  await expect(page).toHaveURL(/\/events$/);
});
