// A synthetic data set for the benchmark, generated inside PostgreSQL (generate_series) so that
// 100,000 events with 1–5 sources each load in seconds. Spread: 12 types, 200 actors (two per
// event), dates 1990–2026 at day (80%), month (15%) and year (5%) precision, 10% ranges, 97%
// published. Deterministic per row (hashes of the row number), so runs are comparable.
import pg from "pg";
import { EVENT_TYPE_SLUGS } from "../lib/events/codebook";

const sqlArray = (xs: readonly string[]) => `(ARRAY[${xs.map((x) => `'${x}'`).join(",")}])`;
const WORDS = [
  "summit",
  "warning",
  "sanctions",
  "shipment",
  "veto",
  "visit",
  "missile",
  "talks",
  "aid",
  "delegation",
  "statement",
  "deal",
];
const PLACES = [
  "Pyongyang",
  "Moscow",
  "Vladivostok",
  "Beijing",
  "Seoul",
  "Washington",
  "New York",
  "Geneva",
  "Tokyo",
  "Khasan",
];
const PUBLISHERS = [
  "Reuters",
  "Associated Press",
  "BBC News",
  "Yonhap",
  "KCNA",
  "TASS",
  "NK News",
  "The Guardian",
  "UN Press",
  "US Treasury",
];

/** Adds events synthetic-(first)…synthetic-(first+events-1); actors are created with the first batch. */
export async function loadSyntheticData(url: string, events: number, first = 1): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // The export rows' triggers would refresh every event three times (once per statement below,
    // each a set-based pass); in replica mode they (and the foreign keys, which this generator
    // keeps by construction) stay quiet, and one refresh at the end writes the rows once.
    await client.query("SET LOCAL session_replication_role = replica");
    if (first === 1)
      await client.query(`
      INSERT INTO actor (slug, name, kind, aliases)
      SELECT 'actor-' || a, 'Actor ' || a, (ARRAY['state','person','organisation','international_body','company'])[1 + a % 5]::"ActorKind", ARRAY['Alias ' || a]
      FROM generate_series(1, 200) a`);
    await client.query(
      `
      INSERT INTO event (id, title, summary, type, claim_status, start_date, end_date, precision, approximate, span_start, span_end,
                         place, country_codes, tags, item_categories, status, search_text, created_at, updated_at, published_at)
      SELECT id, title, summary, type, claim, start_date, end_date, prec::"DatePrecision", h % 17 = 0, start_date,
             CASE prec WHEN 'day' THEN coalesce(end_date, start_date)
                       WHEN 'month' THEN (start_date + interval '1 month' - interval '1 day')::date
                       ELSE (start_date + interval '1 year' - interval '1 day')::date END,
             place, ARRAY['KP'], ARRAY[]::text[], ARRAY[]::text[], status::"EditorialStatus",
             lower(title || ' | ' || summary || ' | actor ' || (1 + h % 200) || ' | alias ' || (1 + h % 200) || ' | actor ' || (1 + (h / 7) % 200) || ' | ' || publisher),
             now(), now(), CASE WHEN status = 'published' THEN now() END
      FROM (
        SELECT g, h, 'synthetic-' || g AS id, prec, start_date,
               CASE WHEN prec = 'day' AND h % 10 = 0 THEN start_date + (1 + h % 9) END AS end_date,
               initcap(${sqlArray(WORDS)}[1 + h % 12]) || ' ' || ${sqlArray(PLACES)}[1 + (h / 12) % 10] || ' ' || g AS title,
               'Synthetic event ' || g || ' about a ' || ${sqlArray(WORDS)}[1 + (h / 120) % 12] || ' near ' || ${sqlArray(PLACES)}[1 + (h / 3) % 10] AS summary,
               ${sqlArray(EVENT_TYPE_SLUGS)}[1 + (h / 5) % 12] AS type,
               (ARRAY['confirmed','confirmed','confirmed','alleged','denied','announced'])[1 + (h / 11) % 6]::"ClaimStatus" AS claim,
               ${sqlArray(PLACES)}[1 + (h / 3) % 10] AS place,
               CASE WHEN h % 100 < 97 THEN 'published' WHEN h % 100 < 99 THEN 'draft' ELSE 'retracted' END AS status,
               ${sqlArray(PUBLISHERS)}[1 + (h / 13) % 10] AS publisher
        FROM (
          SELECT g, h,
                 CASE WHEN h % 20 < 16 THEN 'day' WHEN h % 20 < 19 THEN 'month' ELSE 'year' END AS prec,
                 CASE WHEN h % 20 < 16 THEN DATE '1990-01-01' + (h % 13150)
                      WHEN h % 20 < 19 THEN date_trunc('month', DATE '1990-01-01' + (h % 13150))::date
                      ELSE date_trunc('year', DATE '1990-01-01' + (h % 13150))::date END AS start_date
          FROM (SELECT g, abs(hashint4(g)) AS h FROM generate_series($2::int, $2::int + $1::int - 1) g) x
        ) y
      ) z`,
      [events, first],
    );
    await client.query(
      `
      INSERT INTO event_actor (event_id, actor_id, role)
      SELECT 'synthetic-' || g, 1 + abs(hashint4(g)) % 200, 'initiator'::"ActorRole" FROM generate_series($2::int, $2::int + $1::int - 1) g
      UNION ALL
      SELECT 'synthetic-' || g, 1 + (abs(hashint4(g)) / 7) % 200, 'target'::"ActorRole" FROM generate_series($2::int, $2::int + $1::int - 1) g
      ON CONFLICT DO NOTHING`,
      [events, first],
    );
    await client.query(
      `
      INSERT INTO source (event_id, position, url, title, publisher, published_on, source_type, quote, language)
      SELECT 'synthetic-' || g, p, 'https://example.org/' || g || '/' || p, 'Report ' || g || '.' || p,
             ${sqlArray(PUBLISHERS)}[1 + (abs(hashint4(g)) / 13 + p) % 10], '2024-01-01', 'news'::"SourceType", 'A quoted passage about event ' || g, 'en'
      FROM generate_series($2::int, $2::int + $1::int - 1) g, generate_series(0, 4) p
      WHERE p <= abs(hashint4(g)) % 5`,
      [events, first],
    );
    // One event in twenty follows up the one before it, so exports and the API read some links,
    // as a real data set's would (the seed links six of its thirty-odd events).
    await client.query(
      `
      INSERT INTO event_relation (from_event_id, to_event_id, kind)
      SELECT 'synthetic-' || g, 'synthetic-' || (g - 1), 'follows-up' FROM generate_series($2::int + 1, $2::int + $1::int - 1) g
      WHERE g % 20 = 0`,
      [events, first],
    );
    await client.query(
      "SELECT export_refresh(ARRAY(SELECT 'synthetic-' || g FROM generate_series($2::int, $2::int + $1::int - 1) g))",
      [events, first],
    );
    await client.query("COMMIT");
    // What autovacuum would have done by the time anyone reads: statistics and the visibility
    // map that lets index-only scans skip the table.
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}
