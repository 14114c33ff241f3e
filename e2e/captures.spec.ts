// An editor captures a copy of a source from a page this test serves, and sees the quote checked
// against it while editing: found, then not found once a word changes.
import { expect, test, type Page } from "@playwright/test";
import { makeArticlePage, makePdf } from "../lib/captures/fixtures";
import { MAX_COPY_BYTES } from "../lib/captures/limits";
import { serveArticle } from "./article-server";
import { createUser, signIn, expectNoSeriousViolations } from "./fixtures";

const QUOTE = "Our ships will carry no weapons to the peninsula.";
const article = serveArticle(QUOTE, "/statement.html");

/**
 * Signs in a new editor and adds a source of its own to the seed's Vostochny summit, so the
 * seeded ones (and any copy they have) are left alone: its number and its captured-copy group.
 */
async function addSourceAsEditor(page: Page) {
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/events/2023-09-13-kim-putin-vostochny-summit");
  await page.getByRole("button", { name: "Add a source" }).click();
  const n = await page.getByRole("heading", { name: /^Source \d+$/ }).count();
  return { n, copy: page.getByRole("group", { name: `Captured copy (source ${n})` }) };
}

test("an editor captures a source's page and sees its quote verified, then not found after one word changes", async ({
  page,
  browser,
}) => {
  const { n, copy } = await addSourceAsEditor(page);
  await page.getByLabel(`Web address (http or https) of source ${n}`).fill(article.url());
  await page.getByLabel(`Title of source ${n}`).fill("Ministry statement");
  await page.getByLabel(`Quote: the source's own words, exactly (source ${n})`).fill(QUOTE);

  await expect(copy.getByText("Quote check: No copy yet")).toBeVisible();
  await copy.getByRole("button", { name: `Capture now (source ${n})` }).click();
  await expect(copy.getByText("Quote check: Quote found in the copy")).toBeVisible();
  await expect(copy.getByRole("blockquote", { name: "Matching passage in the copy" })).toContainText(`[${QUOTE}]`);
  await expect(
    copy.getByText(
      /^Captured \d+ \w+ \d{4}, \d\d:\d\d UTC from http:\/\/127\.0\.0\.1:\d+\/statement\.html · \d+ bytes, web page \(HTML\)$/,
    ),
  ).toBeVisible();
  await copy.getByText("SHA-256").click();
  await expect(copy.getByText(/^[0-9a-f]{64}$/)).toBeVisible();

  await page
    .getByLabel(`Quote: the source's own words, exactly (source ${n})`)
    .fill(QUOTE.replace("weapons", "missiles"));
  await expect(copy.getByText("Quote check: Quote not found in this copy")).toBeVisible();
  await page.getByLabel(`Quote: the source's own words, exactly (source ${n})`).fill("");
  await expect(copy.getByText("Quote check: No quote (note only)")).toBeVisible();

  // The original is a sandboxed download, whatever the proxy adds; the text is plain text.
  const original = await page.request.get(
    (await copy.getByRole("link", { name: `Download the original (source ${n})` }).getAttribute("href"))!,
  );
  expect(original.headers()["content-disposition"]).toMatch(/^attachment; filename="copy-\d+-[0-9a-f]{12}\.html"$/);
  expect(original.headers()["content-security-policy"]).toContain("sandbox");
  expect(original.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await original.text()).toBe(makeArticlePage(QUOTE));
  const textHref = (await copy.getByRole("link", { name: `Read the text (source ${n})` }).getAttribute("href"))!;
  expect(await (await page.request.get(textHref)).text()).toContain(QUOTE);
  // Never for the public: an anonymous visitor is sent to sign in.
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(textHref, { maxRedirects: 0 });
  expect([303, 307]).toContain(refused.status());
  expect(refused.headers().location).toContain("/signin");
  await anonymous.close();
});

test("an editor uploads a PDF saved from a browser, and a picture is refused", async ({ page }) => {
  const { n, copy } = await addSourceAsEditor(page);
  await page.getByLabel(`Quote: the source's own words, exactly (source ${n})`).fill(QUOTE);
  const file = copy.getByLabel(`Upload a saved copy (HTML, PDF or plain text, at most 10 MB) (source ${n})`);
  await file.setInputFiles({
    name: "photo.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  await expect(copy.getByRole("alert")).toHaveText(/^This file is a PNG image, not a saved page\./);
  await expect(copy.getByText("Quote check: No copy yet")).toBeVisible();
  // pdf.js runs inside the built server here, not only in the unit tests.
  await file.setInputFiles({
    name: "statement.pdf",
    mimeType: "application/pdf",
    buffer: makePdf(["Ministry statement.", QUOTE]),
  });
  await expect(copy.getByText("Quote check: Quote found in the copy")).toBeVisible();
  await expect(copy.getByText(/^Uploaded .* · \d+ bytes, PDF$/)).toBeVisible();
});

test("the event form with a captured copy has no serious accessibility violations", async ({ page }) => {
  const { n, copy } = await addSourceAsEditor(page);
  await page.getByLabel(`Web address (http or https) of source ${n}`).fill(article.url());
  await page.getByLabel(`Quote: the source's own words, exactly (source ${n})`).fill(QUOTE);
  await copy.getByRole("button", { name: `Capture now (source ${n})` }).click();
  await expect(copy.getByText("Quote check: Quote found in the copy")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("a saved copy of the full 10 MB uploads (its own limit, not a server action's), and one byte more is refused", async ({
  page,
}) => {
  const { n, copy } = await addSourceAsEditor(page);
  await page.getByLabel(`Quote: the source's own words, exactly (source ${n})`).fill(QUOTE);
  const file = copy.getByLabel(`Upload a saved copy (HTML, PDF or plain text, at most 10 MB) (source ${n})`);
  const line = "Ministry statement, filler text for a large saved copy of the page.\n";
  const text = `${QUOTE}\n${line.repeat(Math.ceil(MAX_COPY_BYTES / line.length))}`.slice(0, MAX_COPY_BYTES);
  await file.setInputFiles({ name: "statement.txt", mimeType: "text/plain", buffer: Buffer.from(text) });
  await expect(copy.getByText("Quote check: Quote found in the copy")).toBeVisible({ timeout: 30_000 });
  await expect(copy.getByText(/^Uploaded .* · 10\.5 MB, plain text$/)).toBeVisible();
  await file.setInputFiles({ name: "statement.txt", mimeType: "text/plain", buffer: Buffer.from(`${text}!`) });
  await expect(copy.getByRole("alert")).toHaveText("The file is larger than 10 MB, the most a copy may be.");
});
