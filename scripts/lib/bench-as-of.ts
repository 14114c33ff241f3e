// The record as of a date on /events (issue 15: p99 of the filtered view with as_of within 2× of
// the same view without it). Runs on the bench's synthetic database, which has no revisions: it
// first gives every event the revision a save would have written (its whole state, 30 days before
// the moment), then corrects 1% of the events and retracts 0.1% after the moment, so the as_of
// view rebuilds those from their revisions and reads the rest as today's view does. Afterwards it
// puts every event and the revision table back as they were. Its own app instance, with the page
// cache off (PAGE_CACHE_MB=0), so every request renders; requests one at a time, alternating.
import pg from "pg";
import { sharedSecrets, startAppInstances } from "../../tooling/proxy-stack";

export const AS_OF_FILTER = "/events?type=summit-meeting&type=arms-transfer&from=2000&to=2015&q=missile";
const MARK = "bench-as-of";

export interface AsOfBench {
  path: string;
  asOf: string;
  requests: number;
  changedEvents: number;
  todayP50: number;
  todayP99: number;
  asOfP50: number;
  asOfP99: number;
  /** asOfP99 / todayP99; the target is ≤ 2. */
  ratio: number;
  met: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round1 = (n: number) => Math.round(n * 10) / 10;

// The snapshot a save writes (lib/events/snapshot.ts), built in SQL from the stored rows.
const SNAPSHOT = `jsonb_strip_nulls(jsonb_build_object(
  'id', e.id, 'title', e.title, 'summary', e.summary, 'type', e.type, 'claimStatus', e.claim_status,
  'startDate', to_char(e.start_date, 'YYYY-MM-DD'), 'endDate', to_char(e.end_date, 'YYYY-MM-DD'), 'precision', e.precision,
  'approximate', e.approximate, 'place', e.place, 'countryCodes', to_jsonb(e.country_codes), 'latitude', e.latitude, 'longitude', e.longitude,
  'tags', to_jsonb(e.tags), 'itemCategories', to_jsonb(e.item_categories), 'sanctionsRegime', e.sanctions_regime, 'instrument', e.instrument, 'status', e.status,
  'actors', (SELECT coalesce(jsonb_agg(jsonb_build_object('actor', a.slug, 'role', ea.role) ORDER BY ea.actor_id, ea.role), '[]') FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id),
  'sources', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher, 'author', s.author, 'publishedOn', s.published_on,
                'accessedOn', to_char(s.accessed_on, 'YYYY-MM-DD'), 'sourceType', s.source_type, 'quote', s.quote, 'note', s.note, 'stance', s.stance,
                'archivedUrl', s.archived_url, 'language', s.language, 'captureId', s.capture_id)) ORDER BY s.position), '[]') FROM source s WHERE s.event_id = e.id)))`;

/** Gives the synthetic events their history; returns the moment to ask for and how many events changed after it. */
async function prepare(client: pg.Client): Promise<{ at: string; changed: number }> {
  await client.query(`INSERT INTO revision (event_id, kind, version, changes, snapshot, created_at, note)
    SELECT e.id, 'create', 1, '[]', ${SNAPSHOT}, e.created_at - interval '30 days', '${MARK}'
      FROM event e WHERE NOT EXISTS (SELECT 1 FROM revision r WHERE r.event_id = e.id)`);
  await client.query("ANALYZE revision");
  const { rows } = await client.query<{ at: string }>(
    `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`,
  );
  await new Promise((r) => setTimeout(r, 20));
  // After the moment: 1% corrected, 0.1% retracted (status and reason), each with its revision.
  await client.query("BEGIN");
  const changed = await client.query(
    `UPDATE event SET title = title || ' [${MARK}]' WHERE status = 'published' AND NOT deleted AND hashtext(id) % 100 = 0 RETURNING id`,
  );
  const retracted = await client.query(
    `UPDATE event SET status = 'retracted', retraction_reason = '${MARK}' WHERE status = 'published' AND NOT deleted AND hashtext(id) % 1000 = 1 RETURNING id`,
  );
  await client.query(
    `INSERT INTO revision (event_id, kind, version, changes, snapshot, created_at, note)
    SELECT e.id, CASE WHEN e.status = 'retracted' THEN 'retract' ELSE 'correction' END::"RevisionKind", 2, '[]', ${SNAPSHOT}, now(), '${MARK}'
      FROM event e WHERE e.id = ANY($1::text[])`,
    [[...changed.rows, ...retracted.rows].map((r) => r.id)],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE revision");
  return { at: rows[0].at, changed: (changed.rowCount ?? 0) + (retracted.rowCount ?? 0) };
}

/** prepare, for the bench's own test on a small database. */
export const benchPrepareForTest = (client: pg.Client) => prepare(client);

async function restore(client: pg.Client): Promise<void> {
  await client.query("BEGIN");
  await client.query(
    `UPDATE event SET title = left(title, length(title) - length(' [${MARK}]')) WHERE title LIKE '% [${MARK}]'`,
  );
  await client.query(
    `UPDATE event SET status = 'published', retraction_reason = NULL WHERE retraction_reason = '${MARK}'`,
  );
  await client.query(`DELETE FROM revision WHERE note = '${MARK}'`);
  await client.query("COMMIT");
}

async function time(url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

/** Measures `path` with and without as_of on a running app (page cache off) over `databaseUrl`. */
export async function benchAsOf(
  base: string,
  databaseUrl: string,
  { runs = 200, path = AS_OF_FILTER } = {},
): Promise<AsOfBench> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { at, changed } = await prepare(client);
    try {
      const withAsOf = `${path}${path.includes("?") ? "&" : "?"}as_of=${encodeURIComponent(at)}`;
      const html = await (await fetch(base + withAsOf)).text();
      if (!html.includes("The record as of")) throw new Error(`${withAsOf} does not show the record as of a date`);
      for (let i = 0; i < 20; i++) await time(base + path).then(() => time(base + withAsOf)); // warm up
      const today: number[] = [];
      const past: number[] = [];
      for (let i = 0; i < runs; i++) {
        today.push(await time(base + path));
        past.push(await time(base + withAsOf));
      }
      today.sort((a, b) => a - b);
      past.sort((a, b) => a - b);
      const ratio = percentile(past, 99) / percentile(today, 99);
      return {
        path,
        asOf: at,
        requests: runs,
        changedEvents: changed,
        todayP50: round1(percentile(today, 50)),
        todayP99: round1(percentile(today, 99)),
        asOfP50: round1(percentile(past, 50)),
        asOfP99: round1(percentile(past, 99)),
        ratio: Math.round(ratio * 100) / 100,
        met: ratio <= 2,
      };
    } finally {
      await restore(client);
    }
  } finally {
    await client.end();
  }
}

/** For `npm run bench`: its own instance with the page cache off; prints the table; exit code 1 when the target is missed. */
export async function runAsOfBench(databaseUrl: string, runs = 200): Promise<AsOfBench> {
  const app = await startAppInstances(
    1,
    { ...process.env, DATABASE_URL: databaseUrl, ...sharedSecrets(), PAGE_CACHE_MB: "0" },
    { quiet: true },
  );
  try {
    const r = await benchAsOf(app.urls[0], databaseUrl, { runs });
    console.log(
      `\n/events filtered, as of a moment before ${r.changedEvents} events were corrected or retracted, beside today's (${runs} requests each, one at a time, page cache off; target: as_of p99 ≤ 2 × today's)`,
    );
    console.table([
      { view: "today", "p50 ms": r.todayP50, "p99 ms": r.todayP99 },
      { view: `as_of=${r.asOf}`, "p50 ms": r.asOfP50, "p99 ms": r.asOfP99 },
    ]);
    console.log(`as_of p99 is ${r.ratio}× today's: target ${r.met ? "met" : "NOT met"}.`);
    if (!r.met) process.exitCode = 1;
    return r;
  } finally {
    await app.stop();
  }
}
