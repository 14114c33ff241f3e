import { expect, test } from "@playwright/test";
import { createUser, expectNoSeriousViolations, signIn } from "./fixtures";

const HEADER = "id,title,summary,event_type,claim_status,start_date,end_date,date_precision,approximate,actors,status";

test("an import with errors lists them by row and column and writes nothing", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/import");
  const good =
    "2024-03-01-import-good-row,A good imported row,Fine.,aid-trade,confirmed,2024-03-01,,day,false,Russia (supplier),draft";
  const bad =
    "2024-03-02-import-bad-row,A bad imported row,Broken.,alien-invasion,confirmed,2024-02-30,,day,false,Russia (supplier),draft";
  await page.getByLabel(/^Events CSV/).setInputFiles({
    name: "events.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([HEADER, good, bad, ""].join("\r\n")),
  });
  await page.getByRole("button", { name: "Import" }).click();
  const errors = page.getByRole("alert", { name: "Import errors" });
  await expect(errors).toContainText("Nothing was written");
  await expect(errors.getByRole("row", { name: /3 event_type/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /3 start_date/ })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto("/editor");
  await expect(page.getByText("A good imported row")).toHaveCount(0); // all or nothing
});

test("a valid file is checked, then imported as drafts", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/import");
  const id = `2024-03-03-import-ok-${Math.random().toString(36).slice(2, 7)}`;
  const file = {
    name: "events.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        HEADER,
        `${id},An imported draft,Fine.,aid-trade,confirmed,2024-03,,month,false,Russia (supplier),draft`,
        "",
      ].join("\r\n"),
    ),
  };
  await page.getByLabel(/^Events CSV/).setInputFiles(file);
  await page.getByRole("button", { name: "Check file (writes nothing)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The file is valid" })).toContainText("1 row: 1 new");
  await page.getByLabel(/^Events CSV/).setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported." })).toContainText("1 new");
  await page.goto(`/editor/events/${id}`);
  await expect(page.getByText("Status: draft")).toBeVisible();
});

test("Import sends exactly what was checked: the file and the status chosen stay on the form", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/import");
  const id = `2024-03-04-import-kept-${Math.random().toString(36).slice(2, 7)}`;
  // The file's own status column says published; the editor imports it as a draft.
  const row = `${id},Meant as a draft,Fine.,aid-trade,confirmed,2024-03-04,,day,false,Russia (supplier),published`;
  await page
    .getByLabel(/^Events CSV/)
    .setInputFiles({ name: "events.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, row, ""].join("\r\n")) });
  await page.getByLabel("Status of new events").selectOption("draft");
  await page.getByRole("button", { name: "Check file (writes nothing)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The file is valid" })).toContainText("1 row: 1 new");
  await expect(page.getByLabel("Status of new events")).toHaveValue("draft");
  expect(
    await page.getByLabel(/^Events CSV/).evaluate((el: HTMLInputElement) => [...(el.files ?? [])].map((f) => f.name)),
  ).toEqual(["events.csv"]);
  await page.getByRole("button", { name: "Import" }).click(); // no file picked again
  await expect(page.getByRole("status").filter({ hasText: "Imported." })).toContainText("1 row: 1 new");
  await page.goto(`/editor/events/${id}`);
  await expect(page.getByText("Status: draft")).toBeVisible();
});

test("files together larger than 10 MB reach the import whole, and a file over 10 MB is refused in a sentence", async ({
  page,
}) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/import");
  // Two files of 6 MB each (an extra column the import ignores), 12 MB in one upload.
  const pad = "x".repeat(6 * 1024 * 1024);
  const id = `2024-03-05-import-large-${Math.random().toString(36).slice(2, 7)}`;
  const events = [
    `${HEADER},padding`,
    `${id},A large upload,Fine.,aid-trade,confirmed,2024-03-05,,day,false,Russia (supplier),draft,${pad}`,
    "",
  ].join("\r\n");
  const sources = [
    "event_id,position,title,quote,source_type,padding",
    `${id},1,A report,The passage.,news,${pad}`,
    "",
  ].join("\r\n");
  await page
    .getByLabel(/^Events CSV/)
    .setInputFiles({ name: "events.csv", mimeType: "text/csv", buffer: Buffer.from(events) });
  await page
    .getByLabel(/^Sources CSV/)
    .setInputFiles({ name: "sources.csv", mimeType: "text/csv", buffer: Buffer.from(sources) });
  await page.getByRole("button", { name: "Check file (writes nothing)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The file is valid" })).toContainText("1 row: 1 new", {
    timeout: 30_000,
  });

  const tooBig = Buffer.from(`${HEADER}\r\n${"y".repeat(10 * 1024 * 1024)}`);
  await page.getByLabel(/^Events CSV/).setInputFiles({ name: "events.csv", mimeType: "text/csv", buffer: tooBig });
  await page.getByRole("button", { name: "Check file (writes nothing)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "larger than 10 MB" })).toHaveText(
    "A file is larger than 10 MB; split it into smaller files.",
  );
});

test("an upload is refused to a signed-out browser and to another site, in JSON the form can show", async ({
  page,
  playwright,
  baseURL,
}) => {
  const multipart = {
    events: { name: "events.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\r\n`) },
    mode: "dry-run",
  };
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const path of ["/editor/uploads/import", "/editor/uploads/copy"]) {
    const res = await anonymous.post(path, { multipart, maxRedirects: 0 });
    // The proxy sends a browser without a session to sign in; the route itself answers 401.
    expect([307, 401], path).toContain(res.status());
  }
  await anonymous.dispose();
  await signIn(page, await createUser("editor"));
  const forged = await page.request.post("/editor/uploads/import", {
    multipart,
    headers: { origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  const genuine = await page.request.post("/editor/uploads/import", {
    multipart,
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(genuine.status()).toBe(200);
  expect(await genuine.json()).toMatchObject({ rows: 0, dryRun: true, committed: false });
});

test("a server action takes at most Next's default 1 MB body again: the sign-in with 2 MB more signs no one in", async ({
  page,
}) => {
  const user = await createUser("editor");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  // The sign-in form's own fields, as the browser would post them, and 2 MB of padding.
  const status = await page
    .locator("form")
    .filter({ has: page.getByLabel("Password") })
    .evaluate(async (form: HTMLFormElement) => {
      const data = new FormData(form);
      data.set("padding", "z".repeat(2 * 1024 * 1024));
      const res = await fetch(location.href, { method: "POST", body: data, headers: { accept: "text/x-component" } });
      return res.status;
    });
  expect(status).toBeGreaterThanOrEqual(400);
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/signin/);
});
