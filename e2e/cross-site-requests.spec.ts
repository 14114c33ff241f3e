// Requests a browser on another site could make, and the proxy bypass of CVE-2025-29927: each is
// refused, changes nothing in the database and never answers with a stack trace. Every forged
// request is a copy of a genuine one that, sent as is, succeeds: so each test can fail.
import { expect, test, type APIResponse, type Page, type Request } from "@playwright/test";
import { createPrismaClient } from "../lib/prisma-client";
import { createUser, PASSWORD, signIn } from "./fixtures";

const EVIL = "https://evil.example";
// The header values that skipped middleware in vulnerable versions (proxy.ts was middleware.ts).
const SPOOFED = [
  "proxy:proxy:proxy:proxy:proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
];

let prisma: ReturnType<typeof createPrismaClient> | undefined;
const db = () => (prisma ??= createPrismaClient(process.env.E2E_DATABASE_URL!, 2));
const countEvents = (title: string) => db().event.count({ where: { title } });
test.afterAll(async () => prisma?.$disconnect());

async function expectRefused(res: APIResponse) {
  expect(res.status(), "a forged request must be refused, not succeed or redirect").toBeGreaterThanOrEqual(400);
  const body = await res.text();
  expect(body).not.toMatch(/\n\s+at \S+ \(|node_modules|\.next\/server/); // no stack trace
}

/** Fills a new draft; submitting it as is creates exactly one event. */
async function fillDraft(page: Page, title: string) {
  await page.goto("/editor/events/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Summary (neutral, in your own words)").fill("A forged-request test event.");
  await page.getByLabel("Event type").selectOption("arms-transfer");
  await page.getByLabel("Claim status").selectOption("alleged");
  await page.getByLabel("Date", { exact: true }).fill("2024-02-10");
  await page.getByLabel("Web address (http or https) of source 1").fill("https://example.org/forged");
  await page.getByLabel("Title of source 1").fill("A report");
  await page.getByLabel("Quote: the source's own words, exactly (source 1)").fill("Something was reported.");
}

/**
 * Copies the server action POST whose body contains `marker` (other actions, such as the duplicate
 * check while typing, pass untouched), sends the copies first, then lets the genuine one through.
 */
async function forgeActionCopies(
  page: Page,
  path: string,
  marker: string,
  forge: (req: Request) => Promise<APIResponse>,
) {
  const forged: APIResponse[] = [];
  await page.route(`**${path}`, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"] && req.postData()?.includes(marker))
      forged.push(await forge(req));
    await route.continue();
  });
  return forged;
}

test("a server action posted from another site creates nothing", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  const title = `Forged draft ${Math.random().toString(36).slice(2, 8)}`;
  await fillDraft(page, title);
  const forged = await forgeActionCopies(page, "/editor/events/new", "payload", (req) =>
    // page.request shares the signed-in session's cookies: a real cross-site request would too.
    page.request.fetch(req, { headers: { ...req.headers(), origin: EVIL }, maxRedirects: 0 }),
  );
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect(forged).toHaveLength(1);
  await expectRefused(forged[0]);
  expect(forged[0].status()).toBe(403);
  expect(await countEvents(title)).toBe(1); // the genuine save only
});

test("a spoofed x-middleware-subrequest header skips nothing: not the headers, not the checks", async ({
  page,
  playwright,
  baseURL,
}) => {
  for (const value of SPOOFED) {
    const res = await page.request.get("/editor", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers().location).toMatch(/^\/signin\?from=%2Feditor/);
    expect(res.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'.*frame-ancestors 'none'/);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-request-id"]).toBeTruthy();
  }
  // A cookie that merely has the session's name gets past the proxy's shortcut; the page's own
  // check still sends the visitor to sign in.
  const fake = await page.request.get("/editor", {
    headers: { cookie: "authjs.session-token=forged" },
    maxRedirects: 0,
  });
  expect(fake.status()).toBe(307);
  expect(fake.headers().location).toMatch(/\/signin/);

  // Server actions with the spoofed header: from another site, and anonymous from this one.
  await signIn(page, await createUser("editor"));
  const title = `Spoofed draft ${Math.random().toString(36).slice(2, 8)}`;
  await fillDraft(page, title);
  const anonymous = await playwright.request.newContext({ baseURL });
  const forged = await forgeActionCopies(page, "/editor/events/new", "payload", async (req) => {
    // The intercepted request's headers include the session cookie; the anonymous copy drops it.
    const headers: Record<string, string> = { ...req.headers(), "x-middleware-subrequest": SPOOFED[0] };
    expect(headers.cookie).toContain("authjs.session-token");
    delete headers.cookie;
    const crossSite = await page.request.fetch(req, { headers: { ...headers, origin: EVIL }, maxRedirects: 0 });
    await expectRefused(crossSite);
    return anonymous.fetch(req, { headers, maxRedirects: 0 });
  });
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect(forged).toHaveLength(1);
  expect(await forged[0].text()).not.toMatch(/\n\s+at \S+ \(/);
  expect(await countEvents(title)).toBe(1);
  await anonymous.dispose();
});

test("prefetch and RSC requests for the desk get the headers and none of its content", async ({ request }) => {
  // Prefetch routes were the way around the proxy in several 2026 advisories (GHSA-267c-6grr-h53f).
  const variants: Record<string, string>[] = [
    { rsc: "1" },
    { rsc: "1", "next-router-prefetch": "1" },
    { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" },
  ];
  for (const headers of variants) {
    const res = await request.get("/editor", { headers, maxRedirects: 0 });
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await res.text(), JSON.stringify(headers)).not.toContain("My drafts");
  }
});

const hasSession = (res: APIResponse) =>
  res.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /authjs\.session-token=[^;]+/.test(h.value));

test("the Auth.js sign-in POST from another site signs no one in", async ({ playwright, baseURL }) => {
  const { email } = await createUser("editor");
  const attempt = async (origin: string) => {
    const client = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await client.get("/api/auth/csrf")).json();
    const res = await client.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: PASSWORD, callbackUrl: "/editor" },
      headers: { origin },
      maxRedirects: 0,
    });
    const signedIn = hasSession(res);
    const body = await res.text();
    await client.dispose();
    return { status: res.status(), signedIn, body };
  };
  const forged = await attempt(EVIL);
  expect(forged.status).toBe(403);
  expect(forged.signedIn).toBe(false);
  expect(forged.body).not.toMatch(/\n\s+at \S+ \(/);
  const genuine = await attempt(baseURL!); // the same request from this site does sign in
  expect(genuine.signedIn).toBe(true);
});

test("the sign-in server action posted from another site signs no one in", async ({ page }) => {
  const user = await createUser("editor");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  const forged = await forgeActionCopies(page, "/signin", user.email, (req) =>
    page.request.fetch(req, { headers: { ...req.headers(), origin: EVIL }, maxRedirects: 0 }),
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/editor/); // the genuine request
  expect(forged).toHaveLength(1);
  await expectRefused(forged[0]);
  expect(hasSession(forged[0])).toBe(false);
});
