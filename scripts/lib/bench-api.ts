// The JSON API side by side with Directus (issue 13): autocannon at 10 connections, three runs of
// 20 s per scenario, the median run's req/s. Directus's figures are quoted from the issue (same
// machine kind, 100,000 synthetic events, PostgreSQL 15, wrk at 10 connections, 3 × 20 s): the
// bench does not install Directus.
import autocannon from "autocannon";

// The filter of the /events bench's filtered scenario, so the API and the page are compared on one query.
const FILTER = "type=summit-meeting&type=arms-transfer&from=2000&to=2015&q=missile";
// Directus was asked for 13 columns: id, title, event_type, claim_status, start_date, end_date,
// date_precision, place, country_codes, latitude, longitude, sanctions_regime, instrument. Here
// the same values are these 11 members (`date` holds start, end and precision).
export const PEER_FIELDS =
  "id,title,eventType,claimStatus,date,place,countryCodes,latitude,longitude,sanctionsRegime,instrument";

export const API_SCENARIOS = [
  { name: "API first page of 25", path: "/api/v1/events?limit=25", directus: 316, factor: null },
  {
    name: "filtered page of 25, the peer's 13 fields",
    path: `/api/v1/events?limit=25&${FILTER}&fields=${PEER_FIELDS}`,
    directus: 267,
    factor: 2,
  },
  { name: "filtered page of 25, full shape", path: `/api/v1/events?limit=25&${FILTER}`, directus: 267, factor: 1 },
  {
    name: "filtered page of 25 + include=count (13 fields)",
    path: `/api/v1/events?limit=25&${FILTER}&fields=${PEER_FIELDS}&include=count`,
    directus: 22,
    factor: 5,
  },
] as const;

export interface ApiBenchRow {
  scenario: string;
  runs: number[];
  median: number;
  p99: number;
  errors: number;
  directus: number;
  /** The target in req/s; null where it sets none (the unfiltered first page). */
  target: number | null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchApi(
  base: string,
  { runs = 3, seconds = 20, connections = 10 } = {},
): Promise<ApiBenchRow[]> {
  const rows: ApiBenchRow[] = [];
  for (const s of API_SCENARIOS) {
    const url = base + s.path;
    const first = await fetch(url);
    if (!first.ok) throw new Error(`${s.path} answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
    for (let i = 0; i < 50; i++) await fetch(url).then((r) => r.text()); // warm up (JIT, plans, the count's memory)
    const results = [];
    for (let r = 0; r < runs; r++) results.push(await autocannon({ url, connections, duration: seconds }));
    const perRun = results.map((x) => Math.round(x.requests.average));
    const mid = results[perRun.indexOf(median(perRun))];
    rows.push({
      scenario: s.name,
      runs: perRun,
      median: median(perRun),
      p99: mid.latency.p99,
      errors: results.reduce((n, x) => n + x.errors + x.non2xx, 0),
      directus: s.directus,
      target: s.factor === null ? null : s.directus * s.factor,
    });
  }
  return rows;
}

export function printApiBench(rows: ApiBenchRow[], { runs = 3, seconds = 20 } = {}) {
  console.log(`\nJSON API, 10 connections, median of ${runs} × ${seconds} s; Directus 12.4.1 quoted from issue 13`);
  console.table(
    rows.map((r) => ({
      scenario: r.scenario,
      "req/s (median)": r.median,
      runs: r.runs.join(" / "),
      "p99 ms": r.p99,
      errors: r.errors,
      "Directus req/s": r.directus,
      target: r.target === null ? "—" : `≥ ${r.target}`,
      met: r.target === null ? "—" : r.median >= r.target && r.errors === 0 ? "yes" : "NO",
    })),
  );
}
