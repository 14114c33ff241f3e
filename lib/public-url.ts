// The site's public origin, from PUBLIC_URL: the only source of the absolute links in the Atom
// feed, the JSON API, the OpenAPI document and the CSV exports. Never the request's Host (or
// X-Forwarded-Host): those answers are cached publicly, so a request naming another host would
// put its links into what every later reader is served (cache poisoning).
//
// Unset, it is http://localhost:PORT, right for development on one machine; a deployment sets it
// (README, Configuration). A malformed value stops start-up (instrumentation.ts) with one sentence.
type Env = Record<string, string | undefined>;

const problemWith = (raw: string) =>
  `PUBLIC_URL must be the site's public address, a scheme and a host only (such as https://tracker.example.org), not “${raw}”.`;

/** The one sentence that stops start-up, or null when PUBLIC_URL is unset or well-formed. */
export function publicUrlProblem(env: Env = process.env): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problemWith(env.PUBLIC_URL!);
  }
  const originOnly =
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.hostname &&
    !url.username &&
    !url.password &&
    url.pathname === "/" &&
    !url.search &&
    !url.hash &&
    !raw.endsWith("?") &&
    !raw.endsWith("#");
  return originOnly ? null : problemWith(env.PUBLIC_URL!);
}

/** "https://tracker.example.org", without a trailing slash. */
export function publicOrigin(env: Env = process.env): string {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return `http://localhost:${env.PORT?.trim() || 3000}`;
  const problem = publicUrlProblem(env);
  if (problem) throw new Error(problem);
  return new URL(raw).origin;
}
