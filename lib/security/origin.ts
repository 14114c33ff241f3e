// Cross-site writes are refused before they reach a page, an action or Auth.js. Next.js refuses
// cross-origin server actions itself (with a bare 500) and Auth.js has its CSRF token; this check
// answers every unsafe method the same way, with a plain 403, and is not the only line of defence.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The same rule Next.js applies to server actions: the Origin's host must equal X-Forwarded-Host,
 * or Host. A request with no Origin is let through (not a browser, so it carries no victim's
 * cookies); "null" (sandboxed frames, some redirects) is refused.
 */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true; // "null" or garbage
  }
}
