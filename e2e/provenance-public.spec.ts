// What a reader sees of a citation's provenance: the quote in quotation marks with the check beside
// it, the editor's note apart from it, disputing sources under their own heading, a dead link
// replaced by its archive, and the disputed mark in the table and the timeline's details.
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./fixtures";
import { createPrismaClient } from "../lib/prisma-client";
import { createPublicPageEvent } from "../lib/testing/provenance-page-fixture";

let fixture: Awaited<ReturnType<typeof createPublicPageEvent>>;

test.beforeAll(async () => {
  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    fixture = await createPublicPageEvent(prisma);
  } finally {
    await prisma.$disconnect();
  }
});

test("the event page shows each quote with its check, the editor's note apart, and who disputes the claim", async ({
  page,
}) => {
  await page.goto(`/events/${fixture.id}`);
  await expect(page.getByRole("heading", { name: "Sources (5)", level: 2 })).toBeVisible();

  // The quote is in quotation marks, credited, and checked against the captured copy.
  const report = page.getByRole("listitem").filter({ hasText: "Port report" });
  await expect(report.locator("blockquote")).toHaveText(`“${fixture.quotes.verified}”`);
  await expect(report.getByText("— Harbour Monitor, 14 October 2026")).toBeVisible();
  await expect(report.getByText("Checked against a copy captured 30 November 2026")).toBeVisible();
  // The editor's words are labelled as such and are not inside the quote.
  const note = report.getByText(`Editor’s note: ${fixture.notes.report}`);
  await expect(note).toBeVisible();
  expect(await note.evaluate((el) => el.closest("blockquote") === null)).toBe(true);
  await expect(page.locator("blockquote", { hasText: fixture.notes.report })).toHaveCount(0);
  // The copy is shown by its date and fingerprint only.
  await report.getByText("Copy captured 30 November 2026", { exact: true }).click();
  await expect(report.getByText(fixture.sha256)).toBeVisible();
  await expect(page.getByText("The ministry declined to comment")).toHaveCount(0);

  // A dead address: said so, with the archived copy offered first.
  await expect(report.getByText("This link no longer works (checked 2 December 2026).")).toBeVisible();
  await expect(report.getByRole("link", { name: "Read the archived copy" })).toHaveAttribute(
    "href",
    fixture.urls.archive,
  );
  await expect(report.getByRole("link", { name: "Port report" })).toHaveAttribute("href", fixture.urls.archive);
  await expect(report.locator(`a[href="${fixture.urls.report}"]`)).toHaveCount(0);

  const wire = page.getByRole("listitem").filter({ hasText: "Wire story" });
  await expect(wire.getByText("Not yet checked against a copy")).toBeVisible();

  // Disputing sources under their own heading, with their quote and note; the header says how many.
  await expect(page.getByRole("link", { name: "Disputed by 2 sources" })).toHaveAttribute("href", "#disputed-by");
  const disputed = page.getByRole("region", { name: "Disputed by" });
  await expect(disputed.getByRole("heading", { name: "Disputed by", level: 3 })).toBeVisible();
  await expect(disputed.getByRole("listitem")).toHaveCount(2);
  await expect(disputed.locator("blockquote")).toHaveText(`“${fixture.quotes.denial}”`);
  await expect(disputed.getByText(`Editor’s note: ${fixture.notes.denial}`)).toBeVisible();
  await expect(disputed.getByText("Embassy remarks")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Supported by", level: 3 })).toBeVisible();

  await expectNoSeriousViolations(page);
});

test("the table marks a disputed event and explains the mark", async ({ page }) => {
  await page.goto(`/events?q=${encodeURIComponent(fixture.title)}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: fixture.title }) });
  await expect(row.getByText("Disputed by 2 sources")).toBeVisible();
  await expect(
    page.getByText(/“Disputed by N sources”: N of the event's sources deny or contradict the claim/),
  ).toBeVisible();
  await page.getByRole("link", { name: "More in the codebook" }).click();
  await expect(page.getByRole("heading", { name: "The disputed mark" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Quote checks" })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the timeline's details panel says the event is disputed", async ({ page }) => {
  await page.goto(`/timeline?q=${encodeURIComponent(fixture.title)}&selected=${fixture.id}`);
  const panel = page.getByRole("complementary", { name: "Event details" });
  await expect(panel).toContainText("Disputed by 2 sources");
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Disputed by N sources");
});
