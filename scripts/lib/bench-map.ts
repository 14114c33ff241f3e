// Map benchmark: /map with every event in view. The synthetic data set has places but no
// positions, so positions and precisions are first given to its events (a fixed random spread:
// a quarter each exact, city, region and country). Then, in a real Chromium: mark elements in the
// page and long tasks (> 50 ms, as the browser reports them) while loading and zooming by links;
// over HTTP: the page's render time against the SQL it runs and the layout + SVG cost alone.
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS, longTasks, recordLongTasks } from "../../tooling/chromium";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { parseEventQuery } from "../../lib/events/query-params";
import { layoutMap } from "../../lib/map/marks";
import { listMapEvents } from "../../lib/map/queries";
import { projectionFor } from "../../lib/map/projection";
import { mapSvg } from "../../components/map/map-svg";

const MARKS = "svg.map-svg a";

export interface MapBench {
  events: number;
  htmlKb: number;
  /**
   * Whole page over HTTP, sequential requests after a warm-up, each at an address of its own
   * (an ignored parameter) so the page cache never answers: the render's cost.
   */
  pageP50Ms: number;
  pageP99Ms: number;
  /** The map's query alone (listMapEvents), and the layout + SVG markup alone, medians. */
  queryMs: number;
  drawMs: number;
  /**
   * What a client-side map library would need sent instead: the events' ids, titles, positions,
   * precisions and countries as JSON, gzipped (the least it could draw and cluster from).
   */
  clientDataKb: number;
  /** The page as sent, gzipped. */
  htmlGzipKb: number;
  maxMarks: number;
  longestTaskMs: number;
  longTasks: number;
  steps: { step: string; marks: number; ms: number }[];
}

/** Positions for events that have none: latitudes within ±70°, every precision equally often. */
export async function givePositions(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT setseed(0.42)");
    await client.query(`UPDATE "event" SET "latitude" = random() * 140 - 70, "longitude" = random() * 360 - 180,
      "location_precision" = (ARRAY['exact', 'city', 'region', 'country'])[1 + floor(random() * 4)::int]::"LocationPrecision"
      WHERE "latitude" IS NULL`);
  } finally {
    await client.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)];

export async function benchMap(base: string, databaseUrl: string, path = "/map"): Promise<MapBench> {
  process.env.DATABASE_URL ??= databaseUrl;
  const query = parseEventQuery(new URL(path, "http://x").searchParams).query;
  const queryTimes: number[] = [];
  const drawTimes: number[] = [];
  let events = 0;
  let clientDataKb = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await listMapEvents(query);
    const t1 = performance.now();
    const projection = projectionFor({ z: 0, c: [0, 0] });
    // A new view key each time, so the base geography is drawn too (the page caches it per view).
    mapSvg({
      layout: layoutMap(r.events, projection),
      projection,
      viewKey: `bench-${i}`,
      total: r.total,
      zoomHref: () => "#",
      eventHref: (id) => `/events/${id}`,
    });
    drawTimes.push(performance.now() - t1);
    queryTimes.push(t1 - t0);
    events = r.total;
    clientDataKb =
      gzipSync(
        JSON.stringify(
          r.events.map((e) => [e.id, e.title, e.latitude, e.longitude, e.locationPrecision, e.countryCodes]),
        ),
      ).length / 1024;
  }

  const uncached = (i: number) => `${base}${path}${path.includes("?") ? "&" : "?"}bench=${i}`;
  for (let i = 0; i < 5; i++) await fetch(uncached(-1 - i)).then((r) => r.text());
  const pageTimes: number[] = [];
  let htmlKb = 0;
  let htmlGzipKb = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const html = await fetch(uncached(i)).then((r) => r.text());
    pageTimes.push(performance.now() - t0);
    htmlKb = html.length / 1024;
    htmlGzipKb = gzipSync(html).length / 1024;
  }

  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await recordLongTasks(page);
    const t0 = performance.now();
    await page.goto(base + path, { waitUntil: "load" });
    const steps: MapBench["steps"] = [
      { step: "load", marks: await page.locator(MARKS).count(), ms: performance.now() - t0 },
    ];
    const controls = page.getByRole("navigation", { name: "Map controls" });
    const actions: [string, () => Promise<unknown>][] = [
      ["zoom in (link)", () => controls.getByRole("link", { name: "Zoom in" }).click()],
      [
        "a count (zoom in on it)",
        () => page.locator("svg.map-svg a.cluster[aria-label$='zoom in to split them']").first().click(),
      ],
      ["pan east (link)", () => controls.getByRole("link", { name: "East →" }).click()],
      ["whole world (link)", () => controls.getByRole("link", { name: "Whole world" }).click()],
      ["filter (one type)", () => page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}type=arms-transfer`)],
    ];
    for (const [step, act] of actions) {
      const before = page.url();
      const t = performance.now();
      await act();
      await page.waitForURL((u) => u.toString() !== before, { timeout: 30_000 });
      await page.waitForLoadState("load");
      steps.push({ step, marks: await page.locator(MARKS).count(), ms: performance.now() - t });
    }
    const tasks = await longTasks(page);
    return {
      events,
      htmlKb,
      pageP50Ms: median(pageTimes),
      pageP99Ms: pct(pageTimes, 99),
      queryMs: median(queryTimes),
      drawMs: median(drawTimes),
      clientDataKb,
      htmlGzipKb,
      maxMarks: Math.max(...steps.map((s) => s.marks)),
      longestTaskMs: Math.max(0, ...tasks),
      longTasks: tasks.length,
      steps,
    };
  } finally {
    await browser.close();
  }
}

export function printMapBench(m: MapBench): void {
  console.log(
    `\nMap with ${m.events} events in view: uncached page ${Math.round(m.pageP50Ms)} ms p50, ${Math.round(m.pageP99Ms)} ms p99 (30 sequential requests, ${m.htmlKb.toFixed(0)} KB of HTML, ${m.htmlGzipKb.toFixed(0)} KB gzipped; a client-side map library would need ${m.clientDataKb.toFixed(0)} KB gzipped of event data alone); of which the query ${Math.round(m.queryMs)} ms and the layout + SVG ${Math.round(m.drawMs)} ms (medians of 5); at most ${m.maxMarks} mark elements (target ≤ ~500); longest task ${Math.round(m.longestTaskMs)} ms (${m.longTasks} over 50 ms; target ≤ 200 ms).`,
  );
  console.table(m.steps.map((s) => ({ step: s.step, "mark elements": s.marks, "until loaded ms": Math.round(s.ms) })));
  if (m.maxMarks > 550 || m.longestTaskMs > 200) process.exitCode = 1;
}
