import { createHash } from "node:crypto";

const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since" };

export function apiError(status: number, message: string, parameters: string[] = []): Response {
  return Response.json({ error: { message, parameters } }, { status, headers: { ...CORS, "Cache-Control": "no-store" } });
}

/** JSON with a validator: a weak ETag of the body, Last-Modified, a short public cache, and CORS for GET. */
export function cachedJson(request: Request, body: unknown, lastModified: Date | null): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = { ...CORS, ETag: etag, "Cache-Control": "public, max-age=60", Vary: "Accept-Encoding" };
  if (lastModified) headers["Last-Modified"] = lastModified.toUTCString();
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

export const corsPreflight = () => new Response(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });
