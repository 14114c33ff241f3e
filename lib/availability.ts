// What the app answers while its database is down: a 503 with Retry-After, as a page for people,
// JSON for the API and for client-side navigations, plain text
// for the CSV and Atom feeds. The proxy calls databaseUnavailableResponse first on every request,
// so while the breaker (lib/database-breaker.ts) is open nothing waits for a connection that
// cannot come. Route handlers, pages and server actions also handle connection errors themselves
// (lib/api/http.ts, app/error.tsx, lib/events/actions.ts): safety never rests on the proxy alone.
import { databaseIsAvailable, replicaIsAvailable } from "./breaker-state";
import { DATABASE_UNAVAILABLE_MESSAGE } from "./db-errors";
import { readReplicaUrl } from "./replica-url";

export const RETRY_AFTER_S = 5;

// Paths that must keep answering while the database is down: liveness and readiness (which say
// so themselves) and the build's static files.
const EXEMPT = [/^\/api\/health$/, /^\/api\/ready$/, /^\/_next\//, /^\/favicon\.ico$/];

type Kind = "json" | "csv" | "atom" | "rsc" | "html";

function kindOf(request: Request): Kind {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/api/")) return "json";
  if (pathname.endsWith(".csv")) return "csv";
  if (pathname.endsWith(".atom")) return "atom";
  // Client-side navigations fetch React's flight format, not a page; on a non-flight answer
  // the router loads the URL as a whole page, which then gets the HTML 503.
  if (request.headers.get("rsc") === "1") return "rsc";
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("text/html") || accept === "" || accept.includes("*/*") ? "html" : "json";
}

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_S * 2}"><title>Temporarily unavailable — Sanctions &amp; Arms-Transfer Tracker</title></head>
<body><main id="main"><h1>The tracker is temporarily unavailable</h1>
<p>Its database cannot be reached just now. Nothing you saved before has been lost. This page will try again by itself in a few seconds; you can also <a href="">reload it</a>.</p>
<p>If you were saving a change, it was not saved: go back and save it again in a moment.</p></main></body></html>
`;

/** The 503 for one request, in the form its caller reads. */
export function unavailableResponse(request: Request): Response {
  const headers = { "Retry-After": String(RETRY_AFTER_S), "Cache-Control": "no-store" };
  switch (kindOf(request)) {
    case "json":
    case "rsc":
      return Response.json({ error: { message: DATABASE_UNAVAILABLE_MESSAGE } }, { status: 503, headers });
    case "csv":
    case "atom":
      return new Response(`${DATABASE_UNAVAILABLE_MESSAGE}\n`, {
        status: 503,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
    default:
      return new Response(HTML, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
}

// The desk: pages and routes that read and write the primary only (lib/db.ts, db()), so they keep
// working while the read replica is down. Everything else reads the replica (readDb()).
const DESK = [/^\/(editor|admin)(\/|$)/, /^\/signin$/, /^\/signed-out$/, /^\/api\/auth(\/|$)/];

/**
 * Called by the proxy first for every request: a 503 while the database is known to be down, or,
 * while a configured read replica is, for the public reads that depend on it; else null.
 */
export function databaseUnavailableResponse(request: Request): Response | null {
  const primaryDown = !databaseIsAvailable();
  // The replica's breaker can only be open while DATABASE_READ_URL is set; checking both keeps a
  // replica removed from the settings (a test, a dev reload) from holding public pages at 503.
  const replicaDown = !replicaIsAvailable() && readReplicaUrl() !== undefined;
  if (!primaryDown && !replicaDown) return null;
  const { pathname } = new URL(request.url);
  if (EXEMPT.some((re) => re.test(pathname))) return null;
  // Server actions answer for themselves ("nothing was saved", at once, lib/events/actions.ts):
  // a 503 here would make React throw and replace the form, losing what the editor typed.
  if (request.headers.has("next-action")) return null;
  if (!primaryDown && DESK.some((re) => re.test(pathname))) return null;
  return unavailableResponse(request);
}
