// How long a shared cache (nginx, a CDN) may keep an anonymous public page. Short on purpose:
// revalidating costs the app one primary-key lookup and a 304 (etag.ts), so a cache can ask
// often, and a correction reaches readers within seconds instead of waiting out a long lifetime.
//
// HTTP_CACHE_SECONDS (s-maxage, default 5): how long a copy is fresh. A page read at least every
//   5 s shows a correction within 5 s.
// HTTP_CACHE_STALE_SECONDS (stale-while-revalidate, default 30): how much longer the cache may
//   answer with the old copy while it asks the app in the background, so no reader of a busy page
//   ever waits for the app. A correction is therefore never older than the sum (35 s) on any page.
// Browsers get max-age=0: they ask again (through the shared cache) every time, so a reader's
// own copy is never older than the shared one.
export const DEFAULT_HTTP_CACHE_SECONDS = 5;
export const DEFAULT_HTTP_CACHE_STALE_SECONDS = 30;
const LONGEST = 31_536_000; // a year: past that a number is a typo, not a policy

/** For every response that must never be kept by a shared cache: signed-in pages, editor pages. */
export const PRIVATE_NO_STORE = "private, no-store";

type Env = Record<string, string | undefined>;

function seconds(env: Env, name: string, fallback: number): number | string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 && value <= LONGEST
    ? value
    : `${name} must be a whole number of seconds from 0 to ${LONGEST}, not “${raw}”.`;
}

/** The two settings' one-sentence problem, or null: checked at start-up (lib/startup-checks.ts). */
export function httpCacheSettingsProblem(env: Env = process.env): string | null {
  for (const [name, fallback] of [
    ["HTTP_CACHE_SECONDS", DEFAULT_HTTP_CACHE_SECONDS],
    ["HTTP_CACHE_STALE_SECONDS", DEFAULT_HTTP_CACHE_STALE_SECONDS],
  ] as const) {
    const value = seconds(env, name, fallback);
    if (typeof value === "string") return value;
  }
  return null;
}

/** The Cache-Control of an anonymous public page (a bad setting has stopped start-up already). */
export function publicCacheControl(env: Env = process.env): string {
  const fresh = seconds(env, "HTTP_CACHE_SECONDS", DEFAULT_HTTP_CACHE_SECONDS);
  const stale = seconds(env, "HTTP_CACHE_STALE_SECONDS", DEFAULT_HTTP_CACHE_STALE_SECONDS);
  const n = typeof fresh === "number" ? fresh : DEFAULT_HTTP_CACHE_SECONDS;
  const m = typeof stale === "number" ? stale : DEFAULT_HTTP_CACHE_STALE_SECONDS;
  return `public, max-age=0, s-maxage=${n}, stale-while-revalidate=${m}`;
}
