import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createUser, signIn } from "./fixtures";

const HEADER = "id,title,summary,event_type,claim_status,start_date,end_date,date_precision,approximate,actors,status";

test("an import with errors lists them by row and column and writes nothing", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/import");
  const good = "2024-03-01-import-good-row,A good imported row,Fine.,aid-trade,confirmed,2024-03-01,,day,false,Russia (supplier),draft";
  const bad = "2024-03-02-import-bad-row,A bad imported row,Broken.,alien-invasion,confirmed,2024-02-30,,day,false,Russia (supplier),draft";
  await page.getByLabel(/^Events CSV/).setInputFiles({ name: "events.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, good, bad, ""].join("\r\n")) });
  await page.getByRole("button", { name: "Import" }).click();
  const errors = page.getByRole("alert", { name: "Import errors" });
  await expect(errors).toContainText("Nothing was written");
  await expect(errors.getByRole("row", { name: /3 event_type/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /3 start_date/ })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.goto("/editor");
  await expect(page.getByText("A good imported row")).toHaveCount(0); // all or nothing
});

test("a valid file is checked, then imported as drafts", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/import");
  const id = `2024-03-03-import-ok-${Math.random().toString(36).slice(2, 7)}`;
  const file = { name: "events.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, `${id},An imported draft,Fine.,aid-trade,confirmed,2024-03,,month,false,Russia (supplier),draft`, ""].join("\r\n")) };
  await page.getByLabel(/^Events CSV/).setInputFiles(file);
  await page.getByRole("button", { name: "Check file (writes nothing)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The file is valid" })).toContainText("1 row: 1 new");
  await page.getByLabel(/^Events CSV/).setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported." })).toContainText("1 new");
  await page.goto(`/editor/events/${id}`);
  await expect(page.getByText("Status: draft")).toBeVisible();
});
