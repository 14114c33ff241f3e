// The built app behind the real nginx running deploy/nginx.conf (tooling/proxy-stack.ts: two
// `next start` instances on one database). What readers and editors observe through it: a
// repeated anonymous page comes from nginx's cache, a correction reaches anonymous readers within
// the configured staleness (and the editor at once), and nothing signed-in or written is ever
// answered from, or kept in, the cache.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { findNginx } from "../tooling/nginx";
import { startProxyStack, type ProxyStack } from "../tooling/proxy-stack";
import { submitSignIn } from "./fixtures";
import { createAppDatabase, PASSWORD } from "./instance";

// Short lifetimes so the test sees a copy expire: fresh for FRESH s, then served stale while
// revalidating for STALE s more. FRESH is longer than an editor's save takes, so the copy read
// just before a save is still the cached one right after it.
const FRESH = 6;
const STALE = 3;

test.skip(
  !findNginx() && !process.env.CI,
  "nginx is not installed: apt-get install -y nginx-light (CI installs it; these tests start their own).",
);
test.describe.configure({ mode: "serial" });

let stack: ProxyStack;
let database: Awaited<ReturnType<typeof createAppDatabase>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createAppDatabase("proxy");
  stack = await startProxyStack({
    databaseUrl: database.url,
    env: {
      HTTP_CACHE_SECONDS: String(FRESH),
      HTTP_CACHE_STALE_SECONDS: String(STALE),
      THROTTLE_KEY_PREFIX: `tracker-e2e-proxy-${process.pid}:`,
    },
    quiet: true,
  });
});
test.afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

/** An anonymous reader: no cookie jar at all. */
async function anonymous(path: string, init: RequestInit = {}) {
  const res = await fetch(stack.url + path, { redirect: "manual", ...init });
  return {
    status: res.status,
    cache: res.headers.get("x-cache"),
    cacheControl: res.headers.get("cache-control") ?? "",
    location: res.headers.get("location"),
    body: await res.text(),
  };
}

async function signInAsEditor(page: Page) {
  const editor = await database.createUser("editor");
  await submitSignIn(page, { email: editor.email, password: PASSWORD }, stack.url);
  await page.waitForURL(`${stack.url}/editor`);
}

const sessionCookie = async (page: Page) =>
  (await page.context().cookies(stack.url))
    .filter((c) => c.name.endsWith("authjs.session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");

test("an anonymous reader's second request for a public page is answered from nginx's cache, as the app allowed", async () => {
  const first = await anonymous("/codebook");
  const second = await anonymous("/codebook");
  expect(first.status).toBe(200);
  expect(first.cacheControl).toContain(`s-maxage=${FRESH}`);
  expect(second.cache).toBe("HIT");
  expect(second.body).toBe(first.body);
});

test("past s-maxage + stale-while-revalidate nginx no longer answers with its copy: the next reader's request goes to the app, with the copy's ETag", async () => {
  const path = `/events?q=${randomBytes(4).toString("hex")}`;
  const first = await anonymous(path);
  expect((await anonymous(path)).cache).toBe("HIT");
  // Past both lifetimes (plus nginx's whole-second clock) the copy may not be served even stale
  // (a `proxy_cache_use_stale updating` would serve it at any age). Waiting is the point here.
  await new Promise((r) => setTimeout(r, (FRESH + STALE + 1.5) * 1000));
  const after = await anonymous(path);
  // REVALIDATED: the app answered nginx's If-None-Match with 304, whichever instance nginx asked
  // (both render one version of a page to the same bytes and tag, see the next test).
  expect(after.cache).toBe("REVALIDATED");
  expect(after.body).toBe(first.body);
});

test("every instance answers one version of a public page with the same bytes and ETag, so a copy from one is revalidated by the other with a 304", async () => {
  const path = `/events?q=${randomBytes(4).toString("hex")}`;
  const [a, b] = stack.instances;
  const fromA = await fetch(a + path);
  const fromB = await fetch(b + path);
  const etag = fromA.headers.get("etag");
  expect(fromA.status).toBe(200);
  expect(etag).toMatch(/^W\/"/);
  expect(fromB.headers.get("etag")).toBe(etag);
  expect(fromB.headers.get("content-security-policy")).toBe(fromA.headers.get("content-security-policy"));
  expect(await fromB.text()).toBe(await fromA.text());
  const revalidated = await fetch(b + path, { headers: { "if-none-match": etag! } });
  expect(revalidated.status).toBe(304);
  expect(revalidated.headers.get("content-security-policy")).toBe(fromA.headers.get("content-security-policy"));
});

test("a correction reaches anonymous readers through the proxy within s-maxage + stale-while-revalidate, and its editor at once", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const event = await database.prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
  const path = `/events/${event.id}`;
  const summary = `Corrected through the proxy at ${Date.now()}.`;

  await signInAsEditor(page);
  await page.goto(`${stack.url}/editor/events/${event.id}`);
  await page.getByLabel("Summary (neutral, in your own words)").fill(summary);
  await page.getByLabel("Change note (shown to readers)").fill("Corrected behind nginx.");
  await page.getByRole("radio", { name: /Correction/ }).check();
  // The readers' copy, cached just before the save.
  await anonymous(path);
  const cachedAt = Date.now();
  expect((await anonymous(path)).cache).toBe("HIT");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const savedAt = Date.now();
  expect(
    (await database.prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { summary: true } })).summary,
  ).toBe(summary);

  // The editor's session bypasses the cache: their own correction is on their next page load.
  const own = await page.goto(`${stack.url}${path}`);
  expect(own?.headers()["x-cache"]).toBe("BYPASS");
  await expect(page.getByText(summary)).toBeVisible();

  // While the copy is fresh, readers still get it: the cache is really in the way.
  const soon = await anonymous(path);
  if (Date.now() - cachedAt < (FRESH - 1) * 1000) {
    expect(soon.cache).toBe("HIT");
    expect(soon.body).not.toContain(summary);
  }
  // And a request sent within the configured staleness gets the correction. 2 s more: nginx's
  // clock counts whole seconds, and a background refresh that read the database just before the
  // save stores the old page a render's time after it.
  let seenAt = 0;
  await expect
    .poll(
      async () => {
        const sentAt = Date.now();
        const corrected = (await anonymous(path)).body.includes(summary);
        if (corrected) seenAt = sentAt;
        return corrected;
      },
      { timeout: (FRESH + STALE) * 1000 + 15_000, intervals: [250] },
    )
    .toBe(true);
  expect(seenAt - savedAt).toBeLessThanOrEqual((FRESH + STALE + 2) * 1000);
});

test("signed-in pages and writes are never cached: an editor's pages never reach anonymous readers, and a signed-in reader never gets the readers' copy", async ({
  page,
}) => {
  await signInAsEditor(page);
  const cookie = await sessionCookie(page);
  expect(cookie).not.toBe("");

  // The desk: private, bypassed every time; an anonymous request for it is sent to sign in.
  for (let i = 0; i < 2; i++) {
    const desk = await page.goto(`${stack.url}/editor`);
    expect(desk?.headers()["x-cache"]).toBe("BYPASS");
    expect(desk?.headers()["cache-control"]).toMatch(/private|no-store/);
  }
  await expect(page.getByRole("heading", { name: "Editors' desk" })).toBeVisible();
  const deskAnonymously = await anonymous("/editor");
  expect(deskAnonymously.status).toBe(307);
  expect(deskAnonymously.location).toContain("/signin");
  expect(deskAnonymously.body).not.toContain("Editors' desk");

  // A public page an editor asked for first is not stored from their request: the next anonymous
  // reader's request goes to the app (MISS), not to a copy made for the editor.
  const fresh = `/events?q=${randomBytes(4).toString("hex")}`;
  expect((await fetch(stack.url + fresh, { headers: { cookie } })).headers.get("x-cache")).toBe("BYPASS");
  expect((await anonymous(fresh)).cache).toBe("MISS");
  expect((await anonymous(fresh)).cache).toBe("HIT");

  // With the readers' copy cached, a signed-in request still goes to the app.
  const signedIn = await fetch(stack.url + fresh, { headers: { cookie } });
  expect(signedIn.headers.get("x-cache")).toBe("BYPASS");
  expect(signedIn.headers.get("cache-control")).toMatch(/private|no-store/);
});

test("a POST is never answered from the cache, even for an address whose page is cached", async () => {
  expect((await anonymous("/codebook")).status).toBe(200);
  expect((await anonymous("/codebook")).cache).toBe("HIT");
  for (let i = 0; i < 2; i++) {
    const posted = await anonymous("/codebook", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    // No X-Cache at all: nginx did not even look the address up, the app answered.
    expect(posted.cache).toBeNull();
  }
});
