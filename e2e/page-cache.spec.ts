// The page cache (lib/page-cache) seen from outside: a public page read twice is the same page,
// the second time from memory, and byte for byte the same answer, so a shared cache in front
// (nginx, a CDN) may keep it: Cache-Control public, an ETag that a revalidation turns into a 304,
// and a policy made of the inline scripts' hashes rather than a nonce. A change committed through
// the desk's write path is on the very next read; signed-in readers always get a fresh, private,
// nonce-based render.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createEvent } from "../lib/events/mutations";
import { createPrismaClient } from "../lib/prisma-client";
import { testEventInput, testSource } from "../lib/testing/event-input";
import { createUser, signIn } from "./fixtures";

const PUBLIC = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

test("a public page read twice is the same answer, the second time from memory, fit for a shared cache", async ({
  request,
  page,
}) => {
  const path = `/events?q=${randomBytes(4).toString("hex")}`;
  const first = await request.get(path);
  const second = await request.get(path);
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  expect(first.headers()["x-page-cache"]).toBe("miss");
  expect(second.headers()["x-page-cache"]).toBe("hit");

  // One copy for every anonymous reader: same bytes, same policy, same tag, no nonce anywhere.
  for (const name of ["content-security-policy", "etag", "cache-control", "vary"])
    expect(second.headers()[name], name).toBe(first.headers()[name]);
  expect(await second.text()).toBe(await first.text());
  expect(first.headers()["cache-control"]).toMatch(PUBLIC);
  expect(first.headers()["etag"]).toMatch(/^W\/"\d+-[A-Za-z0-9_-]{22}"$/);
  expect(first.headers()["vary"]).toMatch(
    /rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, accept-encoding/i,
  );
  expect(first.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
  expect(first.headers()["content-security-policy"]).not.toMatch(/nonce|strict-dynamic|unsafe-inline/);
  expect(await first.text()).not.toMatch(/<[a-z][^>]*\snonce=/i);

  // A revalidation: 304, no body, the same tag and policy (a cache updates its copy's headers from it).
  const revalidated = await request.get(path, { headers: { "if-none-match": first.headers()["etag"] } });
  expect(revalidated.status()).toBe(304);
  expect(await revalidated.body()).toHaveLength(0);
  expect(revalidated.headers()["etag"]).toBe(first.headers()["etag"]);
  expect(revalidated.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  expect(revalidated.headers()["cache-control"]).toMatch(PUBLIC);
  // Another page's tag is not this one's.
  const other = await request.get(`${path}x`, { headers: { "if-none-match": first.headers()["etag"] } });
  expect(other.status()).toBe(200);
  expect(other.headers()["etag"]).not.toBe(first.headers()["etag"]);

  // And Chromium runs the page from memory under its policy: the client table code hydrates.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/events");
  const response = await page.goto("/events");
  expect(response?.headers()["x-page-cache"]).toBe("hit");
  const navigation = page.waitForResponse(
    (r) => r.url().includes("/codebook") && r.request().headers()["rsc"] !== undefined,
  );
  // A client-side navigation: the site's menu links are Next.js links.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Codebook" }).click();
  await expect(page).toHaveURL(/\/codebook$/);
  // Client-side navigations get React's flight format, per request and never shared.
  expect((await navigation).headers()["cache-control"]).toMatch(/private|no-store/);
  expect(violations).toEqual([]);
});

test("the cached events page passes an accessibility check", async ({ page }) => {
  await page.goto("/events");
  const response = await page.goto("/events");
  expect(response?.headers()["x-page-cache"]).toBe("hit");
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("a change committed through the desk's write path is on the next read, not the cached page", async ({
  request,
}) => {
  const word = `cachecheck${randomBytes(4).toString("hex")}`;
  const path = `/events?q=${word}`;
  await request.get(path);
  const cached = await request.get(path);
  expect(cached.headers()["x-page-cache"]).toBe("hit");
  expect(await cached.text()).not.toContain(`Shipment ${word}`);

  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    const editor = await prisma.user.create({
      data: { email: `${word}@example.org`, name: "Cache editor", role: "editor" },
    });
    await createEvent(
      prisma,
      { id: editor.id, email: editor.email, name: editor.name, role: "editor" },
      testEventInput(`${word}-event`, {
        title: `Shipment ${word}`,
        summary: "Published while the list was cached.",
        startDate: "2024-02-01",
        status: "published",
        sources: [
          testSource({
            url: "https://example.org/cache",
            title: "A report",
            publisher: "An agency",
            quote: "It was shipped.",
          }),
        ],
      }),
    );
  } finally {
    await prisma.$disconnect();
  }

  // A cache revalidating its old copy gets the new page, under a new tag, not a 304.
  const after = await request.get(path, { headers: { "if-none-match": cached.headers()["etag"] } });
  expect(after.status()).toBe(200);
  expect(after.headers()["x-page-cache"]).toBe("miss");
  expect(after.headers()["etag"]).not.toBe(cached.headers()["etag"]);
  expect(await after.text()).toContain(`Shipment ${word}`);
});

// Public pages look the same signed in today; the rule keeps any later per-user part safe.
test("signed-in readers are never answered from memory, and their answers are private with a fresh nonce", async ({
  page,
  request,
}) => {
  await signIn(page, await createUser("editor"));
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const r = await page.request.get("/events");
    expect(r.status()).toBe(200);
    expect(r.headers()["x-page-cache"]).toBeUndefined();
    expect(r.headers()["cache-control"]).toBe("private, no-store");
    expect(r.headers()["etag"]).toBeUndefined();
    nonces.add(/'nonce-([^']+)'/.exec(r.headers()["content-security-policy"])![1]);
  }
  expect(nonces.size).toBe(2);
  // Even naming the anonymous copy's tag gets a full private page, never a 304.
  const anonymous = await request.get("/events");
  expect(anonymous.headers()["etag"]).toBeTruthy();
  const conditional = await page.request.get("/events", { headers: { "if-none-match": anonymous.headers()["etag"] } });
  expect(conditional.status()).toBe(200);
  expect(conditional.headers()["cache-control"]).toBe("private, no-store");
  const response = await page.goto("/events");
  expect(response?.headers()["x-page-cache"]).toBeUndefined();
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
});
