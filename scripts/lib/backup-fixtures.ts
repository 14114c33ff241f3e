// Test fixtures for the backup tests: rows that a careless dump or restore would mangle, and a
// fingerprint of a whole database (every table's rows, every sequence, every index) to compare.
import pg from "pg";
import { quoteIdent } from "./backup-tables";

/** Text that breaks naive escaping: quotes, backslashes, tabs, newlines, non-Latin scripts, emoji, combining marks. */
export const AWKWARD = `It's "quoted", back\\slashed\\n, tab\there,\nnew line\r\nCRLF — 김정은 · Путин · ﷽ العربية · 🚀🇰🇵 · e\u0301 · \u200b zero-width`;

export async function addAwkwardRows(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("BEGIN");
    const users = await c.query<{ id: number }>(
      `INSERT INTO app_user (email, name, password_hash, role, updated_at) VALUES
         ('editor@example.org', $1, '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', 'editor', '2026-01-02 03:04:05.678'),
         ('sso-only@example.org', E'Line one\\nLine two', NULL, 'admin', now())
       RETURNING id`,
      [AWKWARD],
    );
    await c.query(
      `INSERT INTO event (id, title, summary, type, claim_status, start_date, end_date, precision, span_start, span_end, place,
                          country_codes, latitude, longitude, tags, item_categories, instrument, status, search_text, updated_at, created_by_id)
       VALUES ('edge-case-event', $1, $2, 'statement', 'alleged', '0001-01-01', NULL, 'year', '0001-01-01', '0001-12-31', NULL,
               ARRAY[]::text[], 'NaN', '-0', ARRAY['a,b', 'c"d', NULL, '', 'x\\y'], NULL, '', 'draft', '', now(), $3)`,
      [AWKWARD, AWKWARD.repeat(4000), users.rows[0].id], // the long summary is TOASTed (stored out of line)
    );
    await c.query(
      `INSERT INTO source (event_id, position, url, title, publisher, published_on, source_type, quote, language)
       VALUES ('edge-case-event', 0, NULL, $1, NULL, '2024', 'official', '', 'ko')`,
      [AWKWARD],
    );
    await c.query(
      `INSERT INTO revision (event_id, user_id, kind, note, version, changes, snapshot) VALUES
         ('edge-case-event', $1, 'create', NULL, 1, '[]', $2),
         ('edge-case-event', NULL, 'correction', $3, 2, '[{"field":"title","from":null,"to":"\\u00e9\\"\\n"}]', '{"nested":{"a":[1,2.5,null,true]}}')`,
      [users.rows[0].id, JSON.stringify({ title: AWKWARD, empty: "", nothing: null }), AWKWARD],
    );
    // A gap in a sequence: a restore must continue after the highest value ever handed out.
    await c.query("SELECT nextval(pg_get_serial_sequence('source', 'id')) FROM generate_series(1, 5)");
    await c.query("COMMIT");
  } finally {
    await c.end();
  }
}

export interface Fingerprint {
  tables: Record<string, { rows: number; md5: string }>;
  sequences: Record<string, string>;
  indexes: string;
}

/** Every row of every table as text, in a fixed order, hashed; plus sequence positions and index definitions. */
export async function fingerprint(url: string): Promise<Fingerprint> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const result: Fingerprint = { tables: {}, sequences: {}, indexes: "" };
    const tables = await c.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    for (const { s, t } of tables.rows) {
      const { rows } = await c.query<{ n: number; md5: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text COLLATE "C"), '')) AS md5
         FROM ${quoteIdent(s)}.${quoteIdent(t)} r`,
      );
      result.tables[`${s}.${t}`] = { rows: rows[0].n, md5: rows[0].md5 };
    }
    const seqs = await c.query<{ s: string; n: string }>(
      "SELECT sequence_schema AS s, sequence_name AS n FROM information_schema.sequences ORDER BY 1, 2",
    );
    for (const { s, n } of seqs.rows) {
      const { rows } = await c.query(`SELECT last_value, is_called FROM ${quoteIdent(s)}.${quoteIdent(n)}`);
      result.sequences[`${s}.${n}`] = `${rows[0].last_value}/${rows[0].is_called}`;
    }
    const idx = await c.query<{ md5: string }>(
      "SELECT md5(string_agg(indexdef, E'\\n' ORDER BY indexdef)) AS md5 FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    result.indexes = idx.rows[0].md5;
    return result;
  } finally {
    await c.end();
  }
}
