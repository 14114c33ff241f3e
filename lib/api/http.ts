import { createHash } from "node:crypto";
import { unavailableResponse } from "../availability";
import { reportDatabaseError } from "../database-breaker";
import { publicCacheControl } from "../http-cache/cache-control";
import { ReadUnavailable } from "./read-query";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
};

export function apiError(status: number, message: string, parameters: string[] = []): Response {
  return Response.json(
    { error: { message, parameters } },
    { status, headers: { ...CORS, "Cache-Control": "no-store" } },
  );
}

/**
 * JSON with a validator: a weak ETag of the body, Last-Modified, CORS for GET, and the public
 * pages' Cache-Control (HTTP_CACHE_SECONDS, lib/http-cache/cache-control.ts), so a shared cache in
 * front (deploy/nginx.conf) keeps API answers exactly as long as pages, and a correction reaches
 * API readers as soon as page readers.
 */
export function cachedJson(request: Request, body: unknown, lastModified: Date | null): Response {
  return cachedJsonText(request, JSON.stringify(body), lastModified);
}

/** cachedJson for a body that is already JSON text (the list page, written by PostgreSQL). */
export function cachedJsonText(request: Request, text: string, lastModified: Date | null): Response {
  const etag = `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {
    ...CORS,
    ETag: etag,
    "Cache-Control": publicCacheControl(),
    Vary: "Accept-Encoding",
  };
  if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(text, {
    status: 200,
    headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
  });
}

export const corsPreflight = () =>
  new Response(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });

/**
 * Wraps a route handler so a database outage answers 503 with Retry-After (JSON for the API,
 * text for the feeds) instead of a 500, even when the proxy has not yet learned of the outage.
 * Any other error is rethrown: it is a bug, and Next.js answers 500 without a stack trace.
 */
export function withDatabaseErrors<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Response | Promise<Response>,
) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (err) {
      // ReadUnavailable: a raw read, already reported to its own breaker (lib/api/read-query.ts).
      if (!(err instanceof ReadUnavailable) && !reportDatabaseError(err)) throw err;
      const response = unavailableResponse(request);
      if (new URL(request.url).pathname.startsWith("/api/")) response.headers.set("Access-Control-Allow-Origin", "*");
      return response;
    }
  };
}
