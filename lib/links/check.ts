// Checking cited addresses: is the page still there? HEAD first (no body to send), and GET when
// the HEAD answer is not to be trusted; every request goes through safeFetch, so a cited address
// can never make the server probe its own network. Bounded in count and in time: what is not
// reached before the deadline is reported as skipped and left for the next run.
import http from "node:http";
import pLimit from "p-limit";
import { DEFAULT_USER_AGENT, FetchError, safeFetch, type FetchFailure, type SafeFetchResult } from "../net/safe-fetch";
import { HostGate } from "./host-gate";

export type LinkStatus = "ok" | "redirected" | "gone" | "failing";

export interface LinkOutcome {
  url: string;
  status: LinkStatus;
  httpStatus: number | null;
  /** Where the redirects ended, when there were any. */
  redirectedTo: string | null;
  /** In words, for editors: what went wrong, or what was odd about a working answer. */
  detail: string | null;
  /** The method whose answer decided the outcome. */
  method: "HEAD" | "GET";
  checkedAt: Date;
}

export type SkipReason = "over_limit" | "time_limit";

export interface LinkCheckRun {
  results: LinkOutcome[];
  skipped: { url: string; reason: SkipReason }[];
  elapsedMs: number;
}

export interface LinkCheckOptions {
  /** Requests at a time to one host (default 2) and the pause after each (default 1 s); ignored when `gate` is given. */
  perHost?: number;
  hostPauseMs?: number;
  /** Share one gate between runs so the per-host limit holds across them. */
  gate?: HostGate;
  /** Requests in flight across all hosts. */
  concurrency?: number;
  /** Per request, redirects included. */
  timeoutMs?: number;
  /** Addresses checked per run; the rest are skipped. */
  maxUrls?: number;
  /** No request starts after this long; the addresses not reached are skipped. */
  timeLimitMs?: number;
  userAgent?: string;
  /** Host names allowed to resolve to private addresses; FETCH_ALLOW_PRIVATE_HOSTS by default. */
  allowPrivateHosts?: readonly string[];
}

export const LINK_CHECK_DEFAULTS = {
  concurrency: 10,
  timeoutMs: 10_000,
  maxUrls: 5_000,
  timeLimitMs: 10 * 60_000,
} as const;

// Named for what it does, so a site's operator reading their logs knows who asks and why.
export const LINK_CHECK_USER_AGENT = DEFAULT_USER_AGENT.replace("source capture and link check", "link check");

type Attempt = { answer: SafeFetchResult } | { error: FetchError };

// Failures that would fail the same way whatever the method: retrying with GET only costs time.
const FINAL_FAILURES: ReadonlySet<FetchFailure> = new Set([
  "timeout",
  "dns",
  "tls",
  "blocked_address",
  "bad_url",
  "too_many_redirects",
]);

/**
 * Whether a HEAD attempt must be confirmed with GET. Servers reject HEAD in many ways (405 and 501
 * are the honest ones; 400, 403, 404 and 500 come from frameworks with no HEAD route, and some
 * drop the connection), so any error answer, and a connection refused or reset, is checked again
 * with GET, whose answer decides. Calling a live page gone on a HEAD quirk would mislead readers.
 */
export function needsGetFallback(head: Attempt): boolean {
  if ("answer" in head) return head.answer.status >= 400;
  return !FINAL_FAILURES.has(head.error.failure);
}

const statusText = (code: number) => `${code}${http.STATUS_CODES[code] ? ` ${http.STATUS_CODES[code]}` : ""}`;

/**
 * The outcome of a final answer. 404 and 410 say the page is gone; 5xx and 408 are the server
 * failing. Other 4xx (401, 403, 429, 451…) are the site refusing the checker, which paywalls and
 * bot walls do to pages that are alive for readers: the address answered, so it is not counted
 * as a failure, and the code is kept in `detail` for editors.
 */
export function classifyAnswer(
  url: string,
  answer: Pick<SafeFetchResult, "status" | "finalUrl" | "redirects">,
  method: "HEAD" | "GET",
  checkedAt: Date,
): LinkOutcome {
  const code = answer.status;
  const redirectedTo = answer.redirects.length > 0 ? answer.finalUrl : null;
  const base = { url, httpStatus: code, redirectedTo, method, checkedAt };
  if (code === 404 || code === 410)
    return { ...base, status: "gone", detail: `The site answered ${statusText(code)}.` };
  if ((code >= 500 && code <= 599) || code === 408)
    return { ...base, status: "failing", detail: `The site answered ${statusText(code)}.` };
  const detail =
    code >= 400
      ? `The site answered ${statusText(code)} to the link checker; the page may still open in a browser.`
      : code >= 300
        ? `The site answered ${statusText(code)} without a usable redirect.`
        : null;
  return { ...base, status: redirectedTo ? "redirected" : "ok", detail };
}

function failureOutcome(url: string, error: FetchError, method: "HEAD" | "GET", checkedAt: Date): LinkOutcome {
  return { url, status: "failing", httpStatus: null, redirectedTo: null, detail: error.message, method, checkedAt };
}

async function attempt(url: string, method: "HEAD" | "GET", options: LinkCheckOptions): Promise<Attempt> {
  try {
    const answer = await safeFetch(url, {
      method,
      readBody: false, // the status is the answer; the body is dropped unread
      timeoutMs: options.timeoutMs ?? LINK_CHECK_DEFAULTS.timeoutMs,
      userAgent: options.userAgent ?? LINK_CHECK_USER_AGENT,
      allowPrivateHosts: options.allowPrivateHosts,
    });
    return { answer };
  } catch (err) {
    return { error: err instanceof FetchError ? err : new FetchError("network", (err as Error).message) };
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return ""; // safeFetch refuses it at once (bad_url); no host to be polite to
  }
}

/** Checks each distinct address once, politely and within the run's bounds. */
export async function checkUrls(urls: Iterable<string>, options: LinkCheckOptions = {}): Promise<LinkCheckRun> {
  const started = performance.now();
  const maxUrls = options.maxUrls ?? LINK_CHECK_DEFAULTS.maxUrls;
  const deadline = started + (options.timeLimitMs ?? LINK_CHECK_DEFAULTS.timeLimitMs);
  const gate = options.gate ?? new HostGate(options.perHost, options.hostPauseMs);
  // Taken after the host's slot, so addresses queued behind a busy host never hold a global slot.
  const inFlight = pLimit(options.concurrency ?? LINK_CHECK_DEFAULTS.concurrency);
  const pastDeadline = () => performance.now() >= deadline;

  const distinct = [...new Set(urls)];
  const skipped: LinkCheckRun["skipped"] = distinct.slice(maxUrls).map((url) => ({ url, reason: "over_limit" }));
  const outcomes: (LinkOutcome | null)[] = [];

  const checkOne = async (url: string, index: number) => {
    const outcome = await gate.run(
      hostOf(url),
      async () => {
        if (pastDeadline()) return null;
        const head = await inFlight(() => attempt(url, "HEAD", options));
        if (!needsGetFallback(head)) {
          return "answer" in head
            ? classifyAnswer(url, head.answer, "HEAD", new Date())
            : failureOutcome(url, head.error, "HEAD", new Date());
        }
        await gate.pause();
        const get = await inFlight(() => attempt(url, "GET", options));
        return "answer" in get
          ? classifyAnswer(url, get.answer, "GET", new Date())
          : failureOutcome(url, get.error, "GET", new Date());
      },
      pastDeadline,
    );
    outcomes[index] = outcome;
    if (!outcome) skipped.push({ url, reason: "time_limit" });
  };

  await Promise.all(distinct.slice(0, maxUrls).map(checkOne));
  // In the order given (the callers order by source, or oldest check first), not of completion.
  const results = outcomes.filter((o): o is LinkOutcome => o !== null);
  return { results, skipped, elapsedMs: performance.now() - started };
}
