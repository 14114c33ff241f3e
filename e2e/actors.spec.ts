// Actor pages (issue 14): a reader finds an actor by an alias and sees what it did with whom; an
// editor edits it; an admin merges a duplicate, whose old address then redirects. Each test makes
// its own actors and events (a random suffix), so other specs sharing the database are untouched.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createUser, expectNoSeriousViolations, signIn } from "./fixtures";
import { createPrismaClient } from "../lib/prisma-client";

// Several axe runs a test: on a busy two-core machine one takes up to ~20 s.
test.describe.configure({ timeout: 120_000 });

let prisma: ReturnType<typeof createPrismaClient> | undefined;
const db = () => (prisma ??= createPrismaClient(process.env.E2E_DATABASE_URL!, 2));

/** Two companies (the second a duplicate of the first), a state, and published transfers between them. */
async function makeActors() {
  const tag = randomBytes(3).toString("hex");
  const foundry = { slug: `quillon-foundry-${tag}`, name: `Quillon Foundry ${tag}`, alias: `QF-${tag}` };
  const duplicate = { slug: `quillon-works-${tag}`, name: `Quillon Works ${tag}` };
  const state = { slug: `vespera-${tag}`, name: `Republic of Vespera ${tag}` };
  await db().actor.createMany({
    data: [
      { slug: foundry.slug, name: foundry.name, kind: "company", countryCode: "BY", aliases: [foundry.alias] },
      { slug: duplicate.slug, name: duplicate.name, kind: "company", countryCode: "BY", aliases: [] },
      { slug: state.slug, name: state.name, kind: "state", countryCode: "AM", aliases: [] },
    ],
  });
  const ids = Object.fromEntries(
    (await db().actor.findMany({ where: { slug: { in: [foundry.slug, duplicate.slug, state.slug] } } })).map((a) => [
      a.slug,
      a.id,
    ]),
  );
  const event = async (suffix: string, date: string, supplier: string) => {
    const id = `${date}-quillon-${suffix}-${tag}`;
    await db().event.create({
      data: {
        id,
        title: `Quillon shells ${suffix} ${tag}`,
        summary: "Shells shipped (an actors.spec fixture).",
        type: "arms-transfer",
        claimStatus: "alleged",
        startDate: new Date(date),
        precision: "day",
        spanStart: new Date(date),
        spanEnd: new Date(date),
        status: "published",
        publishedAt: new Date(),
        actors: {
          create: [
            { actorId: ids[supplier], role: "supplier" },
            { actorId: ids[state.slug], role: "recipient" },
          ],
        },
      },
    });
    return id;
  };
  await event("one", "2011-04-02", foundry.slug);
  await event("two", "2012-07-09", foundry.slug);
  await event("three", "2012-08-10", duplicate.slug);
  await db().$executeRaw`UPDATE public_change SET version = version + 1 WHERE id = 1`;
  return { tag, foundry, duplicate, state };
}

test("a reader finds an actor by an alias and sees its events by role and its counterparties", async ({ page }) => {
  const { foundry, state } = await makeActors();
  await page.goto("/actors");
  await expect(page.getByRole("heading", { level: 1, name: "Actors" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByLabel("Name or alias").fill(foundry.alias.toLowerCase());
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("status")).toHaveText("1 actor");
  const row = page.getByRole("row", { name: new RegExp(foundry.name) });
  await expect(row).toContainText("company");
  await expect(row.getByRole("cell").last()).toHaveText("2");
  await row.getByRole("link", { name: foundry.name }).click();

  await expect(page).toHaveURL(new RegExp(`/actors/${foundry.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: foundry.name })).toBeVisible();
  await expect(page.getByText(foundry.alias)).toBeVisible();
  const histogram = page.getByRole("table", { name: `Public events naming ${foundry.name}, by year and role` });
  await expect(histogram.getByRole("row", { name: /2012/ })).toContainText("1");
  const counterparty = page.getByRole("listitem").filter({ hasText: state.name });
  await expect(counterparty).toContainText(`${foundry.name} supplied to (2 events)`);
  expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href")).toContain(
    `actor=${foundry.slug}`,
  );
  await expectNoSeriousViolations(page);
  await counterparty.getByRole("link", { name: `Events table: ${foundry.name} or ${state.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/events\\?actor=${foundry.slug}&actor=${state.slug}$`));
  await expect(page.getByRole("link", { name: `Quillon shells one ${foundry.slug.slice(-6)}` })).toBeVisible();
});

test("an event page links each actor to its page, and the API and CSV describe it", async ({ page, request }) => {
  const { foundry, state } = await makeActors();
  const id = (
    await db().event.findFirstOrThrow({
      where: { title: { startsWith: "Quillon shells one" }, actors: { some: { actor: { slug: foundry.slug } } } },
    })
  ).id;
  await page.goto(`/events/${id}`);
  await page.getByRole("link", { name: state.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/actors/${state.slug}$`));
  await expect(page.getByRole("listitem").filter({ hasText: foundry.name })).toContainText("received from (2 events)");

  const api = await request.get(`/api/v1/actors/${foundry.slug}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).data).toMatchObject({
    slug: foundry.slug,
    kind: "company",
    country: "BY",
    aliases: [foundry.alias],
    eventCount: 2,
  });
  const csv = await (await request.get("/actors.csv")).text();
  expect(csv.split("\r\n")[0]).toBe("slug,name,kind,country_code,aliases,description,event_count");
  expect(csv).toContain(`\r\n${foundry.slug},${foundry.name},company,BY,${foundry.alias},,2\r\n`);
});

test("on a 390×844 phone an actor page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/actors/kim-jong-un");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const { foundry } = await makeActors();
  await page.goto(`/actors/${foundry.slug}`);
  const after = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(after).toBe(true);
});

test("an editor edits an actor with a revision; a bad country is refused and nothing typed is lost", async ({
  page,
}) => {
  const { foundry } = await makeActors();
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/actors");
  await page.getByLabel("Name, slug or alias").fill(foundry.name);
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("link", { name: foundry.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${foundry.name}` })).toBeVisible();
  await expect(page.getByText("Only an admin can merge actors")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByLabel("Description").fill("A state-owned shell maker.");
  await page.getByLabel("Country code").fill("B1"); // the field takes two characters; these are not a code
  await page.getByRole("button", { name: "Save actor" }).click();
  await expect(page.getByText("Give a two-letter country code such as RU")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("A state-owned shell maker.");
  await expect(page.getByLabel("Country code")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Country code").fill("by");
  await page.getByRole("button", { name: "Save actor" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByText("description: — → A state-owned shell maker.", { exact: true })).toBeVisible();
  await page.goto(`/actors/${foundry.slug}`);
  await expect(page.getByText("A state-owned shell maker.")).toBeVisible();
});

test("an admin merges a duplicate: its events move, and its old address and filter lead to the kept actor", async ({
  page,
}) => {
  const { foundry, duplicate, state } = await makeActors();
  await signIn(page, await createUser("admin"));
  await page.goto(`/editor/actors/${foundry.slug}`);
  await page.getByLabel(`Slug of the actor to merge into ${foundry.name}`).fill(duplicate.slug);
  await page.getByRole("button", { name: "Merge into this actor" }).click();
  await expect(page.getByText("Tick the box to confirm the merge")).toBeVisible();
  await page.getByLabel(/I checked that both are the same actor/).check();
  await page.getByRole("button", { name: "Merge into this actor" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Merged “${duplicate.slug}” into ${foundry.name}.` }),
  ).toBeVisible();
  await expect(
    page.getByText(`merged “${duplicate.name}” (${duplicate.slug}) into this actor: 1 event links moved`),
  ).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/actors/${duplicate.slug}`);
  await expect(page).toHaveURL(new RegExp(`/actors/${foundry.slug}$`));
  await expect(page.getByRole("listitem").filter({ hasText: state.name })).toContainText("supplied to (3 events)");
  await expect(page.getByText(duplicate.name, { exact: false }).first()).toBeVisible(); // now an alias

  const response = await page.request.get(`/actors/${duplicate.slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  await page.goto(`/events?actor=${duplicate.slug}&type=arms-transfer`);
  await expect(page).toHaveURL(new RegExp(`/events\\?(?=.*type=arms-transfer)(?=.*actor=${foundry.slug})`));
  await expect(page.getByRole("status").filter({ hasText: /^3 events/ })).toBeVisible();
});
