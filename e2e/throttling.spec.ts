import { expect, test, type Page } from "@playwright/test";
import { createUser } from "./fixtures";
import { createAppDatabase, PASSWORD, sharedSecrets, startApp, type AppInstance } from "./instance";

// Runs in its own Playwright project after all the others (see playwright.config.ts): it locks
// sign-in from 127.0.0.1 for 15 minutes, which every other browser test signs in from.

// Each try waits for the server's answer, so the requests arrive one after another.
async function attempt(page: Page, email: string, password: string, base = "") {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
}

test("sign-in is refused after five failures from one address, whatever X-Forwarded-For the client sends (TRUSTED_PROXY_HOPS unset), with one message for unknown and known accounts", async ({
  page,
}) => {
  const user = await createUser("contributor");
  // Without a proxy in front, a client-sent X-Forwarded-For must not make each try a new address.
  const spoof = (i: number) => page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}` });
  await spoof(0);
  await attempt(page, "nobody-at-all@example.org", "some password here");
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  const unknownMessage = await page.getByRole("alert").filter({ hasText: "not right" }).textContent();
  for (let i = 0; i < 4; i++) {
    await spoof(i + 1);
    await attempt(page, user.email, `wrong password ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "not right" })).toHaveText(unknownMessage!);
  }
  await spoof(99);
  await attempt(page, user.email, user.password);
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many sign-in attempts from your network address" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

// Not serial: each test shows its own failure on code without the fix (a failed test restarts the
// worker, and beforeAll starts a fresh instance for the tests after it).
test.describe("behind two proxies (TRUSTED_PROXY_HOPS=2)", () => {
  let app: AppInstance;
  let database: Awaited<ReturnType<typeof createAppDatabase>>;
  // The inner proxy connects from 127.0.0.1 and appends the outer proxy's address to the outer
  // proxy's header, so the client is the second entry from the right.
  const OUTER_PROXY = "10.0.0.2";
  const from = (page: Page, client: string) =>
    page.setExtraHTTPHeaders({ "x-forwarded-for": `${client}, ${OUTER_PROXY}` });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    database = await createAppDatabase("throttling");
    app = await startApp({
      DATABASE_URL: database.url,
      REDIS_URL: "",
      TRUSTED_PROXY_HOPS: "2",
      LOG_LEVEL: "info",
      ...sharedSecrets(),
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  test("five clients' failures do not lock out a sixth client, while one client forging the header's left part is still throttled", async ({
    page,
  }) => {
    const user = await database.createUser("editor");
    for (let i = 1; i <= 5; i++) {
      await from(page, `198.51.100.${i}`);
      await attempt(page, `someone-${i}@example.org`, "not the password", app.url);
      await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
    }
    await from(page, "198.51.100.6");
    await attempt(page, user.email, PASSWORD, app.url);
    await page.waitForURL(`${app.url}/editor`);

    const other = await page.context().browser()!.newContext();
    const attacker = await other.newPage();
    for (let i = 1; i <= 5; i++) {
      await attacker.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${i}, 203.0.113.9, ${OUTER_PROXY}` });
      await attempt(attacker, `victim-${i}@example.org`, "not the password", app.url);
      await expect(attacker.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
    }
    await attacker.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.77, 203.0.113.9, ${OUTER_PROXY}` });
    await attempt(attacker, "victim-6@example.org", "not the password", app.url);
    await expect(
      attacker.getByRole("alert").filter({ hasText: "Too many sign-in attempts from your network address" }),
    ).toBeVisible();
    await other.close();
  });

  test("an account an attacker has locked still signs in from a device that signed in to it before, not from a new one", async ({
    browser,
  }) => {
    const admin = await database.createUser("admin");
    const own = await browser.newContext();
    const desk = await own.newPage();
    await from(desk, "192.0.2.10");
    await attempt(desk, admin.email, PASSWORD, app.url);
    await desk.waitForURL(`${app.url}/editor`);
    await own.clearCookies({ name: /authjs/ }); // signed out, the device remembered

    const theirs = await browser.newContext();
    const attacker = await theirs.newPage();
    await from(attacker, "203.0.113.66");
    for (let i = 0; i < 5; i++) {
      await attempt(attacker, admin.email, `guess number ${i}`, app.url);
      await expect(attacker.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
    }
    await attempt(attacker, admin.email, PASSWORD, app.url);
    await expect(attacker.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();

    // A device that never signed in to the account, from an address of its own: locked out, and told why.
    const fresh = await browser.newContext();
    const laptop = await fresh.newPage();
    await from(laptop, "192.0.2.20");
    await attempt(laptop, admin.email, PASSWORD, app.url);
    await expect(
      laptop.getByRole("alert").filter({ hasText: "Too many sign-in attempts for this account" }),
    ).toContainText("device that has signed in to it before");
    await expect(laptop).toHaveURL(/\/signin/);

    // The admin's own device signs in.
    await attempt(desk, admin.email, PASSWORD, app.url);
    await desk.waitForURL(`${app.url}/editor`);
    await Promise.all([own.close(), theirs.close(), fresh.close()]);
  });

  test("a refused sign-in's log line holds a hash of what was typed as the email, never the text itself", async ({
    page,
  }) => {
    // A password typed into the email box (one with an @, so the browser's email check lets it through).
    const typed = "Tr0ub4dor&3@home";
    await from(page, "192.0.2.30");
    await attempt(page, typed, "the password box", app.url);
    await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
    await expect.poll(() => app.stdout.filter((l) => l.includes('"sign-in refused"')).length).toBeGreaterThan(0);
    const refused = app.stdout
      .filter((l) => l.includes('"sign-in refused"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(refused.at(-1)).toMatchObject({
      action: "sign-in",
      outcome: "refused",
      reason: "invalid",
      emailHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      address: "192.0.2.30",
    });
    expect([...app.stdout, ...app.stderr].filter((l) => l.includes("Tr0ub4dor"))).toEqual([]);
  });
});

test("start-up stops with one sentence when SESSION_MAX_AGE_HOURS is not a positive number", async () => {
  test.setTimeout(90_000);
  for (const value of ["eight", "0"]) {
    const started = await startApp({
      DATABASE_URL: "postgresql://127.0.0.1:1/none",
      SESSION_MAX_AGE_HOURS: value,
      ...sharedSecrets(),
    }).catch((err: Error) => err);
    if (!(started instanceof Error)) {
      await started.stop();
      throw new Error(`the app started with SESSION_MAX_AGE_HOURS=${value}`);
    }
    expect(started.message).toContain(
      `SESSION_MAX_AGE_HOURS must be a positive number of hours (such as 8), not “${value}”.`,
    );
  }
});
