// What one uncached /events render costs beside its own SQL (issue 13: p99 ≤ 3 × the SQL's p99 +
// 10 ms), and what the page weighs. The server it measures must run with PAGE_CACHE_MB=0, so
// every request renders. Requests go one at a time: the figure is the cost of a render, not a
// queue's length (the load benchmark measures queues).
import pg from "pg";
import { createPrismaClient } from "../../lib/prisma-client";
import { listEvents } from "../../lib/events/queries";
import { parseEventQuery } from "../../lib/events/query-params";
import { sharedSecrets, startAppInstances } from "../../tooling/proxy-stack";
import { timeDownload } from "./time-download";

export interface RenderBench {
  path: string;
  requests: number;
  pageP50: number;
  pageP99: number;
  sqlP50: number;
  sqlP99: number;
  /** 3 × the SQL's p99 + 10 ms. */
  targetMs: number;
  htmlBytes: number;
  /** React's flight payload carried inside the HTML (the self.__next_f.push strings). */
  flightBytes: number;
  /** How many times the page's rows appear, by their titles (1 = once, in the HTML). */
  rowCopies: { min: number; max: number };
  /** How many of the public actors' names appear anywhere in the page (the rows name ~2 each). */
  actorsNamed: number;
  publicActors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (n: number) => Math.round(n * 10) / 10;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A whole name or title: "Actor 1" must not count inside "Actor 17".
const wholeWord = (text: string, flags = "") => new RegExp(`${escapeRegExp(text)}(?![\\w])`, flags);
const occurrences = (haystack: string, needle: string) => haystack.match(wholeWord(needle, "g"))?.length ?? 0;

/** The statements listEvents runs for a path, as the page sends them (SQL and parameters). */
async function pageStatements(url: string, path: string) {
  const logged = createPrismaClient(url, 1, true);
  const statements: { query: string; params: unknown[] }[] = [];
  logged.$on("query", (e) => statements.push({ query: e.query, params: JSON.parse(e.params) }));
  try {
    const result = await listEvents(parseEventQuery(new URL(path, "http://x").searchParams).query, logged);
    return { statements, titles: result.rows.map((r) => r.title) };
  } finally {
    await logged.$disconnect();
  }
}

/** Wall-clock time of the page's statements run one after another on one connection, `runs` times. */
async function timeStatements(url: string, statements: { query: string; params: unknown[] }[], runs: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 5; i++) for (const s of statements) await client.query(s.query, s.params); // warm the cache
    const totals: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      for (const s of statements) await client.query(s.query, s.params);
      totals.push(performance.now() - t0);
    }
    return totals.sort((a, b) => a - b);
  } finally {
    await client.end();
  }
}

// Gzip asked for, as a browser asks, so the server's compression is counted; the answer is not
// decompressed here, since that is the reader's work, not the server's (time-download.ts).
async function timePage(target: string, runs: number) {
  for (let i = 0; i < 10; i++) await timeDownload(target, { gzip: true }); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timeDownload(target, { gzip: true })).seconds * 1000);
  return times.sort((a, b) => a - b);
}

function flightBytes(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    const chunk = JSON.parse(m[1]) as unknown[];
    if (typeof chunk[1] === "string") bytes += Buffer.byteLength(chunk[1]);
  }
  return bytes;
}

async function publicActorNames(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ name: string }>(`
      SELECT a.name FROM actor a
       WHERE EXISTS (SELECT 1 FROM event_actor ea JOIN event e ON e.id = ea.event_id
                      WHERE ea.actor_id = a.id AND e.status = 'published' AND NOT e.deleted)`);
    return res.rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

export async function benchRender(base: string, url: string, paths: string[], runs = 200): Promise<RenderBench[]> {
  const actors = await publicActorNames(url);
  const results: RenderBench[] = [];
  for (const path of paths) {
    const { statements, titles } = await pageStatements(url, path);
    const page = await timePage(base + path, runs);
    const sql = await timeStatements(url, statements, runs);
    const html = await fetch(base + path).then((r) => r.text());
    // HTML escapes & < > " in text; the synthetic and seeded titles rarely hold them, and a
    // title that does is counted through its escaped form too.
    const copies = titles.map(
      (t) => occurrences(html, t) + (t === escapeHtml(t) ? 0 : occurrences(html, escapeHtml(t))),
    );
    const named = actors.filter((name) => wholeWord(escapeHtml(name)).test(html)).length;
    const sqlP99 = percentile(sql, 99);
    results.push({
      path,
      requests: runs,
      pageP50: round1(percentile(page, 50)),
      pageP99: round1(percentile(page, 99)),
      sqlP50: round1(percentile(sql, 50)),
      sqlP99: round1(sqlP99),
      targetMs: round1(3 * sqlP99 + 10),
      htmlBytes: Buffer.byteLength(html),
      flightBytes: flightBytes(html),
      rowCopies: { min: Math.min(...copies), max: Math.max(...copies) },
      actorsNamed: named,
      publicActors: actors.length,
    });
  }
  return results;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The results as the bench prints them, and whether every scenario met its target. */
export function describeRenderBench(results: RenderBench[]): {
  table: Record<string, string | number>[];
  met: boolean;
} {
  const table = results.map((r) => ({
    path: r.path,
    "page p50 ms": r.pageP50,
    "page p99 ms": r.pageP99,
    "SQL p99 ms": r.sqlP99,
    "target ms": r.targetMs,
    met: r.pageP99 <= r.targetMs ? "yes" : "NO",
    "HTML KB": round1(r.htmlBytes / 1024),
    "flight KB": round1(r.flightBytes / 1024),
    "row copies": r.rowCopies.min === r.rowCopies.max ? r.rowCopies.min : `${r.rowCopies.min}–${r.rowCopies.max}`,
    "actors named": `${r.actorsNamed}/${r.publicActors}`,
  }));
  return { table, met: results.every((r) => r.pageP99 <= r.targetMs) };
}

/**
 * The whole render bench for `npm run bench`: an instance of its own with the page cache off,
 * `paths` measured one request at a time, the table printed; exit code 1 when a target is missed.
 */
export async function runRenderBench(databaseUrl: string, paths: string[], runs = 200): Promise<void> {
  const app = await startAppInstances(
    1,
    { ...process.env, DATABASE_URL: databaseUrl, ...sharedSecrets(), PAGE_CACHE_MB: "0" },
    { quiet: true },
  );
  try {
    const { table, met } = describeRenderBench(await benchRender(app.urls[0], databaseUrl, paths, runs));
    console.log(
      `\nUncached /events renders (PAGE_CACHE_MB=0), ${runs} requests one at a time, beside the page's own SQL run ${runs} times (target: page p99 ≤ 3 × SQL p99 + 10 ms)`,
    );
    console.table(table);
    console.log(`Render target ${met ? "met" : "NOT met"} on every scenario.`);
    if (!met) process.exitCode = 1;
  } finally {
    await app.stop();
  }
}
