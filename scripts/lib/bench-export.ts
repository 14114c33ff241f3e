// Export benchmarks: /events.csv against PostgreSQL's own COPY of the same rows, and the app
// server's memory while it streams a large export.
import { readFileSync } from "node:fs";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/** Streams a URL to the end; time to first byte, rows (CRLF-terminated lines less the header), and rows per second. */
export async function timeCsvDownload(url: string, onChunk?: () => void) {
  const t0 = performance.now();
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let ttfb = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!ttfb) ttfb = performance.now() - t0;
    for (let i = value.indexOf(0x0a); i !== -1; i = value.indexOf(0x0a, i + 1)) lines++;
    onChunk?.();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { ttfbMs: ttfb, rows: lines - 1, rowsPerSecond: (lines - 1) / seconds };
}

// The export's columns, as one SQL statement, so COPY does the same work the app does.
const COPY_SQL = `COPY (
  SELECT e.id, 'http://x/events/' || e.id, e.title, e.summary, e.type, e.claim_status, e.start_date, e.end_date, e.precision, e.approximate,
         e.place, array_to_string(e.country_codes, ' | '), e.latitude, e.longitude,
         (SELECT string_agg(a.name || ' (' || ea.role || ')', ' | ' ORDER BY a.name, ea.role) FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id),
         array_to_string(e.item_categories, ' | '), e.sanctions_regime, e.instrument,
         (SELECT count(*) FROM source s WHERE s.event_id = e.id),
         (SELECT string_agg(s.url, ' | ' ORDER BY s.position) FROM source s WHERE s.event_id = e.id),
         (SELECT string_agg(s.publisher, ' | ' ORDER BY s.position) FROM source s WHERE s.event_id = e.id),
         e.status, e.published_at, e.updated_at
  FROM event e WHERE e.status = 'published' AND NOT e.deleted ORDER BY e.span_start DESC, e.id DESC
) TO STDOUT WITH (FORMAT csv, HEADER true)`;

export async function timeCopy(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const t0 = performance.now();
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
  return { rows: lines - 1, rowsPerSecond: (lines - 1) / ((performance.now() - t0) / 1000) };
}

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
  const result = await timeCsvDownload(url, () => {
    if (n++ % 50 === 0) peak = Math.max(peak, rssMb(pid));
  });
  peak = Math.max(peak, rssMb(pid));
  return { ...result, beforeMb: before, peakMb: peak, growthMb: peak - before };
}
