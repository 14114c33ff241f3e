// The load benchmark: many readers on a mix of public routes while a few editors keep saving.
// Every reader's request picks a random route of the mix, so the figures describe the app under
// the blend a newsroom sees when a story breaks.
import autocannon from "autocannon";
import pLimit from "p-limit";
import { FROM_NGINX_CACHE } from "./bench-load-viral";

export interface LoadOptions {
  /** One address per app instance; connections are split evenly across them. */
  bases: string[];
  /** Requests in flight at most; without `rate`, each sends its next request when the last is answered. */
  connections: number;
  durationSeconds: number;
  /**
   * Requests per second offered in all, at random (Poisson) moments, whether or not earlier ones
   * were answered: readers arriving as they do on a live site. Latency counts from the moment a
   * request was due, so time spent waiting for one of the `connections` counts against the app.
   */
  rate?: number;
  /** Published event ids to request event pages and API items for. */
  eventIds: string[];
  editors: number;
  /** Saves one new event as editor `editor` (through instance editor % bases.length); resolves when the app acknowledged it. */
  save(editor: number): Promise<void>;
}

export interface LoadResult {
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  byRoute: { route: string; requests: number }[];
  saves: { done: number; failed: number; p50: number; p99: number; firstError?: string };
}

// Small windows keep the CSV "small" (a week is ~50 rows at 100,000 events over 36 years).
// `match` tells a request's route from its path, to read each route's times from nginx's log.
const ROUTES: {
  route: string;
  weight: number;
  match: RegExp;
  path(pick: () => string, day: () => string): string;
}[] = [
  { route: "/events (table)", weight: 3, match: /^\/events$/, path: () => "/events" },
  {
    route: "/events filtered",
    weight: 2,
    match: /^\/events\?type=/,
    path: (_p, day) => `/events?type=arms-transfer&type=sanctions-imposed&from=${day().slice(0, 4)}`,
  },
  { route: "/events/[id]", weight: 4, match: /^\/events\/[^/?]+$/, path: (pick) => `/events/${pick()}` },
  {
    route: "/timeline (a month)",
    weight: 1,
    match: /^\/timeline\?/,
    path: (_p, day) => window("/timeline", day(), 30),
  },
  {
    route: "/events.csv (a week)",
    weight: 1,
    match: /^\/events\.csv\?/,
    path: (_p, day) => window("/events.csv", day(), 7),
  },
  {
    route: "/api/v1/events",
    weight: 2,
    match: /^\/api\/v1\/events\?/,
    path: (_p, day) => `/api/v1/events?limit=50&from=${day()}`,
  },
  {
    route: "/api/v1/events/[id]",
    weight: 2,
    match: /^\/api\/v1\/events\/[^/?]+$/,
    path: (pick) => `/api/v1/events/${pick()}`,
  },
];

/**
 * Each route's requests, nginx's times and cache hits, from nginx's access log (deploy/nginx.conf's
 * format: the request, status, bytes, $request_time, …, cache=…): which routes make the tail.
 */
export function routeTimesFromNginxLog(log: string) {
  const byRoute = new Map<string, { seconds: number[]; hits: number }>();
  for (const m of log.matchAll(/"GET (\S+) HTTP\/[\d.]+" \d{3} \d+ ([\d.]+) \S+ cache=(\S*) /g)) {
    const route = ROUTES.find((r) => r.match.test(m[1]))?.route;
    if (!route) continue;
    const entry = byRoute.get(route) ?? { seconds: [], hits: 0 };
    entry.seconds.push(Number(m[2]));
    if (FROM_NGINX_CACHE.has(m[3])) entry.hits++;
    byRoute.set(route, entry);
  }
  return ROUTES.filter((r) => byRoute.has(r.route)).map((r) => {
    const { seconds, hits } = byRoute.get(r.route)!;
    const ms = seconds.map((s) => s * 1000).sort((a, b) => a - b);
    return {
      route: r.route,
      requests: ms.length,
      "from nginx's cache": `${Math.round((100 * hits) / ms.length)} %`,
      "p50 ms": Math.round(percentile(ms, 50)),
      "p99 ms": Math.round(percentile(ms, 99)),
      "max ms": Math.round(ms[ms.length - 1]),
    };
  });
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

// One random day per request: from and to must bound the same short window.
const window = (path: string, from: string, days: number) => `${path}?from=${from}&to=${addDays(from, days)}`;

const randomDay = () => addDays("1990-01-01", Math.floor(Math.random() * 35 * 365));

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

export async function benchLoad(o: LoadOptions): Promise<LoadResult> {
  const pick = () => o.eventIds[Math.floor(Math.random() * o.eventIds.length)];
  const bag = ROUTES.flatMap((r) => Array<typeof r>(r.weight).fill(r));
  const counts = new Map<string, number>();

  // Warm each instance up (JIT, module loading) so the figures describe a running service.
  for (const base of o.bases)
    for (const r of ROUTES)
      for (let i = 0; i < 5; i++) await fetch(base + r.path(pick, randomDay)).then((res) => res.arrayBuffer());

  let running = true;
  const saveTimes: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const editors = Array.from({ length: o.editors }, async (_, editor) => {
    while (running) {
      const t0 = performance.now();
      try {
        await o.save(editor);
        saveTimes.push(performance.now() - t0);
      } catch (err) {
        failed++;
        firstError ??= (err as Error).message;
      }
      // An editor re-reads and types between saves; a second keeps five editors busy but human.
      await new Promise((r) => setTimeout(r, 1000));
    }
  });

  const nextPath = () => {
    const r = bag[Math.floor(Math.random() * bag.length)];
    counts.set(r.route, (counts.get(r.route) ?? 0) + 1);
    return r.path(pick, randomDay);
  };
  const readers = o.rate ? await offerAtRate(o, o.rate, nextPath) : await closedLoop(o, nextPath);
  running = false;
  const { times } = readers;
  await Promise.all(editors);
  times.sort((a, b) => a - b);

  saveTimes.sort((a, b) => a - b);
  return {
    requests: times.length,
    throughput: times.length / o.durationSeconds,
    p50: Math.round(percentile(times, 50)),
    p99: Math.round(percentile(times, 99)),
    max: Math.round(times[times.length - 1] ?? 0),
    errors: readers.errors,
    non2xx: readers.non2xx,
    byRoute: ROUTES.map((r) => ({ route: r.route, requests: counts.get(r.route) ?? 0 })),
    saves: {
      done: saveTimes.length,
      failed,
      p50: percentile(saveTimes, 50),
      p99: percentile(saveTimes, 99),
      firstError,
    },
  };
}

type Readers = { times: number[]; errors: number; non2xx: number };

/** autocannon: each connection sends its next request the moment the last is answered. */
async function closedLoop(o: LoadOptions, nextPath: () => string): Promise<Readers> {
  // Every response's time, from all instances, so percentiles cover the whole load exactly.
  const times: number[] = [];
  const runs = await Promise.all(
    o.bases.map((base, i) =>
      autocannon({
        url: base,
        connections: Math.floor(o.connections / o.bases.length) + (i < o.connections % o.bases.length ? 1 : 0),
        duration: o.durationSeconds,
        timeout: 10,
        setupClient: (client) => client.on("response", (_status: number, _bytes: number, ms: number) => times.push(ms)),
        requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }],
      }),
    ),
  );
  return { times, errors: runs.reduce((n, r) => n + r.errors, 0), non2xx: runs.reduce((n, r) => n + r.non2xx, 0) };
}

/**
 * Open loop: requests due at exponentially spaced moments (a Poisson stream at `rate`), spread
 * over the instances in turn. autocannon's own rate limit sends each second's requests in one
 * burst, which measures the burst rather than the app.
 */
async function offerAtRate(o: LoadOptions, rate: number, nextPath: () => string): Promise<Readers> {
  const slots = pLimit(o.connections);
  const result: Readers = { times: [], errors: 0, non2xx: 0 };
  const inFlight: Promise<void>[] = [];
  const end = performance.now() + o.durationSeconds * 1000;
  let due = performance.now();
  for (let n = 0; ; n++) {
    due += (-Math.log(1 - Math.random()) / rate) * 1000;
    if (due >= end) break;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const base = o.bases[n % o.bases.length];
    const path = nextPath();
    const dueAt = due;
    inFlight.push(
      slots(async () => {
        try {
          // Uncompressed, as autocannon asks, so both modes measure the same work.
          const res = await fetch(base + path, {
            headers: { "accept-encoding": "identity" },
            signal: AbortSignal.timeout(10_000),
          });
          await res.arrayBuffer();
          if (res.status < 200 || res.status > 299) result.non2xx++;
          result.times.push(performance.now() - dueAt);
        } catch {
          result.errors++;
        }
      }),
    );
  }
  await Promise.all(inFlight);
  return result;
}
