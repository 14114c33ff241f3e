// The site as it stood at a moment: an event corrected after that moment shows as it was, under
// "The record as of … — see today's", in the table, on its page and in the timeline and map; a date
// before it was published leaves it out; a refused as_of is explained, in pages and in the API.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./fixtures";
import type { SessionUser } from "../lib/auth/roles";
import { createEvent, updateEvent } from "../lib/events/mutations";
import { createPrismaClient } from "../lib/prisma-client";

const word = randomBytes(4).toString("hex");
const id = `2019-03-02-as-of-${word}`;
const before = `As-of drill ${word}: first wording`;
const after = `As-of drill ${word}: corrected wording`;
let firstMoment: Date;

test.beforeAll(async () => {
  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    const u = await prisma.user.create({
      data: { email: `as-of-${word}@example.org`, name: "As-of editor", role: "editor" },
    });
    const editor: SessionUser = { id: u.id, email: u.email, name: u.name, role: "editor" };
    const input = {
      id,
      title: before,
      summary: `A drill for the record as of a date (${word}).`,
      type: "diplomatic-process",
      claimStatus: "confirmed",
      startDate: "2019-03-02",
      precision: "day",
      status: "published",
      countryCodes: ["KP"],
      actors: [],
      sources: [
        {
          url: `https://example.org/${word}`,
          title: "Report",
          publisher: "Paper",
          sourceType: "news",
          quote: "The talks took place.",
          language: "en",
        },
      ],
    };
    await createEvent(prisma, editor, input);
    await new Promise((r) => setTimeout(r, 50));
    firstMoment = new Date();
    await new Promise((r) => setTimeout(r, 50));
    await updateEvent(
      prisma,
      editor,
      id,
      1,
      { ...input, title: after },
      { kind: "correction", note: "The wording was wrong." },
    );
  } finally {
    await prisma.$disconnect();
  }
});

const record = (page: Page) => page.getByRole("note", { name: "Date of the record" });

test("the table as of a moment shows the event as it was, says so, and links today's", async ({ page }) => {
  const asOf = encodeURIComponent(firstMoment.toISOString());
  await page.goto(`/events?q=${word}&as_of=${asOf}`);
  await expect(record(page)).toContainText("The record as of");
  await expect(page.getByRole("link", { name: before })).toBeVisible();
  await expect(page.getByRole("link", { name: after })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  // The view switch and the exports keep the moment.
  await expect(page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Timeline" })).toHaveAttribute(
    "href",
    /as_of=/,
  );
  const csv = await page.request.get(`/events.csv?q=${word}&as_of=${asOf}`);
  expect(await csv.text()).toContain(before);
  await record(page).getByRole("link", { name: "see today's" }).click();
  await expect(page).toHaveURL(new RegExp(`/events\\?q=${word}$`));
  await expect(page.getByRole("link", { name: after })).toBeVisible();
  await expect(record(page)).toHaveCount(0);
});

test("the event page as of a moment shows it before its correction, with its history up to then", async ({ page }) => {
  await page.goto(`/events/${id}?as_of=${encodeURIComponent(firstMoment.toISOString())}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(before);
  await expect(record(page)).toContainText("The record as of");
  await expect(page.getByText("The wording was wrong.")).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await record(page).getByRole("link", { name: "see today's" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(after);
  await expect(page.getByRole("list", { name: "Public history" })).toContainText("The wording was wrong.");
});

test("a date before the event was published leaves it out, and says a date means the end of that day", async ({
  page,
}) => {
  await page.goto(`/events?q=${word}&as_of=2020-01-31`);
  await expect(record(page)).toContainText("The record as of 31 January 2020");
  await expect(record(page)).toContainText("end of that day, UTC");
  await expect(page.getByText("No events match")).toBeVisible();
  // Filtering again stays on that date.
  await page.getByRole("search", { name: "Filter events" }).getByLabel("Search").fill(`drill ${word}`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/as_of=2020-01-31/);
  await expect(record(page)).toContainText("The record as of 31 January 2020");
  const missing = await page.request.get(`/events/${id}?as_of=2020-01-31`);
  expect(missing.status()).toBe(404);
});

for (const path of ["/timeline", "/map"]) {
  test(`${path} as of a moment says so and is accessible`, async ({ page }) => {
    await page.goto(`${path}?q=${word}&as_of=${encodeURIComponent(firstMoment.toISOString())}`);
    await expect(record(page)).toContainText("The record as of");
    await expect(page.getByText(before).first()).toBeAttached();
    await expectNoSeriousViolations(page);
  });
}

test("a future or unreadable as_of is explained: a notice on pages, a 400 naming the parameter in the API and the CSV", async ({
  page,
}) => {
  await page.goto(`/events?as_of=2999-01-01`);
  await expect(record(page)).toContainText("is in the future");
  await page.goto(`/events?as_of=last-tuesday`);
  await expect(record(page)).toContainText("is not a date");
  await expectNoSeriousViolations(page);
  const api = await page.request.get(`/api/v1/events?as_of=last-tuesday`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error.parameters).toContain("as_of");
  const csv = await page.request.get(`/sources.csv?as_of=2999-01-01`);
  expect(csv.status()).toBe(400);
  expect(await csv.text()).toMatch(/as_of/);
});
