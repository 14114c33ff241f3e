import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createUser, signIn } from "./fixtures";

const uniqueTitle = (base: string) => `${base} ${Math.random().toString(36).slice(2, 7)}`;

async function fillNewEvent(page: Page, title: string) {
  await page.goto("/editor/events/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (neutral, in your own words)").fill("A test shipment was reported by two outlets.");
  await page.getByLabel("Event type").selectOption("arms-transfer");
  await page.getByLabel("Claim status").selectOption("alleged");
  await page.getByLabel("Date", { exact: true }).fill("2024-02-10");
  for (const [name, role] of [["North Korea", "supplier"], ["Russia", "recipient"]]) {
    await page.getByLabel("Actor (name or alias)").fill(name);
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByRole("button", { name: "Add actor" }).click();
  }
  await page.getByLabel("Web address (http or https) of source 1").fill("https://example.org/report-1");
  await page.getByLabel("Title of source 1").fill("First report");
  await page.getByLabel("Publisher of source 1").fill("Example Wire");
  await page.getByLabel("Quote: the source's own words, exactly (source 1)").fill("Containers of shells were loaded.");
  await page.getByRole("button", { name: "Add a source" }).click();
  await page.getByLabel("Web address (http or https) of source 2").fill("https://example.org/report-2");
  await page.getByLabel("Title of source 2").fill("Second report");
  await page.getByLabel("Quote: the source's own words, exactly (source 2)").fill("Officials confirmed the loading.");
}

test("anonymous visitors to the desk are sent to sign in", async ({ page }) => {
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/signin\?from=%2Feditor/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a contributor drafts and submits; an editor publishes, then corrects with a note", async ({ browser }) => {
  test.slow(); // two accounts, two sign-ins and a dozen page loads
  const title = uniqueTitle("Test shipment of shells");
  const contributor = await browser.newPage();
  await signIn(contributor, await createUser("contributor"));
  await fillNewEvent(contributor, title);
  await contributor.getByRole("button", { name: "Create draft" }).click();
  await expect(contributor.getByText("Saved.")).toBeVisible();
  await expect(contributor.getByText("Status: draft")).toBeVisible();
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Status: in review")).toBeVisible();
  await expect(contributor.getByRole("button", { name: "Publish" })).toHaveCount(0);

  const editor = await browser.newPage();
  await signIn(editor, await createUser("editor"));
  await editor.getByRole("link", { name: title }).click();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Status: published")).toBeVisible();

  await editor.goto(`/events?q=${encodeURIComponent(title)}`);
  await expect(editor.getByRole("table").getByRole("link", { name: title })).toBeVisible();

  await editor.getByRole("table").getByRole("link", { name: title }).click();
  await editor.waitForURL(/\/events\/[a-z0-9-]+$/);
  const publicUrl = editor.url();
  await expect(editor.getByText("Containers of shells were loaded.")).toBeVisible();
  await editor.goto(publicUrl.replace("/events/", "/editor/events/"));
  await expect(editor.getByText("Status: published")).toBeVisible();
  await editor.getByLabel("Summary (neutral, in your own words)").fill("A test shipment of artillery shells was reported by two outlets.");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Describe the change for readers")).toBeVisible(); // the note is required
  await editor.getByLabel("Change note (shown to readers)").fill("The shipment held artillery shells.");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Saved.")).toBeVisible();
  await editor.goto(publicUrl);
  await expect(editor.getByRole("list", { name: "Public history" })).toContainText("correction: The shipment held artillery shells.");
  await expect(editor.getByText("artillery shells was reported")).toBeVisible();
});

test("two editors edit one event: the second sees the conflict, loses nothing, and saves after review", async ({ browser }) => {
  const title = uniqueTitle("Conflict test event");
  const a = await browser.newPage();
  await signIn(a, await createUser("editor", "Alice"));
  await fillNewEvent(a, title);
  await a.getByRole("button", { name: "Create draft" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();
  const editUrl = a.url().split("?")[0];

  const b = await browser.newPage();
  await signIn(b, await createUser("editor", "Bob"));
  await b.goto(editUrl);
  await a.reload();

  await a.getByLabel("Summary (neutral, in your own words)").fill("Alice's summary of the event.");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();

  await b.getByLabel("Place name").fill("Rajin port");
  await b.getByRole("button", { name: "Save changes" }).click();
  const conflict = b.getByRole("region", { name: "Conflicting changes" });
  await expect(conflict).toContainText("Alice");
  await expect(conflict).toContainText("Alice's summary of the event.");
  await expect(b.getByLabel("Place name")).toHaveValue("Rajin port"); // nothing typed is lost
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByText("Saved.")).toBeVisible();
  await expect(b.getByLabel("Place name")).toHaveValue("Rajin port");
});

test("a retracted event keeps its page with a notice and leaves the default list", async ({ browser }) => {
  const editor = await browser.newPage();
  await signIn(editor, await createUser("editor"));
  const title = uniqueTitle("Retraction test event");
  await fillNewEvent(editor, title);
  await editor.getByRole("button", { name: "Create draft" }).click();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Status: published")).toBeVisible();
  await editor.getByLabel("Retraction reason (shown to readers)").fill("The reports were withdrawn by their publishers.");
  await editor.getByRole("button", { name: "Retract" }).click();
  await expect(editor.getByText("Status: retracted")).toBeVisible();

  await editor.goto(`/events?q=${encodeURIComponent(title)}`);
  await expect(editor.getByText("No published events match")).toBeVisible();
  await editor.goto(`/events?q=${encodeURIComponent(title)}&retracted=include`);
  await editor.getByRole("table").getByRole("link", { name: title }).click();
  await expect(editor.getByRole("note", { name: "Retraction notice" })).toContainText("The reports were withdrawn by their publishers.");
});

test("the sign-in page and the event form have no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  let { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/events/new");
  ({ violations } = await new AxeBuilder({ page }).analyze());
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
});

test("hostile text is stored and shown as plain text, never run", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  const title = `<script>window.__pwned = 1</script> Ünïcödé ‮ ${Math.random().toString(36).slice(2, 7)}`;
  await fillNewEvent(page, title);
  await page.getByLabel("Public id").fill(`2024-02-10-hostile-${Math.random().toString(36).slice(2, 7)}`);
  await page.getByRole("button", { name: "Create draft" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Status: published")).toBeVisible();
  await page.getByRole("link", { name: "public page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("a javascript: source address is refused with a message beside the field", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await fillNewEvent(page, uniqueTitle("Bad URL event"));
  await page.getByLabel("Web address (http or https) of source 1").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Enter a full web address starting with http:// or https://")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).not.toHaveValue(""); // nothing typed is lost
});
