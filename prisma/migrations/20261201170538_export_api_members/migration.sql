-- AlterTable
ALTER TABLE "event_export" ADD COLUMN     "api_members" TEXT[];

-- The API's list page built each event's members (date display, numbers as JavaScript writes
-- them, to_json of every text…) when it was asked for: a long statement whose parsing and
-- planning cost more than its execution. Each export row now also keeps those members' JSON
-- text (api_members, in the order of STORED_MEMBERS in lib/api/event-json-sql.ts), and the page
-- joins them. Not url (it needs the request's origin) and not related (whether a link shows
-- follows the other event's status, as for the CSV's related cell). The expressions below are
-- MEMBERS of lib/api/event-json-sql.ts as storedMembersSql() prints them, so there is one
-- definition; lib/api/event-json-members.integration.test.ts fails if they ever differ.
-- export_refresh is as in the export_has_links migration, plus that column, and without JIT: a refresh of 10,000 events (an import) spent ~4 s
-- compiling the members' expressions, more than the refresh's own time; without JIT it takes
-- about what it took before (2.8 s against 2.9 s, on 100,000 synthetic events). And with
-- extra_float_digits at its default, as export_number has it: latitude and longitude are written
-- through float8's text, which a writer's session (a restore, say) could otherwise change.
CREATE OR REPLACE FUNCTION export_refresh(ids text[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan SET jit = off
SET extra_float_digits = 1 AS $$
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
         EXISTS (SELECT 1 FROM event_relation l WHERE l.from_event_id = r.event_id), m.api_members
  FROM r
  -- The event as `e` and its new row's JSON columns as `x`, as the API's expressions read them.
  CROSS JOIN LATERAL (
    SELECT ARRAY[coalesce(to_json(e.id)::text, 'null'),
      coalesce(to_json(e.title)::text, 'null'),
      coalesce(to_json(e.summary)::text, 'null'),
      coalesce(to_json(e.type)::text, 'null'),
      coalesce(to_json(e.claim_status::text)::text, 'null'),
      '{' || '"start":' || coalesce(to_json(to_char(e.start_date, 'YYYY-MM-DD'))::text, 'null') || ',"end":' || coalesce(to_json(to_char(e.end_date, 'YYYY-MM-DD'))::text, 'null') || ',"precision":' || coalesce(to_json(e.precision::text)::text, 'null') || ',"endPrecision":' || coalesce(to_json(e.end_precision::text)::text, 'null') || ',"approximate":' || CASE WHEN e.approximate THEN 'true' ELSE 'false' END || ',"display":' || coalesce(to_json(CASE WHEN e.approximate THEN 'c. ' ELSE '' END || CASE
        WHEN e.end_date IS NULL OR (e.end_date = e.start_date AND coalesce(e.end_precision, e.precision)::text = e.precision::text) THEN CASE e.precision::text WHEN 'year' THEN extract(year FROM e.start_date)::int::text
        WHEN 'month' THEN to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text
        ELSE extract(day FROM e.start_date)::int::text || ' ' || to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text END
        WHEN coalesce(e.end_precision, e.precision)::text <> e.precision::text THEN CASE e.precision::text WHEN 'year' THEN extract(year FROM e.start_date)::int::text
        WHEN 'month' THEN to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text
        ELSE extract(day FROM e.start_date)::int::text || ' ' || to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text END || ' – ' || CASE coalesce(e.end_precision, e.precision)::text WHEN 'year' THEN extract(year FROM e.end_date)::int::text
        WHEN 'month' THEN to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text
        ELSE extract(day FROM e.end_date)::int::text || ' ' || to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text END
        WHEN e.precision = 'day' AND to_char(e.start_date, 'YYYY-MM') = to_char(e.end_date, 'YYYY-MM') THEN extract(day FROM e.start_date)::int::text || '–' || CASE coalesce(e.end_precision, e.precision)::text WHEN 'year' THEN extract(year FROM e.end_date)::int::text
        WHEN 'month' THEN to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text
        ELSE extract(day FROM e.end_date)::int::text || ' ' || to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text END
        WHEN e.precision = 'day' AND to_char(e.start_date, 'YYYY') = to_char(e.end_date, 'YYYY') THEN replace(CASE e.precision::text WHEN 'year' THEN extract(year FROM e.start_date)::int::text
        WHEN 'month' THEN to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text
        ELSE extract(day FROM e.start_date)::int::text || ' ' || to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text END, ' ' || to_char(e.start_date, 'YYYY'), '') || ' – ' || CASE coalesce(e.end_precision, e.precision)::text WHEN 'year' THEN extract(year FROM e.end_date)::int::text
        WHEN 'month' THEN to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text
        ELSE extract(day FROM e.end_date)::int::text || ' ' || to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text END
        ELSE CASE e.precision::text WHEN 'year' THEN extract(year FROM e.start_date)::int::text
        WHEN 'month' THEN to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text
        ELSE extract(day FROM e.start_date)::int::text || ' ' || to_char(e.start_date, 'FMMonth') || ' ' || extract(year FROM e.start_date)::int::text END || ' – ' || CASE coalesce(e.end_precision, e.precision)::text WHEN 'year' THEN extract(year FROM e.end_date)::int::text
        WHEN 'month' THEN to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text
        ELSE extract(day FROM e.end_date)::int::text || ' ' || to_char(e.end_date, 'FMMonth') || ' ' || extract(year FROM e.end_date)::int::text END END)::text, 'null') || '}',
      coalesce(to_json(e.place)::text, 'null'),
      coalesce(array_to_json(e.country_codes)::text, 'null'),
      CASE WHEN e.latitude IS NULL OR e.latitude IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN 'null'
        WHEN e.latitude = 0 THEN '0'
        WHEN abs(e.latitude) < 1e-6::float8 OR abs(e.latitude) >= 1e21::float8 THEN replace(e.latitude::text, 'e-0', 'e-')
        ELSE e.latitude::text::numeric::text END,
      CASE WHEN e.longitude IS NULL OR e.longitude IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN 'null'
        WHEN e.longitude = 0 THEN '0'
        WHEN abs(e.longitude) < 1e-6::float8 OR abs(e.longitude) >= 1e21::float8 THEN replace(e.longitude::text, 'e-0', 'e-')
        ELSE e.longitude::text::numeric::text END,
      coalesce(array_to_json(e.tags)::text, 'null'),
      coalesce(array_to_json(e.item_categories)::text, 'null'),
      coalesce(to_json(e.sanctions_regime::text)::text, 'null'),
      coalesce(to_json(e.instrument)::text, 'null'),
      coalesce(x.actors_json::text, coalesce((SELECT '[' || string_agg('{' || '"slug":' || coalesce(to_json(a.slug)::text, 'null') || ',"name":' || coalesce(to_json(a.name)::text, 'null') || ',"role":' || coalesce(to_json(ea.role::text)::text, 'null') || '}', ',' ORDER BY a.name, ea.role) || ']' FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id), '[]')),
      coalesce(x.sources_json::text, coalesce((SELECT '[' || string_agg('{' || '"url":' || coalesce(to_json(s.url)::text, 'null') || ',"title":' || coalesce(to_json(s.title)::text, 'null') || ',"publisher":' || coalesce(to_json(s.publisher)::text, 'null') || ',"author":' || coalesce(to_json(s.author)::text, 'null') || ',"publishedOn":' || coalesce(to_json(s.published_on)::text, 'null') || ',"accessedOn":' || coalesce(to_json(to_char(s.accessed_on, 'YYYY-MM-DD'))::text, 'null') || ',"sourceType":' || coalesce(to_json(s.source_type::text)::text, 'null') || ',"quote":' || coalesce(to_json(s.quote)::text, 'null') || ',"note":' || coalesce(to_json(s.note)::text, 'null') || ',"stance":' || coalesce(to_json(s.stance::text)::text, 'null') || ',"quoteCheck":' || coalesce(to_json(s.quote_check::text)::text, 'null') || ',"archivedUrl":' || coalesce(to_json(s.archived_url)::text, 'null') || ',"language":' || coalesce(to_json(s.language)::text, 'null') || ',"copy":' || CASE WHEN c.id IS NULL THEN 'null' ELSE '{' || '"sha256":' || coalesce(to_json(c.sha256)::text, 'null') || ',"capturedAt":' || coalesce(to_json(to_char(c.captured_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null') || '}' END || '}', ',' ORDER BY s.position) || ']' FROM source s LEFT JOIN capture c ON c.id = s.capture_id WHERE s.event_id = e.id), '[]')),
      coalesce(x.disputing_source_count, (SELECT count(*) FROM source s WHERE s.event_id = e.id AND s.stance = 'disputes'))::text,
      coalesce(to_json(e.status::text)::text, 'null'),
      coalesce(to_json(to_char(e.published_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null'),
      coalesce(to_json(to_char(e.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null')] AS api_members
    FROM event e CROSS JOIN (SELECT r.actors_json, r.sources_json, r.disputing_source_count) x
    WHERE e.id = r.event_id
  ) m;
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

-- Every existing row, by the function itself, as the earlier export migrations did.
SELECT export_refresh(ARRAY(SELECT id FROM event));
