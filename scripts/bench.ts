// npm run bench [-- --events N --duration S] | npm run bench -- --fuzz [--fuzz-runs N]
// Loads a synthetic data set into a database of its own, serves the production build against
// it, and prints latency and throughput for /events views with the database time of the same
// queries (EXPLAIN ANALYZE of the SQL the page runs).
// npm run bench -- --provenance: only the capture (5 MB page) and link-check (2,000 URLs) benches,
// which the full run also ends with.
// npm run bench -- --load [--connections 50 --load-seconds 60 --editors 5 --rate R]: instead, mixed
// public reads while editors save events (scripts/lib/bench-load.ts); --rate offers R requests
// per second at random moments (an open loop) instead of a new request the moment the last is
// answered.
// npm run bench -- --load --proxy [--viral-connections 20 --viral-seconds 20]: the same mix through
// nginx (deploy/nginx.conf) in front of two instances (--instances), with nginx's cache hit
// ratio, then the viral embed: one /embed/timeline view asked for by every connection at once.
// npm run bench -- --api --proxy: the JSON API bench through nginx in front of two instances.
// npm run bench -- --as-of | --release | --export | --api | --render | --map: one part alone.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../lib/prisma-client";
import { listEvents } from "../lib/events/queries";
import { parseEventQuery } from "../lib/events/query-params";
import { buildIsCurrent, markBuildCurrent } from "./lib/build-stamp";
import { adminQuery, openScratchServer, withDatabase } from "../tooling/database";
import { bin, run } from "../tooling/processes";
import { BENCH_DIST_DIR } from "../tooling/dist-dir";
import { startAppInstances, startProxyStack, sharedSecrets } from "../tooling/proxy-stack";
import { benchViral, describeCacheStatuses, subtractCounts } from "./lib/bench-load-viral";
import { runCli } from "./lib/run-cli";
import { applyMigrations } from "../tooling/schema-engine";
import { benchExport } from "./lib/bench-export";
import { benchFuzz } from "./lib/bench-fuzz";
import { benchCapture, printCaptureBench } from "./lib/bench-capture";
import { benchLinkCheck, describeLinkBench } from "./lib/bench-links";
import { benchTimeline } from "./lib/bench-timeline";
import { benchApi, printApiBench } from "./lib/bench-api";
import { benchMap, givePositions, printMapBench } from "./lib/bench-map";
import { runRenderBench } from "./lib/bench-render";
import { runLoadBench } from "./lib/bench-load-run";
import { routeTimesFromNginxLog } from "./lib/bench-load";
import { loadSyntheticData } from "../tooling/synthetic-data";
import { runAsOfBench } from "./lib/bench-as-of";
import { benchRelease } from "./lib/bench-release";
import { UserFacingError } from "../tooling/user-facing-error";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    duration: { type: "string", default: "15" },
    // The export's memory test grows the data set to this many events; 0 skips it.
    "memory-events": { type: "string", default: "1000000" },
    load: { type: "boolean", default: false },
    connections: { type: "string", default: "50" },
    "load-seconds": { type: "string", default: "60" },
    editors: { type: "string", default: "5" },
    rate: { type: "string" },
    // App instances sharing the database (the app is stateless; see README, scaling out); 1, or 2 with --proxy.
    instances: { type: "string" },
    // --load --proxy: through nginx running deploy/nginx.conf, then the viral embed bench.
    proxy: { type: "boolean", default: false },
    // Readers arriving at 1,000 a second, each answered in ~15 ms, have ~15 requests in flight
    // (Little's law); 20 connections model that, where 50 would queue requests in the generator.
    "viral-connections": { type: "string", default: "20" },
    "viral-seconds": { type: "string", default: "20" },
    // --fuzz: only the fuzz suites at 10,000 runs per property (scripts/lib/bench-fuzz.ts).
    fuzz: { type: "boolean", default: false },
    provenance: { type: "boolean", default: false },
    // --api: only the JSON API bench against Directus's figures (scripts/lib/bench-api.ts); the full run includes it.
    // --api --proxy: the same through nginx (deploy/nginx.conf) in front of two instances.
    api: { type: "boolean", default: false },
    // --export: only the CSV export against COPY and Directus, and its memory (scripts/lib/bench-export.ts); the full run includes it.
    export: { type: "boolean", default: false },
    // --map: only /map with every event in view (scripts/lib/bench-map.ts); use --events 10000.
    map: { type: "boolean", default: false },
    // --render: only uncached /events renders beside their SQL, and page bytes (scripts/lib/bench-render.ts); the full run includes it.
    render: { type: "boolean", default: false },
    // --as-of: only /events filtered as of a past moment beside today's (scripts/lib/bench-as-of.ts); the full run includes it.
    "as-of": { type: "boolean", default: false },
    // --release: only making a release of the data set (scripts/lib/bench-release.ts); the full run includes it.
    release: { type: "boolean", default: false },
    "fuzz-runs": { type: "string", default: "10000" },
  },
});
const events = Number(args.events);
const duration = Number(args.duration);
const memoryEvents = Number(args["memory-events"]);

const SCENARIOS = [
  { name: "/events unfiltered", path: "/events" },
  {
    name: "/events filtered (type + dates + q)",
    path: "/events?type=summit-meeting&type=arms-transfer&from=2000&to=2015&q=missile",
  },
  { name: "/events deep page", path: `/events?page=${Math.max(1, Math.floor(((events * 0.97) / 25) * 0.75))}` },
];

// EXPLAIN ANALYZE every statement listEvents runs for a scenario; the sum is its database time.
async function databaseTime(url: string, path: string): Promise<number> {
  const logged = createPrismaClient(url, 1, true);
  const statements: { query: string; params: unknown[] }[] = [];
  logged.$on("query", (e) => statements.push({ query: e.query, params: JSON.parse(e.params) }));
  await listEvents(parseEventQuery(new URL(path, "http://x").searchParams).query, logged);
  await logged.$disconnect();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let total = 0;
  for (const s of statements) {
    const res = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.query}`, s.params);
    const plan = res.rows[0]["QUERY PLAN"][0];
    total += plan["Execution Time"] + plan["Planning Time"];
  }
  await client.end();
  return total;
}

async function runLoad(bases: string[], url: string, setup: string) {
  const rate = args.rate === undefined ? undefined : Number(args.rate);
  if (rate !== undefined && !(rate > 0))
    throw new UserFacingError("--rate must be a number of requests per second above 0.");
  const opts = {
    connections: Number(args.connections),
    durationSeconds: Number(args["load-seconds"]),
    editors: Number(args.editors),
    rate,
  };
  const r = await runLoadBench(bases, url, opts);
  console.log(
    `\nLoad: ${rate ? `${rate} req/s offered at random moments, at most ${opts.connections} in flight,` : `${opts.connections} connections`} for ${opts.durationSeconds} s of mixed public reads on ${events} events, ${opts.editors} editors saving, ${setup}`,
  );
  console.table(r.byRoute);
  console.table([
    {
      requests: r.requests,
      "req/s": Math.round(r.throughput),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "max ms": r.max,
      errors: r.errors,
      non2xx: r.non2xx,
    },
  ]);
  console.log(
    `Editors: ${r.saves.done} saves acknowledged, ${r.saves.failed} failed${r.saves.firstError ? ` (first: ${r.saves.firstError})` : ""}, p50 ${Math.round(r.saves.p50)} ms, p99 ${Math.round(r.saves.p99)} ms; ${r.savedRows} new events found in the database.`,
  );
  const met = r.errors === 0 && r.non2xx === 0 && r.saves.failed === 0 && r.p99 <= 500 && r.savedRows === r.saves.done;
  console.log(
    `Target (0 errors, 0 non-2xx, p99 ≤ 500 ms, every acknowledged save stored): ${met ? "met" : "NOT met"}.`,
  );
  if (!met) process.exitCode = 1;
}

/** The load mix through nginx, its cache hit ratio, then the viral embed (target ≥ 1,000 req/s, p99 ≤ 100 ms). */
async function runProxied(stack: Awaited<ReturnType<typeof startProxyStack>>, url: string, instances: number) {
  // nginx writes its log at most a second late (deploy/nginx.conf: flush=1s).
  const logged = async () => (await new Promise((r) => setTimeout(r, 1500)), stack.cacheStatuses());
  await runLoad([stack.url], url, `through nginx (deploy/nginx.conf) in front of ${instances} app instances`);
  const afterLoad = await logged();
  console.log(
    `nginx during the load run (warm-up and sign-ins included): ${describeCacheStatuses(afterLoad)}; HTTP statuses ${JSON.stringify(await stack.httpStatuses())}.`,
  );
  // $request_time: nginx logs a request served stale only once its background update has ended,
  // so those answers' times include an instance's render although the reader had the page at once.
  console.log("Each route's times in nginx's log (warm-up included; a stale answer's time includes its update):");
  console.table(routeTimesFromNginxLog(await readFile(stack.accessLog, "utf8")));

  const v = await benchViral(stack.url, {
    connections: Number(args["viral-connections"]),
    seconds: Number(args["viral-seconds"]),
    nginxPid: stack.nginxPid,
  });
  const during = subtractCounts(await logged(), afterLoad);
  console.log(
    `\nViral embed: ${v.path} through nginx, ${v.connections} connections for ${v.seconds} s (gzip asked for, ${(v.bytes / 1024).toFixed(1)} KB an answer)`,
  );
  console.table([
    { "req/s": Math.round(v.throughput), "p50 ms": v.p50, "p99 ms": v.p99, errors: v.errors, non2xx: v.non2xx },
  ]);
  console.log(
    `nginx: ${describeCacheStatuses(during)}; CPU per answer: nginx ${v.nginxCpuUs} µs, the load generator ${v.generatorCpuUs} µs (so 2 cores give nginx alone room for about ${Math.round(2e6 / v.nginxCpuUs).toLocaleString("en")} answers/s).`,
  );
  const met = v.errors === 0 && v.non2xx === 0 && v.throughput >= 1000 && v.p99 <= 100;
  console.log(`Target (≥ 1,000 req/s, p99 ≤ 100 ms, 0 errors): ${met ? "met" : "NOT met"}.`);
  if (!met) process.exitCode = 1;
}

/** Capture + verification of a 5 MB page (target < 2 s); 2,000 links checked, ≤ 2 at once per host. */
async function benchProvenance(url: string) {
  printCaptureBench(await benchCapture(url));
  const links = await benchLinkCheck();
  console.log(`\n${describeLinkBench(links)}`);
  if (links.maxConcurrentPerHost > 2) process.exitCode = 1;
}

await runCli(async () => {
  if (args.fuzz) {
    const results = await benchFuzz({ runs: Number(args["fuzz-runs"]) });
    if (results.some((r) => r.failures)) process.exitCode = 1;
    return;
  }
  if (args.provenance) {
    const server = await openScratchServer();
    const dbName = `tracker_bench_provenance_${process.pid}`;
    await adminQuery(server.url, `CREATE DATABASE "${dbName}"`);
    try {
      await applyMigrations(withDatabase(server.url, dbName));
      await benchProvenance(withDatabase(server.url, dbName));
    } finally {
      await adminQuery(server.url, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await server.stop();
    }
    return;
  }
  if (!Number.isInteger(events) || events < 100)
    throw new UserFacingError("--events must be a whole number of at least 100.");
  if (args.proxy && !args.load && !args.api)
    throw new UserFacingError("--proxy goes with --load or --api: npm run bench -- --load --proxy.");
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.NEXT_DIST_DIR ||= BENCH_DIST_DIR; // never the .next a running `npm start` serves
  if (!(await buildIsCurrent())) {
    console.log("Building the app…");
    if ((await run(bin("next"), ["build"])) !== 0)
      throw new UserFacingError("The build failed; see the messages above.");
    await markBuildCurrent();
  }
  const server = await openScratchServer();
  const dbName = `tracker_bench_${process.pid}`;
  await adminQuery(server.url, `CREATE DATABASE "${dbName}"`);
  const url = withDatabase(server.url, dbName);
  let stopApps = async () => {};
  try {
    await applyMigrations(url);
    const t0 = performance.now();
    await loadSyntheticData(url, events);
    console.log(`Loaded ${events} synthetic events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const instances = Number(args.instances ?? (args.proxy ? 2 : 1));
    if (args.api && args.proxy) {
      // The API as deployed behind deploy/nginx.conf: its answers are public for HTTP_CACHE_SECONDS.
      const stack = await startProxyStack({ databaseUrl: url, instances, quiet: true });
      stopApps = stack.stop;
      printApiBench(await benchApi(stack.url));
      await new Promise((r) => setTimeout(r, 1500)); // nginx writes its log at most a second late
      console.log(`nginx: ${describeCacheStatuses(await stack.cacheStatuses())}.`);
      return;
    }
    if (args.load && args.proxy) {
      const stack = await startProxyStack({ databaseUrl: url, instances, quiet: true });
      stopApps = stack.stop;
      await runProxied(stack, url, instances);
      return;
    }
    // Instances share the secrets, as they must behind a load balancer.
    const apps = await startAppInstances(
      args.load ? instances : 1,
      { ...process.env, DATABASE_URL: url, ...sharedSecrets() },
      { quiet: true },
    );
    stopApps = apps.stop;
    const base = apps.urls[0];

    if (args.load) {
      await runLoad(apps.urls, url, `${instances} app instance(s)`);
      return;
    }
    if (args["as-of"]) {
      await runAsOfBench(url); // on an instance of its own, with the page cache off; this one idles
      return;
    }
    if (args.release) {
      await benchRelease(url);
      return;
    }
    if (args.export) {
      await benchExport(base, url, apps.pids[0], events, memoryEvents);
      return;
    }
    if (args.api) {
      printApiBench(await benchApi(base));
      return;
    }
    if (args.map) {
      await givePositions(url);
      printMapBench(await benchMap(base, url));
      return;
    }
    if (args.render) {
      await runRenderBench(
        url,
        SCENARIOS.map((s) => s.path),
      );
      return;
    }

    const rows: Record<string, string | number>[] = [];
    for (const s of SCENARIOS) {
      for (let i = 0; i < 20; i++) await fetch(base + s.path).then((r) => r.text()); // warm up
      const result = await autocannon({ url: base + s.path, connections: 10, duration });
      const dbMs = await databaseTime(url, s.path);
      rows.push({
        scenario: s.name,
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        "req/s": Math.round(result.requests.average),
        errors: result.errors + result.non2xx,
        "db ms": Number(dbMs.toFixed(1)),
      });
    }
    console.log(`\n/events with ${events} events, 10 connections, ${duration} s each`);
    console.table(rows);
    const first = Number(rows[0]["p99 ms"]);
    const deep = Number(rows[2]["p99 ms"]);
    console.log(`Deep page p99 is ${(deep / first).toFixed(2)}× the first page's.`);
    await runRenderBench(
      url,
      SCENARIOS.map((s) => s.path),
    );
    printApiBench(await benchApi(base));

    // ~3.6 of the synthetic set's 36 years: about a tenth of the events, 10,000 at the default size.
    const tl = await benchTimeline(base, "/timeline?from=2010-01-01&to=2013-08-15");
    console.log(
      `\nTimeline with ${tl.filteredEvents} filtered events: loaded in ${Math.round(tl.loadMs)} ms; at most ${tl.maxItems} item elements in the page while zooming, panning and filtering (target ≤ ~500); longest task ${Math.round(tl.longestTaskMs)} ms (${tl.longTasks} tasks over 50 ms; target ≤ 200 ms); ${tl.scriptKb.toFixed(0)} KB of JavaScript (compressed), ${tl.timelineOnlyKb.toFixed(1)} KB of it not on the table page.`,
    );
    console.table(
      tl.steps.map((s) => ({ step: s.step, "item elements": s.items, "until settled ms": Math.round(s.ms) })),
    );

    await benchRelease(url);
    await runAsOfBench(url); // before the export's memory test grows the data set
    await benchExport(base, url, apps.pids[0], events, memoryEvents);
    await benchProvenance(url);
  } finally {
    await stopApps();
    await adminQuery(server.url, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await server.stop();
  }
});
