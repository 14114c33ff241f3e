// Public pages for anonymous readers, kept rendered in memory and answered by proxy.ts without
// running React again. Rendering a page costs 10–50 ms of CPU; answering from here well under
// one, which is what lets one instance hold a newsroom's spike of readers (README, Load).
//
// Correct by construction rather than by expiry: entries are keyed by the public data's version
// (public-version.ts), read on every request, so a change committed on any instance is seen by
// the very next request everywhere. Each answer gets its own CSP nonce: the nonce the page was
// rendered with is replaced in the body and headers by this request's, so a cached page is no
// weaker than a fresh one (a nonce is never sent twice).
//
// A miss renders the page through the app itself (one request to this server's own port with a
// per-process secret header, which the proxy lets through to Next.js); concurrent misses for one
// page wait for the same render, and at most PAGE_RENDER_CONCURRENCY pages render at once, which
// keeps memory and garbage collection down under a burst of misses. At most PAGE_RENDER_QUEUE
// more wait for their turn: past that, a miss is rendered by Next.js for its own request, as
// without the cache, instead of queueing (a burst of misses for many different pages, a crawler,
// would otherwise make each request wait for all the renders queued before it). The least
// recently read pages leave first when the cache is full.
import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import pLimit, { type LimitFunction } from "p-limit";
import { NextResponse, type NextRequest } from "next/server";
import { logger } from "../log";
import { decorate, type RequestContext } from "../security/proxy-response";
import { readPublicVersion } from "./public-version";

/** The anonymous public pages; editor pages, sign-in, feeds, exports and the API are never kept. */
const PAGES = /^\/(?:events(?:\/[^/]+)?|timeline|embed\/timeline|codebook|data)?$/;
const FILL_HEADER = "x-page-cache-fill";
const CACHE_STATE_HEADER = "x-page-cache";
const MAX_URL = 2048;
const FILL_TIMEOUT_MS = 15_000;
// Only the answers that depend on the URL and the data alone.
const KEPT_STATUSES = new Set([200, 404]);
// Per-response headers are set again for every answer (decorate: CSP, request id, and the rest).
const KEPT_HEADERS = new Set(["content-type", "cache-control", "vary", "link"]);

interface Entry {
  status: number;
  body: string;
  headers: [string, string][];
  nonce: string;
}
type FillContext = { path: string; requestId: string };

const megabytes = Number(process.env.PAGE_CACHE_MB ?? 256);
const enabled = Number.isFinite(megabytes) && megabytes > 0;
const renderConcurrency = Math.max(1, Number(process.env.PAGE_RENDER_CONCURRENCY ?? 4) || 4);
const queueSetting = Number(process.env.PAGE_RENDER_QUEUE ?? 16);
const renderQueue = Number.isSafeInteger(queueSetting) && queueSetting >= 0 ? queueSetting : 16;

type CacheState = { cache: LRUCache<string, Entry, FillContext>; renders: LimitFunction; secret: string; warned: boolean };
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

async function render({ path, requestId }: FillContext): Promise<Entry | undefined> {
  const s = state();
  const port = process.env.PORT; // set by `next start` to the port it listens on
  if (!port) return undefined;
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { accept: "text/html", "accept-encoding": "identity", [FILL_HEADER]: s.secret, "x-request-id": requestId },
      redirect: "manual",
      signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
    });
    const body = await res.text();
    const nonce = nonceOf(res.headers.get("content-security-policy"));
    const html = res.headers.get("content-type")?.startsWith("text/html");
    if (!KEPT_STATUSES.has(res.status) || !html || !nonce || res.headers.has("set-cookie")) return undefined;
    return { status: res.status, body, nonce, headers: [...res.headers].filter(([name]) => KEPT_HEADERS.has(name)) };
  } catch (err) {
    // The page is then rendered for this request as usual; say so once, not on every request.
    if (!s.warned) logger.warn({ err: (err as Error).message }, "page cache could not render through 127.0.0.1; pages are rendered per request");
    s.warned = true;
    return undefined;
  }
}

function answer(entry: Entry, ctx: RequestContext, how: string): NextResponse {
  const fresh = (text: string) => text.replaceAll(entry.nonce, ctx.nonce);
  const headers = new Headers(entry.headers.map(([name, value]) => [name, fresh(value)] as [string, string]));
  headers.set(CACHE_STATE_HEADER, how);
  return decorate(new NextResponse(fresh(entry.body), { status: entry.status, headers }), ctx);
}

function isCacheable(request: NextRequest, pathname: string, hasSession: boolean): boolean {
  if (!enabled || request.method !== "GET" || hasSession || !PAGES.test(pathname)) return false;
  const h = request.headers;
  // The cache's own render, and client-side navigations and prefetches (React's flight format;
  // visible here thanks to skipProxyUrlNormalize in next.config.js).
  const flight = h.has("rsc") || h.has("next-router-prefetch") || h.has("next-action") || request.nextUrl.searchParams.has("_rsc");
  return !flight && h.get(FILL_HEADER) !== state().secret;
}

/** The page from the cache (rendering it once if needed), or null to let Next.js render it. */
export async function cachedPage(request: NextRequest, ctx: RequestContext, hasSession: boolean): Promise<NextResponse | null> {
  if (!isCacheable(request, ctx.pathname, hasSession)) return null;
  const url = new URL(request.url);
  const path = url.pathname + url.search;
  if (path.length > MAX_URL) return null;
  const version = await readPublicVersion();
  if (version === null) return null;
  const key = `${version} ${path}`;
  const { cache } = state();
  const status: LRUCache.Status<string, Entry, FillContext> = {};
  const entry = await cache.fetch(key, { context: { path, requestId: ctx.requestId }, status }).catch(() => undefined);
  return entry ? answer(entry, ctx, status.fetch === "hit" ? "hit" : "miss") : null;
}
