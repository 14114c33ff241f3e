// The page cache (lib/page-cache) seen from outside: a public page read twice is the same page,
// the second time from memory, yet each answer has its own CSP nonce; a change committed through
// the desk's write path is on the very next read; signed-in readers always get a fresh render.
import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse } from "@playwright/test";
import { createEvent } from "../lib/events/mutations";
import { createPrismaClient } from "../lib/prisma-client";
import { createUser, signIn } from "./fixtures";

const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];
const withoutNonces = (html: string, nonce: string) => html.replaceAll(nonce, "NONCE");

test("a public page read twice is the same page, the second time from memory, each with its own nonce", async ({ request, page }) => {
  const path = `/events?q=${randomBytes(4).toString("hex")}`;
  const first = await request.get(path);
  const second = await request.get(path);
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  expect(first.headers()["x-page-cache"]).toBe("miss");
  expect(second.headers()["x-page-cache"]).toBe("hit");

  const [n1, n2] = [nonceOf(first), nonceOf(second)];
  expect(n1).toBeTruthy();
  expect(n2).toBeTruthy();
  expect(n2).not.toBe(n1);
  const html = await second.text();
  expect(html).not.toContain(n1!);
  // Every script and style the page carries names this answer's nonce, and nothing else differs.
  const attributes = [...html.matchAll(/ nonce="([^"]*)"/g)].map((m) => m[1]);
  expect(attributes.length).toBeGreaterThan(3);
  expect(new Set(attributes)).toEqual(new Set([n2]));
  expect(withoutNonces(html, n2!)).toBe(withoutNonces(await first.text(), n1!));

  // And Chromium runs the page from memory under its policy: the client table code hydrates.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto("/events");
  await page.goto("/events");
  expect(response?.headers()["x-page-cache"]).toMatch(/hit|miss/);
  await page.getByRole("link", { name: "Next page" }).click(); // a client-side navigation
  await expect(page).toHaveURL(/page=2/);
  expect(violations).toEqual([]);
});

test("a change committed through the desk's write path is on the next read, not the cached page", async ({ request }) => {
  const word = `cachecheck${randomBytes(4).toString("hex")}`;
  const path = `/events?q=${word}`;
  await request.get(path);
  const cached = await request.get(path);
  expect(cached.headers()["x-page-cache"]).toBe("hit");
  expect(await cached.text()).not.toContain(`Shipment ${word}`);

  const prisma = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    const editor = await prisma.user.create({ data: { email: `${word}@example.org`, name: "Cache editor", role: "editor" } });
    await createEvent(prisma, { id: editor.id, email: editor.email, name: editor.name, role: "editor" }, {
      id: `${word}-event`, title: `Shipment ${word}`, summary: "Published while the list was cached.", type: "arms-transfer", claimStatus: "alleged",
      startDate: "2024-02-01", precision: "month", approximate: false, countryCodes: ["KP"], tags: [], itemCategories: [], status: "published",
      actors: [{ actor: "north-korea", role: "supplier" }],
      sources: [{ url: "https://example.org/cache", title: "A report", publisher: "An agency", sourceType: "news", quote: "It was shipped.", language: "en" }],
    });
  } finally {
    await prisma.$disconnect();
  }

  const after = await request.get(path);
  expect(after.headers()["x-page-cache"]).toBe("miss");
  expect(await after.text()).toContain(`Shipment ${word}`);
});

// Public pages look the same signed in today; the rule keeps any later per-user part safe.
test("signed-in readers are never answered from memory", async ({ page }) => {
  await signIn(page, await createUser("editor"));
  for (let i = 0; i < 2; i++) {
    const r = await page.request.get("/events");
    expect(r.status()).toBe(200);
    expect(r.headers()["x-page-cache"]).toBeUndefined();
  }
  const response = await page.goto("/events");
  expect(response?.headers()["x-page-cache"]).toBeUndefined();
  await expect(page.getByRole("heading", { name: "Events", level: 1 })).toBeVisible();
});
