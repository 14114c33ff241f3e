import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableResponse } from "@/lib/availability";
import { PRIVATE_NO_STORE } from "@/lib/http-cache/cache-control";
import { hasMalformedEscape } from "@/lib/malformed-path";
import { cachedPage, fillRequestNonce } from "@/lib/page-cache/page-cache";
import { createNonce } from "@/lib/security/headers";
import { isCrossSiteWrite } from "@/lib/security/origin";
import { decorate, decorateForeign, forwardedRequestHeaders, type RequestContext } from "@/lib/security/proxy-response";
import { requestIdFrom, REQUEST_ID_HEADER } from "@/lib/security/request-id";
import { URL_TOO_LONG_MESSAGE, urlTooLong } from "@/lib/security/url-limit";

const needsAccount = (pathname: string) => /^\/(editor|admin)(\/|$)/.test(pathname);
// Auth.js's session cookie: `authjs.session-token`, `__Secure-` before it over HTTPS, and `.0`,
// `.1`… after it when a large token is split across cookies.
const SESSION_COOKIE = /authjs\.session-token(?:\.\d+)?$/;

// Runs for every route but static files. Security never rests here alone: next.config.js sets the
// same headers at the routing layer, every page and server action checks the session and role
// itself, and Next.js and Auth.js refuse cross-site writes on their own.
export async function proxy(request: NextRequest) {
  const ctx: RequestContext = {
    pathname: request.nextUrl.pathname,
    // The page cache's own renders use a nonce every instance derives alike (lib/page-cache).
    nonce: fillRequestNonce(request.headers) ?? createNonce(),
    requestId: requestIdFrom(request.headers.get(REQUEST_ID_HEADER)),
  };
  // A documented limit (lib/security/url-limit.ts) answered before any work, well inside Node's
  // own header limit, so an oversize address always gets a readable 414 rather than a reset.
  if (urlTooLong(request.url)) {
    return decorate(
      new NextResponse(URL_TOO_LONG_MESSAGE, { status: 414, headers: { "content-type": "text/plain; charset=utf-8" } }),
      ctx,
    );
  }

  // While the database is down, answer at once instead of letting the request wait on the pool.
  const unavailable = await databaseUnavailableResponse(request);
  if (unavailable) return decorateForeign(unavailable, ctx);

  // A path with a broken %-escape names no page; left to Next.js it fails to decode as a 500.
  if (hasMalformedEscape(ctx.pathname)) {
    return decorate(
      new NextResponse("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }),
      ctx,
    );
  }

  if (isCrossSiteWrite(request.method, request.headers)) {
    const refused = new NextResponse("This request came from another site and was refused.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
    return decorate(refused, ctx);
  }

  // A convenience only: anonymous visitors to editor pages go to /signin before rendering.
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
  if (needsAccount(ctx.pathname) && !hasSession) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("from", ctx.pathname);
    return decorate(NextResponse.redirect(url), ctx);
  }

  // Anonymous readers of public pages: the one copy of this version of the page, which a shared
  // cache in front may keep too (Cache-Control public, ETag, hashed CSP; lib/page-cache).
  const cached = await cachedPage(request, ctx, hasSession);
  if (cached) return cached;

  const passed = decorate(NextResponse.next({ request: { headers: forwardedRequestHeaders(request, ctx) } }), ctx);
  // Whatever a route says, an answer to a signed-in request is that reader's own: no shared cache
  // may keep it or give it to anyone else (a reverse proxy should also skip its cache for these
  // requests; this holds without one).
  if (hasSession) passed.headers.set("cache-control", PRIVATE_NO_STORE);
  return passed;
}

// Everything except Next's build output and the favicon, which carry only next.config.js's headers.
// Prefetches are included so they get a request id and the same sign-in redirect. The upload
// routes are left out too: for a request the proxy sees, Next.js copies the body into memory
// (up to 10 MB, then cuts it off) before any check; they check Origin and role themselves
// before reading a byte, and read up to their own limits (lib/uploads/accept-upload.ts).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|editor/uploads/(?:import|copy)$).*)"] };
