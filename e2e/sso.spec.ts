import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createAppDatabase, NEXT_STARTUP_NOTE, sharedSecrets, startApp, type AppInstance } from "./instance";
import { expectNoSeriousViolations } from "./fixtures";
import { startOidcServer, type OidcServer } from "./oidc-server";

// Single sign-on end to end: the real build on an instance of its own, configured for a real
// OpenID Connect provider that this spec starts on a local port. Chromium goes from the app's
// button to the provider's sign-in form and back.
let app: AppInstance;
let oidc: OidcServer;
let database: Awaited<ReturnType<typeof createAppDatabase>>;
const tag = randomBytes(3).toString("hex");
const emails = {
  editor: `sso-editor-${tag}@example.org`,
  unverified: `sso-unverified-${tag}@example.org`,
  disabled: `sso-disabled-${tag}@example.org`,
  stranger: `sso-stranger-${tag}@example.org`,
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createAppDatabase("sso");
  await database.prisma.user.createMany({
    data: [
      { email: emails.editor, name: "SSO Editor", role: "editor" },
      { email: emails.unverified, name: "SSO Unverified", role: "editor" },
      { email: emails.disabled, name: "SSO Disabled", role: "editor", disabled: true },
    ],
  });
  // Provider accounts, by subject (what is typed in the provider's form).
  oidc = await startOidcServer({
    "sub-editor": { email: emails.editor.toUpperCase(), email_verified: true },
    "sub-unverified": { email: emails.unverified, email_verified: false },
    "sub-stranger": { email: emails.stranger, email_verified: true },
    "sub-disabled": { email: emails.disabled, email_verified: true },
    "sub-impostor": { email: emails.editor, email_verified: true },
  });
  app = await startApp({
    DATABASE_URL: database.url,
    REDIS_URL: "",
    LOG_LEVEL: "info",
    OIDC_ISSUER: oidc.issuer,
    OIDC_CLIENT_ID: oidc.clientId,
    OIDC_CLIENT_SECRET: oidc.clientSecret,
    OIDC_NAME: "Newsroom ID",
    ...sharedSecrets(),
  });
  oidc.register(`${app.url}/api/auth/callback/sso`);
});
test.afterAll(async () => {
  await app?.stop();
  await oidc?.stop();
  await database?.drop();
});

/** From the app's sign-in page through the provider's form, as `subject`; ends back on the app. */
async function signInWithProvider(page: Page, subject: string, from = "/editor") {
  await page.goto(`${app.url}/signin?from=${encodeURIComponent(from)}`);
  await page.getByRole("button", { name: "Sign in with Newsroom ID" }).click();
  await page.waitForURL((url) => url.origin === oidc.issuer);
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill("any password: the test provider checks none");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.waitForURL((url) => url.origin === app.url);
}

async function inFreshBrowser<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

test("the sign-in page starts single sign-on with a real button, and has no serious accessibility violations", async ({
  page,
}) => {
  await page.goto(`${app.url}/signin`);
  await expect(page.getByRole("button", { name: "Sign in with Newsroom ID" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Newsroom ID/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});

test("a verified email signs in to its account, which then remembers the provider's subject", async ({ page }) => {
  const before = await database.prisma.user.count();
  await signInWithProvider(page, "sub-editor", "/codebook");
  expect(page.url()).toBe(`${app.url}/codebook`);
  await page.goto(`${app.url}/editor`);
  await expect(page.getByRole("heading", { name: "Editors' desk" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(
    await database.prisma.user.findUniqueOrThrow({
      where: { email: emails.editor },
      select: { ssoIssuer: true, ssoSubject: true },
    }),
  ).toEqual({ ssoIssuer: oidc.issuer, ssoSubject: "sub-editor" });
  expect(await database.prisma.user.count()).toBe(before);
});

test("the page to return to stays on this site", async ({ browser }) => {
  await inFreshBrowser(browser, async (page) => {
    await signInWithProvider(page, "sub-editor", "//evil.example/phish");
    expect(page.url()).toBe(`${app.url}/editor`);
    await expect(page.getByRole("heading", { name: "Editors' desk" })).toBeVisible();
  });
});

test("an unverified email, an unknown one, a disabled account and a second provider account with a linked email are refused; no account is made", async ({
  browser,
}) => {
  const before = await database.prisma.user.count();
  for (const subject of ["sub-unverified", "sub-stranger", "sub-disabled", "sub-impostor"]) {
    await inFreshBrowser(browser, async (page) => {
      await signInWithProvider(page, subject);
      await expect(page, subject).toHaveURL(/\/signin\?error=AccessDenied$/);
      await expect(page.getByRole("alert").filter({ hasText: "Single sign-on did not sign you in." })).toBeVisible();
      await page.goto(`${app.url}/editor`);
      await expect(page, subject).toHaveURL(/\/signin\?from=%2Feditor/);
    });
  }
  expect(await database.prisma.user.count()).toBe(before);
  const unlinked = await database.prisma.user.findMany({
    where: { email: { in: [emails.unverified, emails.disabled] } },
    select: { ssoSubject: true },
  });
  expect(unlinked).toEqual([{ ssoSubject: null }, { ssoSubject: null }]);
  expect((await database.prisma.user.findUniqueOrThrow({ where: { email: emails.editor } })).ssoSubject).toBe(
    "sub-editor",
  );

  // Each refusal is logged with its reason, and no log line holds a provider's email.
  const lines = app.stdout.filter((line) => !NEXT_STARTUP_NOTE.test(line));
  const refusals = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => l.provider === "sso" && l.outcome === "refused");
  expect(refusals.map((l) => l.reason)).toEqual(["unverified", "unknown", "disabled", "subject-mismatch"]);
  for (const email of Object.values(emails)) {
    expect(lines.filter((line) => line.toLowerCase().includes(email))).toEqual([]);
  }
});

test("a linked account that is disabled no longer signs in by single sign-on", async ({ browser }) => {
  await database.prisma.user.update({ where: { email: emails.editor }, data: { disabled: true } });
  await inFreshBrowser(browser, async (page) => {
    await signInWithProvider(page, "sub-editor");
    await expect(page).toHaveURL(/\/signin\?error=AccessDenied$/);
  });
});

test("start-up stops with one sentence when OIDC_ISSUER is plain http to another machine", async () => {
  test.setTimeout(90_000);
  const started = await startApp({
    DATABASE_URL: "postgresql://127.0.0.1:1/none",
    OIDC_ISSUER: "http://login.example.org",
    OIDC_CLIENT_ID: "tracker",
    OIDC_CLIENT_SECRET: "not-used",
    ...sharedSecrets(),
  }).catch((err: Error) => err);
  if (!(started instanceof Error)) {
    await started.stop();
    throw new Error("the app started with an http OIDC_ISSUER");
  }
  expect(started.message).toContain(
    "OIDC_ISSUER must be an https URL (plain http is accepted only for a provider on this machine: localhost, 127.0.0.1 or [::1]).",
  );
});
