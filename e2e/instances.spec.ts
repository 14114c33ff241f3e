import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { Redis } from "ioredis";
import { submitSignIn } from "./fixtures";
import { createAppDatabase, PASSWORD, sharedSecrets, startApp, type AppInstance } from "./instance";

// Two instances of the real build, as behind a load balancer: one database, one Redis (under a
// key prefix of this run's own), the same AUTH_SECRET and server-actions key.
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const prefix = `tracker:e2e:${process.pid}:${randomBytes(4).toString("hex")}:`;
let a: AppInstance;
let b: AppInstance;
let database: Awaited<ReturnType<typeof createAppDatabase>>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createAppDatabase("instances");
  const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, THROTTLE_KEY_PREFIX: prefix, ...sharedSecrets() };
  [a, b] = await Promise.all([startApp(env), startApp(env)]);
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const signInAttempt = (page: Page, app: AppInstance, email: string, password: string) =>
  submitSignIn(page, { email, password }, app.url);

// First: the next test locks sign-in from 127.0.0.1 under this run's prefix.
test("an edit saved on one instance is what the other serves, and a session from one works on the other", async ({
  page,
  browser,
  request,
}) => {
  const editor = await database.createUser("editor");
  const event = await database.prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
  // B has the page in memory before the edit (lib/page-cache), so what follows shows the edit
  // retiring B's copy, not merely a first render.
  await request.get(`${b.url}/events/${event.id}`);
  expect((await request.get(`${b.url}/events/${event.id}`)).headers()["x-page-cache"]).toBe("hit");
  await signInAttempt(page, a, editor.email, PASSWORD);
  await page.waitForURL(`${a.url}/editor`);
  const summary = `Edited on instance A at ${Date.now()}.`;
  await page.goto(`${a.url}/editor/events/${event.id}`);
  await page.getByLabel("Summary (neutral, in your own words)").fill(summary);
  await page.getByLabel("Change note (shown to readers)").fill("Edited through instance A.");
  await page.getByRole("radio", { name: /Correction/ }).check(); // a public change names its kind (no default)
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const reader = await browser.newContext();
  const onB = await reader.newPage();
  await onB.goto(`${b.url}/events/${event.id}`);
  await expect(onB.getByText(summary)).toBeVisible();
  const api = await request.get(`${b.url}/api/v1/events/${event.id}`);
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ id: event.id, summary });

  // Without a session B sends the reader to sign in; with the cookie A set, B opens the desk.
  await onB.goto(`${b.url}/editor`);
  await expect(onB).toHaveURL(/\/signin/);
  const session = (await page.context().cookies(a.url)).filter((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toHaveLength(1);
  await reader.addCookies(session.map(({ name, value }) => ({ name, value, url: b.url })));
  await onB.goto(`${b.url}/editor`);
  await expect(onB.getByRole("heading", { name: "Editors' desk" })).toBeVisible();
  await expect(onB.getByRole("button", { name: "Sign out" })).toBeVisible();
  await reader.close();
});

test("failed sign-ins alternated across both instances are counted together: the sixth try on either is refused", async ({
  page,
}) => {
  const user = await database.createUser("contributor");
  for (let i = 0; i < 5; i++) {
    await signInAttempt(page, i % 2 ? b : a, user.email, `wrong password number ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  }
  for (const app of [b, a]) {
    await signInAttempt(page, app, user.email, PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  }
});
