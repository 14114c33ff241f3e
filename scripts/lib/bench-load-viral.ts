// "An article going viral": every reader of a news article loads the same embedded timeline in
// its iframe. Measured through nginx (npm run bench -- --load --proxy), where all but the first
// request and one revalidation per s-maxage should be answered from nginx's cache.
import { readdir, readFile } from "node:fs/promises";
import autocannon from "autocannon";

/** The view the article embeds: two years of arms transfers, as an article about them would. */
export const VIRAL_PATH = "/embed/timeline?type=arms-transfer&from=2022-01-01&to=2023-12-31";

export interface ViralResult {
  path: string;
  connections: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Compressed bytes per answer: what a browser, which asks for gzip, receives. */
  bytes: number;
  /** CPU time per answer, in µs: nginx (master and workers) and the load generator. Unlike req/s, not skewed by other work on the machine. */
  nginxCpuUs: number;
  generatorCpuUs: number;
}

/** CPU seconds (user + system) used so far by every process in process group `pgid` (Linux /proc). */
export async function processGroupCpuSeconds(pgid: number): Promise<number> {
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
  let ticks = 0;
  for (const pid of (await readdir("/proc")).filter((d) => /^\d+$/.test(d))) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

export async function benchViral(
  base: string,
  o: { connections: number; seconds: number; nginxPid: number; path?: string },
): Promise<ViralResult> {
  const path = o.path ?? VIRAL_PATH;
  // Browsers ask for gzip; the cache keeps the compressed copy (deploy/nginx.conf).
  const headers = { "accept-encoding": "gzip, deflate, br, zstd" };
  // The first reader: renders once and fills the cache (not part of the figures).
  const first = await fetch(base + path, { headers });
  if (!first.ok) throw new Error(`${path} answered ${first.status} before the viral run`);
  await first.arrayBuffer();
  const nginxBefore = await processGroupCpuSeconds(o.nginxPid);
  const generatorBefore = process.cpuUsage();
  const r = await autocannon({
    url: base + path,
    connections: o.connections,
    duration: o.seconds,
    headers,
    timeout: 10,
  });
  const generator = process.cpuUsage(generatorBefore);
  const nginxSeconds = (await processGroupCpuSeconds(o.nginxPid)) - nginxBefore;
  const answers = Math.max(1, r.requests.total);
  return {
    path,
    connections: o.connections,
    seconds: o.seconds,
    throughput: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytes: Math.round(r.throughput.total / answers),
    nginxCpuUs: Math.round((nginxSeconds * 1e6) / answers),
    generatorCpuUs: Math.round((generator.user + generator.system) / answers),
  };
}

/** The $upstream_cache_status values nginx answers from its copy without waiting for an instance; a REVALIDATED answer waited for a 304. */
export const FROM_NGINX_CACHE = new Set(["HIT", "STALE", "UPDATING"]);

/** Share of all answers nginx gave from its cache (FROM_NGINX_CACHE). */
export function describeCacheStatuses(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (!total) return "no requests logged";
  const fromCache = [...FROM_NGINX_CACHE].reduce((n, status) => n + (counts[status] ?? 0), 0);
  const list = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k === "-" ? "not looked up (writes)" : k} ${v}`)
    .join(", ");
  return `${((100 * fromCache) / total).toFixed(1)}% of ${total} answers from nginx's cache (${list})`;
}

/** The difference between two cache-status counts (the log is cumulative). */
export function subtractCounts(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([k, v]) => [k, v - (before[k] ?? 0)])
      .filter(([, v]) => (v as number) > 0),
  );
}
