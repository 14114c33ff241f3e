import { expect, test, type Page } from "@playwright/test";
import { submitSignIn } from "./fixtures";
import { createAppDatabase, NEXT_STARTUP_NOTE, PASSWORD, sharedSecrets, startApp, type AppInstance } from "./instance";

// The real build on an instance of its own, so its stdout holds only this test's requests (and
// its failed sign-in throttles no other test).
let app: AppInstance;
let database: Awaited<ReturnType<typeof createAppDatabase>>;
const secrets = sharedSecrets();

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await createAppDatabase("logs");
  app = await startApp({ DATABASE_URL: database.url, REDIS_URL: "", LOG_LEVEL: "info", ...secrets });
});
test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const signInAttempt = (page: Page, email: string, password: string) => submitSignIn(page, { email, password }, app.url);

test("logs are JSON lines with a request id on each, the user id on writes, and no password, cookie or secret", async ({
  page,
  context,
}) => {
  const editor = await database.createUser("editor");
  const event = await database.prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
  const wrongPassword = "wrong-password-never-logged-5521";

  // A load balancer's request id is kept; without one the app makes one.
  await page.setExtraHTTPHeaders({ "x-request-id": "lb-req-0001" });
  await signInAttempt(page, editor.email, wrongPassword);
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  await page.setExtraHTTPHeaders({});
  await signInAttempt(page, editor.email, PASSWORD);
  await page.waitForURL(/\/editor/);

  const summary = `Logged edit ${Date.now()}: the summary changed.`;
  await page.goto(`${app.url}/editor/events/${event.id}`);
  await page.getByLabel("Summary (neutral, in your own words)").fill(summary);
  await page.getByLabel("Change note (shown to readers)").fill("Clarified the summary.");
  await page.getByRole("radio", { name: /Correction/ }).check(); // a public change names its kind (no default)
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  // Every line but Next.js's own start-up notes must be JSON.
  const parsed = () =>
    app.stdout
      .filter((line) => !NEXT_STARTUP_NOTE.test(line))
      .map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`stdout line is not JSON: ${JSON.stringify(line)}`);
        }
      });
  await expect.poll(() => parsed().some((l) => l.action === "event.save")).toBe(true);
  const lines = parsed();
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (const line of lines)
    expect(line, JSON.stringify(line)).toMatchObject({
      reqId: expect.stringMatching(/^[\w.:-]{8,128}$/),
      level: expect.any(String),
      time: expect.any(String),
    });

  const refused = lines.find((l) => l.action === "sign-in" && l.outcome === "refused");
  expect(refused).toMatchObject({
    reqId: "lb-req-0001",
    reason: "invalid",
    emailHash: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  const signedIn = lines.find((l) => l.action === "sign-in" && l.outcome === "ok");
  expect(signedIn).toMatchObject({ userId: editor.id });
  expect(signedIn!.reqId).not.toBe("lb-req-0001");
  expect(lines.find((l) => l.action === "event.save")).toMatchObject({
    outcome: "ok",
    userId: editor.id,
    eventId: event.id,
  });

  await test.info().attach("stdout of the instance", { body: app.stdout.join("\n"), contentType: "text/plain" });
  // Auth.js's messages go through the JSON logger too (stderr may still hold Node's own warnings).
  expect(app.stderr.filter((line) => line.includes("[auth]"))).toEqual([]);
  const cookie = (await context.cookies(app.url)).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.value.length).toBeGreaterThan(20);
  const everything = [...app.stdout, ...app.stderr].join("\n");
  for (const secret of [
    wrongPassword,
    PASSWORD,
    cookie!.value,
    secrets.AUTH_SECRET,
    secrets.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY,
  ]) {
    expect(everything.includes(secret), `a log line contains ${secret.slice(0, 6)}…`).toBe(false);
  }
});
