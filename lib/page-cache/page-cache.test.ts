// The page cache's decisions without a server: which requests may get the shared anonymous copy
// of a page, what a render becomes when it is kept, and how a kept page is answered.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { cspHash } from "../http-cache/inline-hashes";
import { answer, entryFrom, fillRequestNonce, isCacheable } from "./page-cache";

const SECRET = "fill-secret";
const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  new NextRequest(`http://127.0.0.1${path}`, { method, headers });
const cacheable = (path: string, headers: Record<string, string> = {}, { method = "GET", session = false } = {}) =>
  isCacheable(get(path, headers, method), new URL(`http://x${path}`).pathname, session, SECRET);

describe("which requests get the shared copy of a page", () => {
  it("anonymous GETs of the public pages, with any query", () => {
    for (const path of [
      "/",
      "/events",
      "/events?q=sullivan&page=2",
      "/events/2023-09-13-kim-putin-vostochny-summit",
      "/timeline",
      "/embed/timeline?type=sanctions",
      "/map?z=2&c=40,127",
      "/embed/map",
      "/codebook",
      "/data",
      "/actors?q=kim",
      "/actors/kim-jong-un",
    ]) {
      expect(cacheable(path), path).toBe(true);
    }
  });

  it("not other routes: the desk, sign-in, feeds, exports, the API, deeper paths", () => {
    for (const path of [
      "/editor",
      "/editor/events/new",
      "/signin",
      "/signed-out",
      "/events.csv",
      "/events.atom",
      "/api/v1/events",
      "/events/a/b",
      "/embed",
      "/embed/events",
      "/timeline/x",
      "/mapx",
      "/datax",
    ]) {
      expect(cacheable(path), path).toBe(false);
    }
  });

  it("not for a reader with a session, another method, or the cache's own render", () => {
    expect(cacheable("/events", {}, { session: true })).toBe(false);
    for (const method of ["HEAD", "POST"]) expect(cacheable("/events", {}, { method }), method).toBe(false);
    expect(cacheable("/events", { "x-page-cache-fill": SECRET })).toBe(false);
    expect(cacheable("/events", { "x-page-cache-fill": "a guess" })).toBe(true);
  });

  it("not for client-side navigations, prefetches or server actions (React's flight format)", () => {
    expect(cacheable("/events", { rsc: "1" })).toBe(false);
    expect(cacheable("/events", { "next-router-prefetch": "1" })).toBe(false);
    expect(cacheable("/events", { "next-action": "abc" })).toBe(false);
    expect(cacheable("/events?_rsc=1x2y3")).toBe(false);
  });
});

const NONCE = "cmVuZGVyLW5vbmNlLTEyMzQ1";
const BOOT = 'self.__next_f.push([1,"boot"])';
const rendered = (status = 200, extra: Record<string, string> = {}) => ({
  status,
  headers: new Headers({
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
    "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
    vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
    link: `</_next/static/css/a.css>; rel=preload; as="style"; nonce="${NONCE}"`,
    ...extra,
  }),
  body: `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/css/a.css" nonce="${NONCE}"/><script src="/_next/static/chunks/main.js" async="" nonce="${NONCE}"></script></head><body><h1>Events</h1><script nonce="${NONCE}">${BOOT}</script></body></html>`,
});
const page = { path: "/events?q=x", pathname: "/events", version: "7" };
const ctx = { pathname: "/events", nonce: "cmVxdWVzdC1ub25jZS0xMjM0", requestId: "req-12345678" };

describe("a render made into the shared copy", () => {
  it("keeps HTML answers of 200 and 404 only, rendered with a nonce and setting no cookie", () => {
    expect(entryFrom(rendered(), page)).toBeDefined();
    expect(entryFrom(rendered(404), page)).toBeDefined();
    for (const status of [500, 503, 307]) expect(entryFrom(rendered(status), page), String(status)).toBeUndefined();
    expect(entryFrom(rendered(200, { "set-cookie": "a=b" }), page)).toBeUndefined();
    expect(entryFrom(rendered(200, { "content-type": "application/json" }), page)).toBeUndefined();
    expect(entryFrom(rendered(200, { "content-security-policy": "script-src 'self'" }), page)).toBeUndefined();
  });

  it("drops the nonce everywhere and allows the inline script by its hash", () => {
    const entry = entryFrom(rendered(), page)!;
    expect(entry.body).not.toContain(NONCE);
    expect(entry.body).toContain(`<script>${BOOT}</script>`);
    expect(new Map(entry.headers).get("link")).toBe(`</_next/static/css/a.css>; rel=preload; as="style"`);
    expect(entry.policy).toContain(`script-src 'self' '${cspHash(BOOT)}';`);
    expect(entry.policy).not.toMatch(/nonce|strict-dynamic|unsafe-inline/);
    expect(entry.etag).toMatch(/^W\/"7-/);
  });
});

describe("answering from the shared copy", () => {
  const entry = entryFrom(rendered(), page)!;

  it("sends the page with public caching, its tag, its own policy and a vary on the flight headers and encoding", async () => {
    const res = answer(entry, get("/events?q=x"), ctx, "hit");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(entry.body);
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=30");
    expect(res.headers.get("etag")).toBe(entry.etag);
    expect(res.headers.get("content-security-policy")).toBe(entry.policy);
    expect(res.headers.get("content-security-policy")).not.toContain(ctx.nonce);
    expect(res.headers.get("vary")).toBe(
      "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, accept-encoding",
    );
    expect(res.headers.get("x-page-cache")).toBe("hit");
    expect(res.headers.get("x-request-id")).toBe(ctx.requestId);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.has("set-cookie")).toBe(false);
  });

  it("answers 304 with no body, and the same tag, policy and caching, when the request names the tag", async () => {
    const res = answer(entry, get("/events?q=x", { "if-none-match": `W/"6-old", ${entry.etag}` }), ctx, "hit");
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(entry.etag);
    expect(res.headers.get("content-security-policy")).toBe(entry.policy);
    expect(res.headers.get("cache-control")).toMatch(/^public, /);
  });

  it("sends a kept 404 whole even to a request naming its tag (preconditions apply to 2xx only)", async () => {
    const missing = entryFrom(rendered(404), { ...page, path: "/events/gone", pathname: "/events/gone" })!;
    const res = answer(
      missing,
      get("/events/gone", { "if-none-match": missing.etag }),
      { ...ctx, pathname: "/events/gone" },
      "hit",
    );
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(missing.body);
    expect(res.headers.get("cache-control")).toMatch(/^public, /);
  });

  it("sends the whole page when the request names another version's tag", async () => {
    const res = answer(entry, get("/events?q=x", { "if-none-match": `W/"6-old"` }), ctx, "hit");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(entry.body);
  });
});

describe("the shared copy, answered to one request after another", () => {
  const entry = entryFrom(rendered(), page)!;

  it("gives each answer the request's own id and the label it is given, and leaves the entry as kept", async () => {
    const kept = structuredClone(entry);
    const first = answer(entry, get("/events?q=x"), ctx, "miss");
    const second = answer(entry, get("/events?q=x"), { ...ctx, requestId: "req-87654321" }, "hit");
    expect([first.headers.get("x-request-id"), second.headers.get("x-request-id")]).toEqual([
      "req-12345678",
      "req-87654321",
    ]);
    expect([first.headers.get("x-page-cache"), second.headers.get("x-page-cache")]).toEqual(["miss", "hit"]);
    first.headers.set("x-changed-later", "1");
    expect(await second.text()).toBe(kept.body);
    expect(second.headers.has("x-changed-later")).toBe(false);
    expect(entry).toEqual(kept);
  });

  it("sends the kept type and preload links with the page, and a 304 without a type", () => {
    const full = answer(entry, get("/events?q=x"), ctx, "hit");
    expect(full.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(full.headers.get("link")).toBe(`</_next/static/css/a.css>; rel=preload; as="style"`);
    const notModified = answer(entry, get("/events?q=x", { "if-none-match": entry.etag }), ctx, "hit");
    expect(notModified.status).toBe(304);
    expect(notModified.headers.has("content-type")).toBe(false);
  });

  it("answers 304 to If-None-Match: * (any version of the page will do)", async () => {
    const res = answer(entry, get("/events?q=x", { "if-none-match": "*" }), ctx, "hit");
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
  });
});

describe("which requests get the shared copy, with the cache's own secret and settings", () => {
  it("tells the cache's own render by its per-process secret, which a request cannot guess", () => {
    const ask = (headers: Record<string, string>) => isCacheable(get("/events", headers), "/events", false);
    expect(ask({})).toBe(true);
    expect(ask({ "x-page-cache-fill": SECRET })).toBe(true);
    expect(ask({ "x-page-cache-fill": "" })).toBe(true);
  });

  it("takes a render's nonce only from the cache's own render: a request naming one without the secret renders with its own", () => {
    const nonce = "A".repeat(24);
    expect(fillRequestNonce(new Headers({ "x-page-cache-nonce": nonce }))).toBeUndefined();
    expect(fillRequestNonce(new Headers({ "x-page-cache-fill": SECRET, "x-page-cache-nonce": nonce }))).toBeUndefined();
    expect(fillRequestNonce(new Headers({ "x-page-cache-fill": "", "x-page-cache-nonce": nonce }))).toBeUndefined();
  });

  it("keeps no page at all with PAGE_CACHE_MB=0", async () => {
    vi.resetModules();
    vi.stubEnv("PAGE_CACHE_MB", "0");
    try {
      const off = await import("./page-cache");
      for (const path of ["/", "/events", "/codebook"])
        expect(off.isCacheable(get(path), path, false, SECRET), path).toBe(false);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
