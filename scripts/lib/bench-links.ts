// Link-check benchmark: 2,000 addresses spread over several host names on the loopback, checked
// with the per-host limit, against a local server that counts how many requests each host has
// open at once. Reports the time, the floor the politeness rules set (requests per host ÷ slots ×
// (answer time + pause)), and the most requests any host saw at once (the promise: at most 2).
import { checkUrls, type LinkStatus } from "../../lib/links/check";
import { startLocalLinkServer } from "../../lib/links/local-link-server";

export interface LinkBenchOptions {
  urls?: number;
  /** Host names 127.0.0.1, 127.0.0.2, …: each its own host for the limit. */
  hosts?: number;
  perHost?: number;
  /** Pause after each request to a host (the app's default is 1,000 ms). */
  pauseMs?: number;
  /** How long the server takes to answer each request. */
  latencyMs?: number;
  concurrency?: number;
}

export interface LinkBench {
  urls: number;
  hosts: number;
  perHost: number;
  pauseMs: number;
  latencyMs: number;
  elapsedMs: number;
  urlsPerSecond: number;
  requests: number;
  /** The least time the per-host slots and pauses allow for the busiest host. */
  floorMs: number;
  maxConcurrentPerHost: number;
  maxConcurrentAllHosts: number;
  counts: Record<LinkStatus, number>;
  skipped: number;
}

// What the addresses answer, in proportions like a real run: mostly working pages, some moved,
// some gone or failing, and some servers that refuse HEAD (each of the last three costs a GET).
const PATHS = [
  ...Array(85).fill("/ok"),
  ...Array(5).fill("/moved"),
  ...Array(4).fill("/gone"),
  ...Array(3).fill("/no-head"),
  ...Array(3).fill("/down"),
];

export async function benchLinkCheck(o: LinkBenchOptions = {}): Promise<LinkBench> {
  const { urls = 2000, hosts = 10, perHost = 2, pauseMs = 50, latencyMs = 20, concurrency = 32 } = o;
  const names = Array.from({ length: hosts }, (_, i) => `127.0.0.${i + 1}`);
  const server = await startLocalLinkServer(names);
  try {
    const list = Array.from(
      { length: urls },
      (_, i) => `${server.base(names[i % hosts])}${PATHS[i % PATHS.length]}?delay=${latencyMs}&n=${i}`,
    );
    const run = await checkUrls(list, {
      allowPrivateHosts: names,
      perHost,
      hostPauseMs: pauseMs,
      concurrency,
      timeoutMs: 10_000,
      maxUrls: urls,
      timeLimitMs: 30 * 60_000,
    });
    const counts: Record<LinkStatus, number> = { ok: 0, redirected: 0, gone: 0, failing: 0 };
    for (const r of run.results) counts[r.status]++;
    // A redirect's second hop is answered at once (no delay parameter); count it as a request all the same.
    const perHostRequests = new Map<string, number>();
    for (const r of server.requests) perHostRequests.set(r.host, (perHostRequests.get(r.host) ?? 0) + 1);
    const busiest = Math.max(...perHostRequests.values());
    return {
      urls,
      hosts,
      perHost,
      pauseMs,
      latencyMs,
      elapsedMs: run.elapsedMs,
      urlsPerSecond: run.results.length / (run.elapsedMs / 1000),
      requests: server.requests.length,
      floorMs: (busiest / perHost) * (latencyMs + pauseMs),
      maxConcurrentPerHost: Math.max(...server.maxConcurrentByHost.values()),
      maxConcurrentAllHosts: server.maxConcurrent,
      counts,
      skipped: run.skipped.length,
    };
  } finally {
    await server.close();
  }
}

/** One line for the bench report. */
export function describeLinkBench(b: LinkBench): string {
  return (
    `Link check of ${b.urls} addresses on ${b.hosts} hosts (≤ ${b.perHost} at a time per host, ${b.pauseMs} ms pause, answers in ${b.latencyMs} ms): ` +
    `${(b.elapsedMs / 1000).toFixed(1)} s (${b.urlsPerSecond.toFixed(0)} addresses/s; ${b.requests} requests; the limits' floor ${(b.floorMs / 1000).toFixed(1)} s); ` +
    `at most ${b.maxConcurrentPerHost} requests at once on any host (must be ≤ 2), ${b.maxConcurrentAllHosts} across all; ` +
    `${Object.entries(b.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}${b.skipped ? `, skipped ${b.skipped}` : ""}.`
  );
}
