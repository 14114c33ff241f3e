// An editor captures a source, changes a word of its quote so that it is no longer in the copy,
// and can publish only by confirming with a reason; readers then see the check and the reason.
import { expect, test } from "@playwright/test";
import { serveArticle } from "./article-server";
import { createUser, signIn } from "./fixtures";

const QUOTE = "No shells have left our ports for any foreign army.";
const article = serveArticle(QUOTE, "/denial.html");

test("publishing a quote not found in its copy takes a confirmation and a reason, which readers see", async ({
  page,
}) => {
  test.slow(); // a capture, a save, two publish attempts and the public page
  const title = `Port authority denial ${Math.random().toString(36).slice(2, 7)}`;
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/events/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (neutral, in your own words)").fill("A port authority denied shipping shells.");
  await page.getByLabel("Event type").selectOption("statement-warning");
  await page.getByLabel("Date", { exact: true }).fill("2024-03-05");
  await page.getByLabel("Web address (http or https) of source 1").fill(article.url());
  await page.getByLabel("Title of source 1").fill("Port authority statement");
  await page.getByLabel("Publisher of source 1").fill("Port Authority");
  const quote = page.getByLabel("Quote: the source's own words, exactly (source 1)");
  await quote.fill(QUOTE);
  await page
    .getByLabel("Editor's note: what the source supports, in your words (source 1)")
    .fill("The authority's own statement.");
  const copy = page.getByRole("group", { name: "Captured copy (source 1)" });
  await copy.getByRole("button", { name: "Capture now (source 1)" }).click();
  await expect(copy.getByText("Quote check: Quote found in the copy")).toBeVisible();
  await quote.fill(QUOTE.replace("foreign", "allied"));
  await expect(copy.getByText("Quote check: Quote not found in this copy")).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Status: draft")).toBeVisible();

  const workflow = page.getByRole("region", { name: "Workflow" });
  await workflow.getByRole("button", { name: "Publish" }).click();
  await expect(workflow.getByText(/the quote of source 1 was not found in the captured copy/).first()).toBeVisible();
  await expect(page.getByText("Status: draft")).toBeVisible();
  await workflow.getByLabel(/I have checked: publish these quotes/).check();
  await workflow
    .getByLabel("Reason (kept in the event's public history)")
    .fill("The statement was reworded after our capture; the print edition says allied.");
  await workflow.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Status: published")).toBeVisible();

  await page.goto(`/events?q=${encodeURIComponent(title)}`);
  await page.getByRole("table").getByRole("link", { name: title }).click();
  await page.waitForURL(/\/events\/[a-z0-9-]+$/);
  await expect(page.getByText(/Not found word for word in the copy captured on/)).toBeVisible();
  await expect(page.locator("blockquote")).toContainText(QUOTE.replace("foreign", "allied"));
  await expect(page.locator("blockquote")).not.toContainText("The authority's own statement.");
  await expect(page.getByText(/Editor.s note: The authority's own statement\./)).toBeVisible();
  await expect(page.getByRole("list", { name: "Public history" })).toContainText("the print edition says allied");
});
