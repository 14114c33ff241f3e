// Export benchmarks: /events.csv against PostgreSQL's own COPY of the same SELECT and against
// Directus's figure from issue 13, its first byte, and the app server's memory while it streams
// the export of a large data set.
import { readFileSync } from "node:fs";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { parseEventQuery } from "../../lib/events/query-params";
import { eventWhereSql } from "../../lib/api/where-sql";
import { copyStatement } from "../../lib/export/copy-sql";
import { loadSyntheticData } from "../../tooling/synthetic-data";
import { timeDownload } from "./time-download";

// The app's own statement for /events.csv (lib/export/copy-sql.ts), so the ratio measures only
// what the app adds to PostgreSQL's COPY: the connection, the CRLF rewrite and the HTTP stream.
const ALL = parseEventQuery(new URLSearchParams()).query;
const COPY_SQL = copyStatement("events", ALL, "http://localhost:3000", eventWhereSql({ query: ALL }));

export async function timeCopy(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("SET jit = off"); // as the app runs it (lib/export/copy-csv.ts)
  const t0 = performance.now();
  // The same per-chunk work as the download's (a newline count), so neither side is favoured.
  let lines = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyTo(COPY_SQL));
    stream.on("data", (chunk: Buffer) => {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    });
    stream.on("end", () => resolve());
    stream.on("error", reject);
  });
  await client.end();
  return { lines, seconds: (performance.now() - t0) / 1000 };
}

/** The run of the median time. */
const median = <T extends { seconds: number }>(runs: T[]): T =>
  [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Peak resident memory of the server above its level before the export. */
export async function memoryGrowthDuringExport(url: string, pid: number) {
  global.gc?.();
  const before = rssMb(pid);
  let peak = before;
  let n = 0;
  const result = await timeDownload(url, {
    onChunk: () => {
      if (n++ % 50 === 0) peak = Math.max(peak, rssMb(pid));
    },
  });
  peak = Math.max(peak, rssMb(pid));
  const rows = result.lines - 1;
  return { rows, rowsPerSecond: rows / result.seconds, beforeMb: before, peakMb: peak, growthMb: peak - before };
}

/** Directus 12.4.1's CSV export of the 100,000 synthetic events, measured beside this app in issue 13. */
export const DIRECTUS_CSV_ROWS_PER_SECOND = 23_663;

/**
 * The export part of `npm run bench` (alone with --export): speed against COPY and Directus, first
 * byte, then, when memoryEvents > events, grows the data set and samples the server's memory
 * during a full export. `pid` is the app server's process.
 */
export async function benchExport(
  base: string,
  databaseUrl: string,
  pid: number,
  events: number,
  memoryEvents: number,
) {
  // A first, empty export loads the route and opens a pool connection: the first byte measured is
  // a running server's, not a cold start's.
  await fetch(`${base}/events.csv?q=bench-warm-up-matches-nothing`).then((r) => r.text());
  // Three of each, alternating, and the median: one download on a 2-core machine varies by ±10 %.
  const csvRuns = [];
  const gzipRuns = [];
  const copyRuns = [];
  for (let i = 0; i < 3; i++) {
    csvRuns.push(await timeDownload(`${base}/events.csv`));
    copyRuns.push(await timeCopy(databaseUrl));
    gzipRuns.push(await timeDownload(`${base}/events.csv`, { gzip: true }));
  }
  const csv = median(csvRuns);
  const gzip = median(gzipRuns);
  const copy = median(copyRuns);
  // Both read the same records, so rows/s is the CSV's row count (lines less the header) over each time.
  const rows = csv.lines - 1;
  const perSecond = (seconds: number) => Math.round(rows / seconds);
  console.log(`\nCSV export of every published event (${rows} rows of ${events} events; median of 3 each)`);
  console.table([
    {
      path: "/events.csv (as curl asks: no compression)",
      "first byte ms": Math.round(csv.ttfbMs),
      "rows/s": perSecond(csv.seconds),
      MB: (csv.bytes / 1e6).toFixed(1),
    },
    {
      path: "/events.csv (gzip asked, as browsers do)",
      "first byte ms": Math.round(gzip.ttfbMs),
      "rows/s": perSecond(gzip.seconds),
      MB: (gzip.bytes / 1e6).toFixed(1),
    },
    { path: "COPY of the same SELECT", "first byte ms": "—", "rows/s": perSecond(copy.seconds), MB: "—" },
    { path: "Directus 12.4.1 (issue 13)", "first byte ms": "—", "rows/s": DIRECTUS_CSV_ROWS_PER_SECOND, MB: "—" },
  ]);
  const vsCopy = copy.seconds / csv.seconds;
  const vsDirectus = perSecond(csv.seconds) / DIRECTUS_CSV_ROWS_PER_SECOND;
  const met = vsCopy >= 0.8 && vsDirectus >= 3 && csv.ttfbMs < 200;
  console.log(
    `App export speed is ${vsCopy.toFixed(2)}× COPY's (target ≥ 0.8) and ${vsDirectus.toFixed(2)}× Directus's (target ≥ 3); first byte ${Math.round(csv.ttfbMs)} ms (target < 200): ${met ? "met" : "NOT met"}.`,
  );
  if (memoryEvents <= events) return;
  const t1 = performance.now();
  await loadSyntheticData(databaseUrl, memoryEvents - events, events + 1);
  console.log(`\nGrew the data set to ${memoryEvents} events in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const mem = await memoryGrowthDuringExport(`${base}/events.csv`, pid);
  console.log(
    `Exported ${mem.rows} rows in ${(mem.rows / mem.rowsPerSecond).toFixed(1)} s (${Math.round(mem.rowsPerSecond)} rows/s); server memory ${mem.beforeMb.toFixed(0)} MB before, peak ${mem.peakMb.toFixed(0)} MB: growth ${mem.growthMb.toFixed(0)} MB (target < 50 MB${mem.growthMb < 50 ? ", met" : ", NOT met"}).`,
  );
}
