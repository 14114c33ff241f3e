// The real build reading its public pages from a streaming replica (DATABASE_READ_URL), made by
// the test from the machine's PostgreSQL 15 with pg_basebackup -R (lib/testing/replica.ts).
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { createEvent } from "../lib/events/mutations";
import { createPrismaClient } from "../lib/prisma-client";
import { testEventInput } from "../lib/testing/event-input";
import { startReplicaPair, type ReplicaPair } from "../lib/testing/replica";
import { submitSignIn } from "./fixtures";
import { PASSWORD, sharedSecrets, startApp, type AppInstance } from "./instance";

let pair: ReplicaPair;
let app: AppInstance;
let prisma: ReturnType<typeof createPrismaClient>;
const editorEmail = "replica-editor@example.org";

test.describe.configure({ mode: "serial" });

const draft = (id: string) =>
  testEventInput(id, { title: `Replica shipment ${id}`, summary: "Shells were shipped by rail." });

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting until ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Each request on a connection of its own: the test signs in and publishes between two requests
// for about as long as Node's keep-alive timeout (5 s), and a request sent on a kept-alive
// connection just as the server closes it fails with ECONNRESET (seen once in CI).
const get = (request: APIRequestContext, path: string, options: { maxRedirects?: number } = {}) =>
  request.get(`${app.url}${path}`, { ...options, headers: { connection: "close" } });

const status = async (request: APIRequestContext, path: string) =>
  (await get(request, path, { maxRedirects: 0 })).status();

async function signIn(page: Page) {
  await submitSignIn(page, { email: editorEmail, password: PASSWORD }, app.url);
  await page.waitForURL(`${app.url}/editor`);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  pair = await startReplicaPair();
  prisma = createPrismaClient(pair.primaryUrl, 2);
  await prisma.actor.create({ data: { slug: "north-korea", name: "North Korea", kind: "state", countryCode: "KP" } });
  const editor = await prisma.user.create({
    data: { email: editorEmail, name: "Replica editor", role: "editor", passwordHash: await hashPassword(PASSWORD) },
  });
  const user = { id: editor.id, email: editor.email, name: editor.name, role: "editor" as const };
  await createEvent(prisma, user, draft("replica-e2e-publish"));
  await createEvent(prisma, user, draft("replica-e2e-lagging"));
  await createEvent(prisma, user, { ...draft("replica-e2e-live"), status: "published" });
  await pair.waitForReplay();
  app = await startApp({ DATABASE_URL: pair.primaryUrl, DATABASE_READ_URL: pair.replicaUrl, ...sharedSecrets() });
});

test.afterAll(async () => {
  await app?.stop();
  await prisma?.$disconnect();
  await pair?.stop();
});

test("an editor's publication reaches readers once the replica has replayed it, and not before", async ({
  page,
  request,
}) => {
  const ready = await get(request, "/api/ready");
  expect(await ready.json()).toMatchObject({ status: "ready", replica: { status: "ok" } });
  expect(await status(request, "/api/v1/events/replica-e2e-publish")).toBe(404);

  await signIn(page);
  await pair.pauseReplay();
  try {
    await page.goto(`${app.url}/editor/events/replica-e2e-publish`);
    await page.getByRole("button", { name: "Publish" }).click();
    // The desk reads the primary: the editor sees their own change at once.
    await expect(page.getByText("Published. Readers can see it now")).toBeVisible();
    // Readers read the replica, which has not replayed it yet.
    expect(await status(request, "/api/v1/events/replica-e2e-publish")).toBe(404);
  } finally {
    await pair.resumeReplay();
  }
  await pair.waitForReplay();
  const api = await get(request, "/api/v1/events/replica-e2e-publish");
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ id: "replica-e2e-publish", title: "Replica shipment replica-e2e-publish" });
});

test("on a replica two seconds behind, the desk confirms a publication only once readers can see it", async ({
  page,
  request,
}) => {
  await signIn(page);
  await pair.delayReplay(2_000);
  try {
    await page.goto(`${app.url}/editor/events/replica-e2e-lagging`);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText("Published. Readers can see it now")).toBeVisible({ timeout: 10_000 });
    // No wait here: the action waited for the replica's replay (lib/replica-catch-up.ts).
    expect(await status(request, "/api/v1/events/replica-e2e-lagging")).toBe(200);
  } finally {
    await pair.delayReplay(0);
  }
});

test("a stopped replica: public pages, the API and the feeds answer 503 at once, while the desk keeps reading and saving", async ({
  page,
  request,
}) => {
  expect(await status(request, "/timeline")).toBe(200); // the replica's pool holds a connection to lose
  await pair.stopReplica();
  try {
    await until("public pages answer 503", async () => (await status(request, "/timeline")) === 503, 5_000);
    for (const path of [
      "/",
      "/events/replica-e2e-live",
      "/embed/timeline",
      "/api/v1/events",
      "/events.atom",
      "/events.csv",
    ]) {
      const started = Date.now();
      const answer = await get(request, path);
      expect(answer.status(), path).toBe(503);
      expect(answer.headers()["retry-after"], path).toBe("5");
      expect(Date.now() - started, path).toBeLessThan(1_000);
    }
    expect(await (await get(request, "/api/ready")).json()).toMatchObject({
      status: "ready",
      replica: { status: "unavailable" },
    });

    // The desk: the editor signs in, opens an event and saves a correction on the primary.
    await signIn(page);
    await page.goto(`${app.url}/editor/events/replica-e2e-live`);
    const summary = `Corrected while the replica was down, ${Date.now()}.`;
    await page.getByLabel("Summary (neutral, in your own words)").fill(summary);
    await page.getByLabel("Change note (shown to readers)").fill("Corrected during the replica drill.");
    await page.getByRole("radio", { name: /Correction/ }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByLabel("Summary (neutral, in your own words)")).toHaveValue(summary);
  } finally {
    await pair.startReplica();
  }

  await until("public pages answer again", async () => (await status(request, "/timeline")) === 200);
  await pair.waitForReplay();
  expect(await (await get(request, "/api/v1/events/replica-e2e-live")).json()).toMatchObject({
    summary: expect.stringMatching(/^Corrected while the replica was down/),
  });
});

test("a malformed DATABASE_READ_URL stops start-up with one sentence", async () => {
  const started = startApp({
    DATABASE_URL: pair.primaryUrl,
    DATABASE_READ_URL: "replica.internal:5432/tracker",
    ...sharedSecrets(),
  });
  await expect(started).rejects.toThrow(
    /DATABASE_READ_URL must be a postgresql:\/\/ address with a host and a database name/,
  );
});
