// The security headers on every kind of route, the CSP nonce (or, on the public pages a shared
// cache may keep, the hash) of every inline script, and real Chromium loading the main pages under
// that policy with no violation and everything still working.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { createUser, signIn } from "./fixtures";

const SUMMIT = "2023-09-13-kim-putin-vostochny-summit";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const cspOf = (res: APIResponse) => {
  const all = res.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(all, "exactly one CSP header").toHaveLength(1);
  return all[0].value;
};
const nonceOf = (csp: string) => /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1];

type Policy = "nonce" | "hashes" | "none";

function expectHeaders(res: APIResponse, { framable = false, policy = "nonce" as Policy } = {}) {
  const h = res.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"]).toMatch(/^max-age=\d{7,}/); // the e2e server is `next start`
  const csp = cspOf(res);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  if (framable) {
    expect(csp).toContain("frame-ancestors *");
    expect(h["x-frame-options"]).toBeUndefined();
  } else {
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
  }
  if (policy === "nonce") {
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']{16,}' 'strict-dynamic'/);
    expect(h["x-request-id"]).toMatch(UUID);
  } else if (policy === "hashes") {
    // The public pages a shared cache may keep: the same policy for every reader, no nonce.
    expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/);
    expect(csp).not.toMatch(/nonce|strict-dynamic/);
    expect(h["cache-control"]).toMatch(/^public, /);
    expect(h["x-request-id"]).toMatch(UUID);
  } else {
    expect(csp).toContain("script-src 'self';");
  }
  return csp;
}

const ROUTES: [string, string, number, { framable?: boolean; policy?: Policy }?][] = [
  ["home page", "/", 200, { policy: "hashes" }],
  ["events table", "/events", 200, { policy: "hashes" }],
  ["event page", `/events/${SUMMIT}`, 200, { policy: "hashes" }],
  ["codebook (was static)", "/codebook", 200, { policy: "hashes" }],
  ["sign-in page", "/signin", 200],
  ["editor page, anonymous (redirect)", "/editor/events/new", 307],
  ["JSON API", "/api/v1/events?limit=2", 200],
  ["OpenAPI document", "/api/v1/openapi.json", 200],
  ["CSV export", "/events.csv", 200],
  ["Atom feed", "/events.atom", 200],
  ["404 page", "/no-such-page", 404],
  ["missing event (404)", "/events/no-such-event", 404, { policy: "hashes" }],
  ["embedded timeline", "/embed/timeline", 200, { framable: true, policy: "hashes" }],
];

for (const [kind, path, status, opts] of ROUTES) {
  test(`security headers on the ${kind}`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status()).toBe(status);
    expectHeaders(res, opts);
    if (status === 307) expect(res.headers().location).toMatch(/^\/signin\?from=/);
  });
}

test("a static asset under /_next/static gets nosniff and the nonce-less policy", async ({ request }) => {
  const html = await (await request.get("/events")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1];
  const res = await request.get(asset);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/javascript/);
  expectHeaders(res, { policy: "none" });
});

test("every script in the served HTML carries the nonce of its own response, new each time", async ({ page }) => {
  // Pages rendered per request: those no shared cache may keep (a signed-in reader's, sign-in, 404).
  await signIn(page, await createUser("editor"));
  const seen = new Set<string>();
  for (const path of [
    "/events",
    "/events",
    `/events/${SUMMIT}`,
    "/timeline",
    "/signin",
    "/embed/timeline",
    "/no-such-page",
  ]) {
    const res = await page.request.get(path);
    const nonce = nonceOf(cspOf(res))!;
    expect(nonce, path).toBeTruthy();
    seen.add(nonce);
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    // style-src has no 'unsafe-inline': the pages may not rely on style attributes or bare <style>.
    expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle="/i);
    for (const tag of html.match(/<style\b[^>]*>/g) ?? []) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(seen.size).toBe(7);
});

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

test("on the public pages a shared cache may keep, the policy lists exactly the hashes of the page's inline scripts", async ({
  request,
}) => {
  for (const path of [
    "/",
    "/events",
    `/events/${SUMMIT}`,
    "/timeline",
    "/embed/timeline",
    "/map",
    "/embed/map",
    "/codebook",
    "/data",
    "/events/no-such-event",
  ]) {
    const res = await request.get(path);
    const csp = cspOf(res);
    const allowed = new Set([.../script-src ([^;]*)/.exec(csp)![1].matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]));
    const html = await res.text();
    expect(html, path).not.toMatch(/<[a-z][^>]*\snonce=/i);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes]) => !/\ssrc=/.test(attributes))
      .map(([, , body]) => sha256(body));
    expect(inline.length, `${path} has inline scripts`).toBeGreaterThan(0);
    expect(new Set(inline), path).toEqual(allowed);
    expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle="/i);
    expect(html, path).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i); // an event-handler attribute would need 'unsafe-hashes'
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(([, body]) => `'${sha256(body)}'`);
    for (const style of styles) expect(/style-src ([^;]*)/.exec(csp)![1], path).toContain(style);
  }
});

test("a caller's request id is kept when well-formed and replaced otherwise", async ({ request }) => {
  const kept = await request.get("/api/v1/events?limit=1", { headers: { "x-request-id": "lb-7f3a9c_01" } });
  expect(kept.headers()["x-request-id"]).toBe("lb-7f3a9c_01");
  const replaced = await request.get("/events", { headers: { "x-request-id": "not a valid id!" } });
  expect(replaced.headers()["x-request-id"]).toMatch(UUID);
  const a = (await request.get("/codebook")).headers()["x-request-id"];
  const b = (await request.get("/codebook")).headers()["x-request-id"];
  expect(a).not.toBe(b);
});

/** Collects every CSP violation the browser reports, across navigations. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(m.text()))
      violations.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI} on ${location.pathname}`,
      );
    });
  });
  return violations;
}

test("the events table, an event page and the timeline run under the policy with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  // The public pages as a shared cache would keep them: the policy by hashes, twice to be from memory.
  await page.goto("/events");
  const cached = await page.goto("/events");
  expect(cached?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  expect(cached?.headers()["x-page-cache"]).toBe("hit");
  await page.getByRole("searchbox", { name: "Search" }).fill("Sullivan");
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  await expect(page).toHaveURL(/q=Sullivan/);
  const titles = await page.getByRole("table").getByRole("link").allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.join(" ")).toMatch(/Sullivan/);
  await page
    .getByRole("table")
    .getByRole("link", { name: /Sullivan/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/events\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // A mark that only survives a client-side navigation (the site's menu links are Next.js links):
  // proves the page's scripts, allowed by their hashes, ran and hydrated.
  await page.evaluate(() => ((window as unknown as { hydrated: boolean }).hydrated = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Codebook" }).click();
  await expect(page).toHaveURL(/\/codebook$/);
  expect(await page.evaluate(() => (window as unknown as { hydrated?: boolean }).hydrated)).toBe(true);

  const timeline = await page.goto("/timeline?start=2023-01-01&end=2023-12-31");
  expect(timeline?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  const chart = page.getByLabel(/^Timeline chart/);
  await chart.focus();
  await page.keyboard.press("+"); // handled by the timeline's client script only
  await expect(page).toHaveURL(/start=2023-0[3-5]-\d\d/);
  expect(violations).toEqual([]);
});

test("the editor's event form works under the policy after signing in", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, await createUser("editor"));
  await page.goto("/editor/events/new");
  await page.getByRole("button", { name: "Add a source" }).click(); // client state only
  await expect(page.getByLabel("Web address (http or https) of source 2")).toBeVisible();
  expect(violations).toEqual([]);
});

test("another site can frame /embed/timeline but not the other pages", async ({ page, baseURL }) => {
  // A news article on another site (localhost, not 127.0.0.1), from a real local server: a page
  // the test fulfils itself would count as public, and Chromium keeps those out of local frames.
  const article = http.createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(
      `<h1>Article</h1><iframe title="embed" src="${baseURL}/embed/timeline"></iframe><iframe title="table" src="${baseURL}/events"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => article.listen(0, "127.0.0.1", resolve));
  try {
    const refused = page.waitForEvent("console", (m) => m.text().includes("frame-ancestors 'none'"));
    await page.goto(`http://localhost:${(article.address() as AddressInfo).port}/article`);
    expect((await refused).text()).toContain(new URL(baseURL!).host);
    await expect(page.frameLocator('iframe[title="embed"]').getByRole("heading", { name: /timeline/ })).toBeVisible();
    await expect(page.frameLocator('iframe[title="table"]').getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  } finally {
    article.close();
  }
});
