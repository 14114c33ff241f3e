// What proxy.ts adds to every answer it gives or passes on: the security headers (CSP with this
// request's nonce) and the request id.
import { formActionOrigins, securityHeaders, type InlineHashes } from "./headers";
import { REQUEST_ID_HEADER } from "./request-id";

export interface RequestContext {
  pathname: string;
  nonce: string;
  requestId: string;
}

const env = () => ({
  production: process.env.NODE_ENV === "production",
  dev: process.env.NODE_ENV === "development",
  formOrigins: formActionOrigins(process.env.OIDC_ISSUER),
});

export function policyFor(ctx: RequestContext): string {
  const csp = securityHeaders({ pathname: ctx.pathname, nonce: ctx.nonce, ...env() }).find(
    ([name]) => name === "content-security-policy",
  );
  return csp![1];
}

/** The policy of a page a shared cache may keep: its own inline scripts' hashes, no nonce. */
export function hashedPolicyFor(pathname: string, hashes: InlineHashes): string {
  const csp = securityHeaders({ pathname, hashes, ...env() }).find(([name]) => name === "content-security-policy");
  return csp![1];
}

/** Sets the headers on a response whose headers are mutable (NextResponse.next/redirect, new Response). */
export function decorate<R extends Response>(response: R, ctx: RequestContext, { keepOwnPolicy = false } = {}): R {
  for (const [name, value] of securityHeaders({ pathname: ctx.pathname, nonce: ctx.nonce, ...env() })) {
    if (keepOwnPolicy && name === "content-security-policy" && response.headers.has(name)) continue;
    response.headers.set(name, value);
  }
  response.headers.set("X-Request-Id", ctx.requestId);
  return response;
}

/**
 * A response made elsewhere (the 503 while the database is down) may have immutable headers, so it
 * is copied first. Its own Content-Security-Policy, if it set one, is kept: a static error page
 * cannot know this request's nonce.
 */
export function decorateForeign(response: Response, ctx: RequestContext): Response {
  const copy = new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
  return decorate(copy, ctx, { keepOwnPolicy: true });
}

/** The request headers the app sees: Next.js takes the nonce from the CSP, the logger the id. */
export function forwardedRequestHeaders(request: Request, ctx: RequestContext): Headers {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, ctx.requestId);
  headers.set("content-security-policy", policyFor(ctx));
  headers.set("x-nonce", ctx.nonce);
  return headers;
}
