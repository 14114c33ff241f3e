import { expect, test, type Page } from "@playwright/test";
import { createUser, expectNoSeriousViolations, signIn } from "./fixtures";

const uniqueTitle = (base: string) => `${base} ${Math.random().toString(36).slice(2, 7)}`;

/** An editor's new event, published; returns its editor page's address. */
async function publishedEvent(page: Page, title: string) {
  await fillNewEvent(page, title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Status: published")).toBeVisible();
  return page.url().split("?")[0];
}

async function fillNewEvent(page: Page, title: string) {
  await page.goto("/editor/events/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (neutral, in your own words)").fill("A test shipment was reported by two outlets.");
  await page.getByLabel("Event type").selectOption("arms-transfer");
  await page.getByLabel("Claim status").selectOption("alleged");
  await page.getByLabel("Date", { exact: true }).fill("2024-02-10");
  for (const [name, role] of [
    ["North Korea", "supplier"],
    ["Russia", "recipient"],
  ]) {
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
  await expect(contributor.getByRole("heading", { name: "History (1 revision)" })).toBeVisible();
  const editUrl = contributor.url().split("?")[0];
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Status: in review")).toBeVisible();
  // Said in words, with a link to the event (not "Done: submit.").
  const submitted = contributor
    .getByRole("status")
    .filter({ hasText: "Submitted for review. An editor will publish it." });
  await expect(submitted).toBeVisible();
  expect(new URL((await submitted.getByRole("link").getAttribute("href")) ?? "", editUrl).href).toBe(editUrl);
  await expect(contributor.getByText(/Done: /)).toHaveCount(0);
  await expect(contributor.getByRole("button", { name: "Publish" })).toHaveCount(0);

  const editor = await (await browser.newContext()).newPage(); // axe needs a page from a context
  await signIn(editor, await createUser("editor"));
  await editor.getByRole("link", { name: title }).click();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Status: published")).toBeVisible();
  const published = editor.getByRole("status").filter({ hasText: "Published. Readers can see it now" });
  await expect(published.getByRole("link")).toHaveAttribute(
    "href",
    editUrl.replace(/^.*\/editor\/events\//, "/events/"),
  );

  await editor.goto(`/events?q=${encodeURIComponent(title)}`);
  await expect(editor.getByRole("table").getByRole("link", { name: title })).toBeVisible();

  await editor.getByRole("table").getByRole("link", { name: title }).click();
  await editor.waitForURL(/\/events\/[a-z0-9-]+$/);
  const publicUrl = editor.url();
  await expect(editor.getByText("Containers of shells were loaded.")).toBeVisible();
  await editor.goto(publicUrl.replace("/events/", "/editor/events/"));
  await expect(editor.getByText("Status: published")).toBeVisible();
  await editor
    .getByLabel("Summary (neutral, in your own words)")
    .fill("A test shipment of artillery shells was reported by two outlets.");
  // No kind is chosen for the editor: a wrong default would mislabel the change in public.
  await expect(editor.getByRole("radio", { name: /Correction/ })).not.toBeChecked();
  await expect(editor.getByRole("radio", { name: /Update/ })).not.toBeChecked();
  await editor.getByRole("button", { name: "Save changes" }).click();
  // Both are required; the errors are listed as links, counted, and the list has the focus.
  const summary = editor.getByRole("region", { name: "2 fields need attention" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: /Change note.*Describe the change for readers/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Kind of change.*Choose/ })).toBeVisible();
  await expectNoSeriousViolations(editor);
  await editor.getByLabel("Change note (shown to readers)").fill("The shipment held artillery shells.");
  await editor.getByRole("radio", { name: /Correction/ }).check();
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByText("Saved.")).toBeVisible();
  await editor.goto(publicUrl);
  await expect(editor.getByRole("list", { name: "Public history" })).toContainText(
    "correction: The shipment held artillery shells.",
  );
  await expect(editor.getByText("artillery shells was reported")).toBeVisible();
});

test("two editors edit one event: the second sees the conflict, loses nothing, and saves after review", async ({
  browser,
}) => {
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

test("a stale save of a public event is refused and every control still shows what will be saved", async ({
  browser,
}) => {
  test.slow(); // two accounts and a publication
  const title = uniqueTitle("Stale public save");
  const a = await browser.newPage();
  await signIn(a, await createUser("editor", "Alice"));
  const editUrl = await publishedEvent(a, title);

  const b = await browser.newPage();
  await signIn(b, await createUser("editor", "Bob"));
  await b.goto(editUrl);

  await a.goto(editUrl);
  await a.getByLabel("Summary (neutral, in your own words)").fill("Alice's corrected summary.");
  await a.getByRole("radio", { name: /Correction/ }).check();
  await a.getByLabel("Change note (shown to readers)").fill("Alice corrected the summary.");
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByText("Saved.")).toBeVisible();

  await b.getByLabel("Place name").fill("Rajin port");
  await b.getByLabel("Claim status").selectOption("confirmed");
  await b.getByRole("checkbox", { name: "small-arms" }).check();
  await b.getByRole("radio", { name: /Update/ }).check();
  await b.getByLabel("Change note (shown to readers)").fill("The port was named by a second outlet.");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByRole("region", { name: "Conflicting changes" })).toContainText("Alice");
  // What is shown is what the next save sends.
  await expect(b.getByRole("radio", { name: /Update/ })).toBeChecked();
  await expect(b.getByRole("radio", { name: /Correction/ })).not.toBeChecked();
  await expect(b.getByLabel("Claim status")).toHaveValue("confirmed");
  await expect(b.getByRole("checkbox", { name: "small-arms" })).toBeChecked();
  await expect(b.getByLabel("Place name")).toHaveValue("Rajin port");
  await expect(b.getByLabel("Change note (shown to readers)")).toHaveValue("The port was named by a second outlet.");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b.getByText("Saved.")).toBeVisible();
  await b.goto(editUrl.replace("/editor/events/", "/events/"));
  await expect(b.getByRole("list", { name: "Public history" })).toContainText(
    "update: The port was named by a second outlet.",
  );
  await expect(b.getByRole("list", { name: "Public history" })).not.toContainText("correction: The port");
});

test("errors below the fold are listed as links at the top, and a link takes the editor to the field", async ({
  page,
}) => {
  await signIn(page, await createUser("editor"));
  await fillNewEvent(page, uniqueTitle("Error summary event"));
  await page.getByLabel("Web address (http or https) of source 2").fill("not a web address");
  await page.getByRole("button", { name: "Create draft" }).click();
  const summary = page.getByRole("region", { name: /fields? needs? attention/ });
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  const link = summary.getByRole("link", { name: /Source 2: web address/ });
  await expect(link).toContainText("Enter a full web address starting with http:// or https://");
  const field = page.getByLabel("Web address (http or https) of source 2");
  await expect(field).not.toBeInViewport();
  await link.click();
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  await expectNoSeriousViolations(page);
});

test("long ids, addresses and publishers fit their fields", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await fillNewEvent(page, uniqueTitle("Long values event"));
  const long = {
    "Public id": `2024-02-10-${"a-very-long-public-identifier-made-from-the-title-".repeat(2).slice(0, 70)}`,
    "Web address (http or https) of source 1":
      "https://www.example-news-agency.org/world/asia-pacific/2024/02/10/containers-of-shells-loaded-at-rajin.html",
    "Publisher of source 1": "The International Institute for Strategic Studies, London",
  };
  for (const [label, value] of Object.entries(long)) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill(value);
    expect(
      await input.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth),
      `${label} shows all of its value`,
    ).toBe(true);
  }
});

test("a retracted event keeps its page with a notice and leaves the default list", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage(); // axe needs a page from a context
  await signIn(editor, await createUser("editor"));
  const title = uniqueTitle("Retraction test event");
  await publishedEvent(editor, title);
  // Retract sits with the workflow controls, after the form, and looks destructive.
  const retract = editor.getByRole("region", { name: "Workflow" }).getByRole("button", { name: "Retract…" });
  const titleField = editor.getByLabel("Title", { exact: true });
  expect(
    await titleField.evaluate(
      (el, button) => Boolean(el.compareDocumentPosition(button!) & Node.DOCUMENT_POSITION_FOLLOWING),
      await retract.elementHandle(),
    ),
  ).toBe(true);
  await expect(retract).toHaveCSS("background-color", "rgb(180, 35, 24)");
  // One click only asks.
  await retract.click();
  const dialog = editor.getByRole("alertdialog", { name: "Retract this event?" });
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(editor);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await editor.reload();
  await expect(editor.getByText("Status: published")).toBeVisible();
  await retract.click();
  await dialog
    .getByLabel("Retraction reason (shown to readers)")
    .fill("The reports were withdrawn by their publishers.");
  await dialog.getByRole("button", { name: "Retract event" }).click();
  await expect(editor.getByText("Status: retracted")).toBeVisible();
  await expect(editor.getByRole("status").filter({ hasText: "Retracted. Readers see it marked so" })).toBeVisible();

  await editor.goto(`/events?q=${encodeURIComponent(title)}`);
  await expect(editor.getByText("No published events match")).toBeVisible();
  await editor.goto(`/events?q=${encodeURIComponent(title)}&retracted=include`);
  await editor.getByRole("table").getByRole("link", { name: title }).click();
  await expect(editor.getByRole("note", { name: "Retraction notice" })).toContainText(
    "The reports were withdrawn by their publishers.",
  );
});

test("the sign-in page and the event form have no serious accessibility violations", async ({ page }) => {
  await page.goto("/signin");
  await expectNoSeriousViolations(page);
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/events/new");
  await expectNoSeriousViolations(page);
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
  await expect(page.getByLabel("Web address (http or https) of source 1")).toHaveAccessibleDescription(
    "Enter a full web address starting with http:// or https://",
  );
  await expect(page.getByLabel("Title", { exact: true })).not.toHaveValue(""); // nothing typed is lost
});
