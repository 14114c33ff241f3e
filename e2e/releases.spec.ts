// Releases end to end: an admin makes one; readers find it on /data/releases, download its zip
// and files (the same bytes each time, matching the SHA-256 the page lists), follow
// /data/releases/latest, see it on an event's page and cite it from /data.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, expectNoSeriousViolations, signIn } from "./fixtures";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const EVENT = "/events/2023-09-13-kim-putin-vostochny-summit";

test("an admin makes a release; readers list it, download it byte-identically, follow latest, and cite it", async ({
  browser,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, await createUser("admin"));
  await admin.goto("/admin/releases");
  await expectNoSeriousViolations(admin);
  const title = `E2E release ${Math.random().toString(36).slice(2, 8)}`;
  await admin.getByLabel("Title").fill(title);
  await admin.getByLabel("Description (optional)").fill("Made by the browser test.");
  await admin.getByRole("button", { name: "Make a release" }).click();
  const status = admin.getByRole("status").filter({ hasText: /Release \d{4}\.\d{1,2}\.\d+ is made/ });
  await expect(status).toBeVisible({ timeout: 30_000 });
  const version = /Release (\d{4}\.\d{1,2}\.\d+) is made/.exec((await status.textContent())!)![1];

  const page = await (await browser.newContext()).newPage();
  await page.goto("/data/releases");
  await expect(page.getByRole("heading", { name: "Data releases" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(version);
  await expectNoSeriousViolations(page);

  await row.getByRole("link", { name: version, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Release ${version}: ${title}`);
  await expectNoSeriousViolations(page);
  await expect(page.getByLabel(`Changelog of release ${version}`)).toContainText(`Changelog: release ${version}`);
  await expect(page.getByText(`(Version ${version}) [Data set]`)).toBeVisible();

  // Every file: two downloads give the same bytes, and those are the SHA-256 the page lists.
  const files = page.getByRole("table", { name: `Files of release ${version}` }).getByRole("row");
  const count = await files.count();
  expect(count).toBe(9); // header + zip + seven files
  for (let i = 1; i < count; i++) {
    const cells = files.nth(i).getByRole("cell");
    const name = (await cells.nth(0).textContent())!;
    const listed = (await cells.nth(3).textContent())!;
    const a = await page.request.get(`/data/releases/${version}/${name}`);
    const b = await page.request.get(`/data/releases/${version}/${name}`);
    expect(a.status(), name).toBe(200);
    expect(sha256(await a.body()), name).toBe(listed);
    expect(sha256(await b.body()), name).toBe(listed);
    expect(a.headers()["etag"]).toBe(`"${listed}"`);
  }
  // The zip link downloads as a file.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /\.zip$/ }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`-${version.replace(/\./g, "\\.")}\\.zip$`));

  // latest leads to the newest release; the API lists it first.
  const latest = await page.request.get("/data/releases/latest", { maxRedirects: 0 });
  expect(latest.status()).toBe(307);
  expect(latest.headers()["location"]).toBe(`/data/releases/${version}`);
  const api = await (await page.request.get("/api/v1/releases")).json();
  expect(api.releases[0]).toMatchObject({ version, title, eventCount: expect.any(Number) });
  expect((await page.request.get("/api/v1/releases/2001.1.999")).status()).toBe(404);

  // A seed event's page names the release; /data cites the newest release.
  await page.goto(EVENT);
  const inReleases = page.getByRole("region", { name: "In data releases" });
  await expect(inReleases).toContainText("since release");
  await expect(inReleases.getByRole("listitem").getByRole("link", { name: version, exact: true })).toBeVisible();
  await page.goto("/data");
  const cite = page.getByRole("region", { name: "How to cite" });
  await expect(cite).toContainText(`The newest release, ${version}`);
  await expect(cite.getByLabel(`BibTeX for release ${version}`)).toContainText(`version = {${version}}`);
  await expectNoSeriousViolations(page);
});

test("editors cannot open the releases page", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  await page.goto("/admin/releases");
  await expect(page).toHaveURL(/\/editor\?denied=1/);
});
