-- AlterTable
ALTER TABLE "event_export" ADD COLUMN     "has_links" BOOLEAN NOT NULL DEFAULT false;

-- The export reads an event's related cell (its links to other public events) when the file is
-- written, since whether a link shows follows the other event's status. Asking on every row
-- nearly doubled PostgreSQL's own COPY of 100,000 events, though few events have links; each
-- row now keeps whether its event links anywhere (has_links), and lib/export/copy-sql.ts reads
-- the cell only where it does. export_refresh is as in the export_csv_related migration, plus
-- that flag; links now note their from-event for refresh like sources and actors do (the desk
-- also touches the event, but an import or an operator's SQL may not).
CREATE OR REPLACE FUNCTION export_refresh(ids text[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM event e JOIN unnest(ids) AS u(id) ON e.id = u.id ORDER BY e.id FOR NO KEY UPDATE OF e;
  DELETE FROM event_export x USING unnest(ids) AS u(id) WHERE x.event_id = u.id;
  DELETE FROM source_export x USING unnest(ids) AS u(id) WHERE x.event_id = u.id;
  WITH a AS (
    SELECT ea.event_id,
           string_agg(j.name || ' (' || j.role || ')', ' | ' ORDER BY j.name, j.role) AS names,
           array_to_json(array_agg(row_to_json(j) ORDER BY j.name, j.role)) AS json
    FROM event_actor ea
    JOIN unnest(ids) AS u(id) ON ea.event_id = u.id
    JOIN actor a ON a.id = ea.actor_id
    CROSS JOIN LATERAL (SELECT a.slug, a.name, ea.role) j
    GROUP BY ea.event_id
  ), s AS (
    SELECT s.event_id,
           count(*) AS n,
           string_agg(nullif(s.url, ''), ' | ' ORDER BY s.position) AS urls,
           string_agg(nullif(s.publisher, ''), ' | ' ORDER BY s.position) AS publishers,
           count(*) FILTER (WHERE s.stance = 'disputes') AS disputing,
           count(*) FILTER (WHERE s.quote <> '') AS quotes,
           count(*) FILTER (WHERE s.quote_check = 'verified') AS verified,
           array_to_json(array_agg(row_to_json(j) ORDER BY s.position)) AS json
    FROM source s
    JOIN unnest(ids) AS u(id) ON s.event_id = u.id
    LEFT JOIN capture c ON c.id = s.capture_id
    CROSS JOIN LATERAL (
      SELECT s.url, s.title, s.publisher, s.author, s.published_on AS "publishedOn", to_char(s.accessed_on, 'YYYY-MM-DD') AS "accessedOn",
             s.source_type AS "sourceType", s.quote, s.note, s.stance, s.quote_check AS "quoteCheck", s.archived_url AS "archivedUrl", s.language,
             (SELECT row_to_json(k) FROM (SELECT c.sha256, to_char(c.captured_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "capturedAt") k WHERE c.id IS NOT NULL) AS copy
    ) j
    GROUP BY s.event_id
  ), r AS (
    SELECT e.id AS event_id, export_text(e.id) AS id, export_text(e.title) AS title, export_text(e.summary) AS summary,
           export_text(e.type) AS event_type, export_text(e.claim_status::text) AS claim_status,
           export_day(e.start_date) AS start_date, export_day(e.end_date) AS end_date, e.precision::text AS date_precision,
           CASE WHEN e.approximate THEN 'true' ELSE 'false' END AS approximate,
           export_text(e.place) AS place, export_list(e.country_codes) AS country_codes,
           export_number(e.latitude) AS latitude, export_number(e.longitude) AS longitude,
           export_text(a.names) AS actors, export_list(e.item_categories) AS item_categories,
           export_text(e.sanctions_regime::text) AS sanctions_regime, export_text(e.instrument) AS instrument,
           coalesce(s.n, 0)::int AS source_count, export_text(s.urls) AS source_urls, export_text(s.publishers) AS source_publishers,
           e.status::text AS status, export_time(e.published_at) AS first_published_at, export_time(e.updated_at) AS last_changed_at,
           coalesce(s.disputing, 0)::int AS disputing_source_count, coalesce(s.quotes, 0)::int AS quote_count,
           coalesce(s.verified, 0)::int AS verified_quote_count, e.end_precision::text AS end_date_precision,
           coalesce(a.json, '[]') AS actors_json, coalesce(s.json, '[]') AS sources_json
    FROM event e
    JOIN unnest(ids) AS u(id) ON e.id = u.id
    LEFT JOIN a ON a.event_id = e.id
    LEFT JOIN s ON s.event_id = e.id
  )
  INSERT INTO event_export
  SELECT r.*, ',' || concat_ws(',', csv_cell(title), csv_cell(summary), csv_cell(event_type), csv_cell(claim_status),
           csv_cell(start_date), csv_cell(end_date), csv_cell(date_precision), csv_cell(approximate), csv_cell(place),
           csv_cell(country_codes), csv_cell(latitude), csv_cell(longitude), csv_cell(actors), csv_cell(item_categories),
           csv_cell(sanctions_regime), csv_cell(instrument), source_count::text, csv_cell(source_urls), csv_cell(source_publishers),
           csv_cell(status), csv_cell(first_published_at), csv_cell(last_changed_at), disputing_source_count::text,
           quote_count::text, verified_quote_count::text, csv_cell(end_date_precision)),
         EXISTS (SELECT 1 FROM event_relation l WHERE l.from_event_id = r.event_id)
  FROM r;
  WITH r AS (
    SELECT s.event_id, row_number() OVER (PARTITION BY s.event_id ORDER BY s.position)::int AS position, export_text(s.event_id) AS event_id_cell,
           export_text(s.url) AS url, export_text(s.publisher) AS publisher, export_text(s.title) AS title,
           export_text(s.published_on) AS published_on, export_text(s.quote) AS quote, export_text(s.archived_url) AS archived_url,
           export_text(s.author) AS author, to_char(s.accessed_on, 'YYYY-MM-DD') AS accessed_on, s.source_type::text AS source_type,
           nullif(s.language, '') AS language, export_text(s.note) AS note, s.stance::text AS stance, s.quote_check::text AS quote_check,
           c.sha256 AS copy_sha256, to_char(c.captured_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS copy_captured_at
    FROM source s
    JOIN unnest(ids) AS u(id) ON s.event_id = u.id
    LEFT JOIN capture c ON c.id = s.capture_id
  )
  INSERT INTO source_export
  SELECT r.*, ',' || concat_ws(',', position::text, csv_cell(url), csv_cell(publisher), csv_cell(title), csv_cell(published_on),
           csv_cell(quote), csv_cell(archived_url), csv_cell(author), csv_cell(accessed_on), csv_cell(source_type), csv_cell(language),
           csv_cell(note), csv_cell(stance), csv_cell(quote_check), csv_cell(copy_sha256), csv_cell(copy_captured_at)) || E'\r\n'
  FROM r;
END
$$;

CREATE FUNCTION export_on_relation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(SELECT from_event_id FROM changed_rows));
  RETURN NULL;
END
$$;

CREATE FUNCTION export_on_relation_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(SELECT from_event_id FROM changed_rows UNION SELECT from_event_id FROM old_rows));
  RETURN NULL;
END
$$;

CREATE TRIGGER event_relation_export_insert AFTER INSERT ON event_relation REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_relation();
CREATE TRIGGER event_relation_export_delete AFTER DELETE ON event_relation REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_relation();
CREATE TRIGGER event_relation_export_update AFTER UPDATE ON event_relation REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_relation_update();

UPDATE event_export x SET has_links = true WHERE EXISTS (SELECT 1 FROM event_relation l WHERE l.from_event_id = x.event_id);
