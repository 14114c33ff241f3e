// Public pages for anonymous readers, kept rendered in memory and answered by proxy.ts without
// running React again. Rendering a page costs 10–50 ms of CPU; answering from here well under
// one, which is what lets one instance hold a newsroom's spike of readers (README, Load).
//
// Correct by construction rather than by expiry: entries are keyed by the public data's version
// (public-version.ts), read on every request, so a change committed on any instance is seen by
// the very next request everywhere.
//
// Every answer from here may also be kept by a shared cache in front (nginx, a CDN): it carries
// Cache-Control public with s-maxage (lib/http-cache/cache-control.ts), an ETag naming this
// version of the page (lib/http-cache/etag.ts), and a CSP made of the hashes of the inline scripts
// Next.js stamped with the render's nonce instead of a per-request nonce
// (lib/http-cache/inline-hashes.ts), so one copy is right for every anonymous reader. A
// conditional request whose tag matches is answered 304 from here: one version lookup, no render.
//
// A miss renders the page through the app itself (one request to this server's own port with a
// per-process secret header, which the proxy lets through to Next.js); concurrent misses for one
// page wait for the same render, and at most PAGE_RENDER_CONCURRENCY pages render at once, which
// keeps memory and garbage collection down under a burst of misses. At most PAGE_RENDER_QUEUE
// more wait for their turn: past that, a miss is rendered by Next.js for its own request, as
// without the cache, instead of queueing (a burst of misses for many different pages, a crawler,
// would otherwise make each request wait for all the renders queued before it). The least
// recently read pages leave first when the cache is full.
import { createHmac, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import pLimit, { type LimitFunction } from "p-limit";
import { NextResponse, type NextRequest } from "next/server";
import { publicCacheControl } from "../http-cache/cache-control";
import { ifNoneMatchMatches, pageEtag } from "../http-cache/etag";
import { hashNoncedInline, withoutNonce } from "../http-cache/inline-hashes";
import { logger } from "../log";
import { decorate, hashedPolicyFor, type RequestContext } from "../security/proxy-response";
import { readPublicVersion } from "./public-version";

/** The anonymous public pages; editor pages, sign-in, feeds, exports and the API are never kept. */
const PAGES = /^\/(?:events(?:\/[^/]+)?|actors(?:\/[^/]+)?|timeline|map|embed\/(?:timeline|map)|codebook|data)?$/;
const FILL_HEADER = "x-page-cache-fill";
const FILL_NONCE_HEADER = "x-page-cache-nonce";
const CACHE_STATE_HEADER = "x-page-cache";
const MAX_URL = 2048;
const FILL_TIMEOUT_MS = 15_000;
// Only the answers that depend on the URL and the data alone.
const KEPT_STATUSES = new Set([200, 404]);
// Per-response headers are set again for every answer (decorate: request id, and the rest);
// Cache-Control and the CSP are this module's own.
const KEPT_HEADERS = new Set(["content-type", "vary", "link"]);
// Next.js's own Vary (the flight headers, which make the same address answer React's format
// instead of HTML) plus the encoding: a shared cache must never answer a client-side navigation
// with this HTML, or a reader asking for identity with a compressed copy.
const ALWAYS_VARY = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "accept-encoding",
];

export interface Entry {
  status: number;
  body: string;
  headers: [string, string][];
  /** The hashed CSP: the same for every answer of this entry, so a shared cache may keep it. */
  policy: string;
  etag: string;
}
type FillContext = { path: string; pathname: string; version: string; requestId: string };

// PAGE_CACHE_MB=0 turns this module off: every page is then rendered by Next.js per request,
// with a nonce and private, so a shared cache in front keeps nothing either (a 304 needs the
// entry's policy, see answer()).
const megabytes = Number(process.env.PAGE_CACHE_MB ?? 256);
const enabled = Number.isFinite(megabytes) && megabytes > 0;
const renderConcurrency = Math.max(1, Number(process.env.PAGE_RENDER_CONCURRENCY ?? 4) || 4);
const queueSetting = Number(process.env.PAGE_RENDER_QUEUE ?? 16);
const renderQueue = Number.isSafeInteger(queueSetting) && queueSetting >= 0 ? queueSetting : 16;

type CacheState = {
  cache: LRUCache<string, Entry, FillContext>;
  renders: LimitFunction;
  secret: string;
  warned: boolean;
};
const globalForCache = globalThis as unknown as { trackerPageCache?: CacheState };

function state(): CacheState {
  return (globalForCache.trackerPageCache ??= {
    secret: randomBytes(24).toString("base64url"),
    warned: false,
    renders: pLimit(renderConcurrency),
    cache: new LRUCache<string, Entry, FillContext>({
      maxSize: Math.max(1, megabytes) * 2 ** 20,
      maxEntrySize: 8 * 2 ** 20,
      // JavaScript strings take up to two bytes a character.
      sizeCalculation: (e) => e.body.length * 2 + 1024,
      // Undefined keeps nothing and tells every request waiting for this page to render it itself.
      // (lru-cache waits for a promise: a plain undefined would leave them waiting forever.)
      fetchMethod: async (_key, _stale, { context }) => {
        const { renders } = state();
        return renders.pendingCount >= renderQueue ? undefined : renders(() => render(context));
      },
    }),
  });
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

function vary(headers: [string, string][]): string {
  const names = headers.filter(([name]) => name === "vary").flatMap(([, value]) => value.split(","));
  return [...new Set([...names, ...ALWAYS_VARY].map((n) => n.trim().toLowerCase()).filter(Boolean))].join(", ");
}

/** A rendered answer made into an entry every anonymous reader can share, or undefined to keep none. */
export function entryFrom(
  res: { status: number; headers: Headers; body: string },
  { path, pathname, version }: Omit<FillContext, "requestId">,
): Entry | undefined {
  const nonce = nonceOf(res.headers.get("content-security-policy"));
  const html = res.headers.get("content-type")?.startsWith("text/html");
  if (!KEPT_STATUSES.has(res.status) || !html || !nonce || res.headers.has("set-cookie")) return undefined;
  const { body, hashes } = hashNoncedInline(res.body, nonce);
  const kept = [...res.headers]
    .filter(([name]) => KEPT_HEADERS.has(name) && name !== "vary")
    .map(([name, value]) => [name, withoutNonce(value, nonce)] as [string, string]);
  const headers: [string, string][] = [...kept, ["vary", vary([...res.headers])]];
  const policy = hashedPolicyFor(pathname, hashes);
  return {
    status: res.status,
    body,
    headers,
    policy,
    etag: pageEtag({ version, path, status: res.status, policy, body }),
  };
}

/**
 * The nonce the cache's own render of one version of one page is stamped with: the same on every
 * instance, so every instance renders the same bytes and so gives the same ETag, and a shared
 * cache's copy from one is revalidated by another with a 304 (a random nonce per render made each
 * instance's copy, tag and policy its own). It stays unguessable where it matters: keyed by
 * AUTH_SECRET, which the instances of a deployment share and no reader knows, and by the version,
 * which every public change bumps, so markup that got into the data cannot carry the nonce of
 * the render it appears in (hashNoncedInline hashes only what carries it). The kept copy's
 * policy lists hashes, never this nonce. Without AUTH_SECRET, a random one, as before.
 */
function fillNonce(version: string, path: string): string {
  const key = process.env.AUTH_SECRET;
  if (!key) return randomBytes(18).toString("base64");
  return createHmac("sha256", key).update(`page-cache nonce\0${version}\0${path}`).digest("base64").slice(0, 24);
}

/**
 * For proxy.ts: the nonce to render this request with when it is this process's own render for
 * the cache (its per-process secret, which no other request can know); else undefined.
 */
export function fillRequestNonce(headers: Headers): string | undefined {
  const secret = headers.get(FILL_HEADER);
  if (!secret || !enabled || secret !== state().secret) return undefined;
  const nonce = headers.get(FILL_NONCE_HEADER);
  return nonce && /^[A-Za-z0-9+/]{24}$/.test(nonce) ? nonce : undefined;
}

async function render({ requestId, ...page }: FillContext): Promise<Entry | undefined> {
  const s = state();
  const port = process.env.PORT; // set by `next start` to the port it listens on
  if (!port) return undefined;
  try {
    const res = await fetch(`http://127.0.0.1:${port}${page.path}`, {
      headers: {
        accept: "text/html",
        "accept-encoding": "identity",
        [FILL_HEADER]: s.secret,
        [FILL_NONCE_HEADER]: fillNonce(page.version, page.path),
        "x-request-id": requestId,
      },
      redirect: "manual",
      signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
    });
    return entryFrom({ status: res.status, headers: res.headers, body: await res.text() }, page);
  } catch (err) {
    // The page is then rendered for this request as usual; say so once, not on every request.
    if (!s.warned)
      logger.warn(
        { err: (err as Error).message },
        "page cache could not render through 127.0.0.1; pages are rendered per request",
      );
    s.warned = true;
    return undefined;
  }
}

/**
 * The entry as this request's answer: 304 when the request names the entry's tag (a shared cache
 * or a browser revalidating its copy), else the page. Both carry the entry's own policy, since a
 * cache replaces a kept copy's headers with those of a 304 (RFC 9111, 4.3.4).
 */
export function answer(entry: Entry, request: Request, ctx: RequestContext, how: string): NextResponse {
  const headers = new Headers(entry.headers);
  headers.set("cache-control", publicCacheControl());
  headers.set("etag", entry.etag);
  headers.set("content-security-policy", entry.policy);
  headers.set(CACHE_STATE_HEADER, how);
  // Preconditions only apply to what would be a 2xx (RFC 9110, 13.2.1): a kept 404 is sent whole.
  const notModified = entry.status === 200 && ifNoneMatchMatches(request.headers.get("if-none-match"), entry.etag);
  if (notModified) headers.delete("content-type");
  const response = notModified
    ? new NextResponse(null, { status: 304, headers })
    : new NextResponse(entry.body, { status: entry.status, headers });
  return decorate(response, ctx, { keepOwnPolicy: true });
}

/** Whether this request may be answered with the shared anonymous copy of a public page. */
export function isCacheable(
  request: NextRequest,
  pathname: string,
  hasSession: boolean,
  fillSecret = state().secret,
): boolean {
  if (!enabled || request.method !== "GET" || hasSession || !PAGES.test(pathname)) return false;
  const h = request.headers;
  // The cache's own render, and client-side navigations and prefetches (React's flight format;
  // visible here thanks to skipProxyUrlNormalize in next.config.js). Those are rendered by
  // Next.js per request and stay private: they depend on the reader's current route tree
  // (Next-Router-State-Tree), so a shared copy would rarely be asked for twice.
  const flight =
    h.has("rsc") || h.has("next-router-prefetch") || h.has("next-action") || request.nextUrl.searchParams.has("_rsc");
  return !flight && h.get(FILL_HEADER) !== fillSecret;
}

/** The page from the cache (rendering it once if needed), or null to let Next.js render it. */
export async function cachedPage(
  request: NextRequest,
  ctx: RequestContext,
  hasSession: boolean,
): Promise<NextResponse | null> {
  if (!isCacheable(request, ctx.pathname, hasSession)) return null;
  const url = new URL(request.url);
  const path = url.pathname + url.search;
  if (path.length > MAX_URL) return null;
  const version = await readPublicVersion();
  if (version === null) return null;
  const key = `${version} ${path}`;
  const { cache } = state();
  const status: LRUCache.Status<string, Entry, FillContext> = {};
  const context = { path, pathname: ctx.pathname, version, requestId: ctx.requestId };
  const entry = await cache.fetch(key, { context, status }).catch(() => undefined);
  return entry ? answer(entry, request, ctx, status.fetch === "hit" ? "hit" : "miss") : null;
}
