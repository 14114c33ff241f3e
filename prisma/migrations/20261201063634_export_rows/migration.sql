-- CreateTable
CREATE TABLE "event_export" (
    "event_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT,
    "summary" TEXT,
    "event_type" TEXT,
    "claim_status" TEXT,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT,
    "date_precision" TEXT NOT NULL,
    "approximate" TEXT NOT NULL,
    "place" TEXT,
    "country_codes" TEXT,
    "latitude" TEXT,
    "longitude" TEXT,
    "actors" TEXT,
    "item_categories" TEXT,
    "sanctions_regime" TEXT,
    "instrument" TEXT,
    "source_count" INTEGER NOT NULL,
    "source_urls" TEXT,
    "source_publishers" TEXT,
    "status" TEXT NOT NULL,
    "first_published_at" TEXT,
    "last_changed_at" TEXT NOT NULL,
    "disputing_source_count" INTEGER NOT NULL,
    "quote_count" INTEGER NOT NULL,
    "verified_quote_count" INTEGER NOT NULL,
    "end_date_precision" TEXT,
    "actors_json" JSON NOT NULL,
    "sources_json" JSON NOT NULL,

    CONSTRAINT "event_export_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "source_export" (
    "event_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "event_id_cell" TEXT NOT NULL,
    "url" TEXT,
    "publisher" TEXT,
    "title" TEXT,
    "published_on" TEXT,
    "quote" TEXT,
    "archived_url" TEXT,
    "author" TEXT,
    "accessed_on" TEXT,
    "source_type" TEXT NOT NULL,
    "language" TEXT,
    "note" TEXT,
    "stance" TEXT NOT NULL,
    "quote_check" TEXT NOT NULL,
    "copy_sha256" TEXT,
    "copy_captured_at" TEXT,

    CONSTRAINT "source_export_pkey" PRIMARY KEY ("event_id","position")
);

-- AddForeignKey
ALTER TABLE "event_export" ADD CONSTRAINT "event_export_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_export" ADD CONSTRAINT "source_export_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Everything below is hand-written: schema.prisma cannot describe functions or triggers, and
-- schema-to-schema diffs leave them alone. The rules are lib/export/csv.ts's (the CSV writer
-- before COPY, kept as lib/export/csv-reference.ts), and lib/export/copy-csv.integration.test.ts
-- and export-rows.integration.test.ts compare both writers byte for byte.

-- A text cell: empty is NULL (an empty cell), and a cell a spreadsheet could run as a formula
-- gets an apostrophe (FORMULA_START in lib/export/csv.ts: a tab, CR or LF first, or = + - @ or
-- their full-width forms after any of JavaScript's \s characters, spelled out here because
-- PostgreSQL's \s depends on the locale).
CREATE FUNCTION export_text(v text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN v IS NULL OR v = '' THEN NULL
    WHEN v ~ '^([\t\r\n]|[ \t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*[-=+@\uff1d\uff0b\uff0d\uff20])' THEN '''' || v
    ELSE v
  END
$$;

-- A list cell: the items that are neither NULL nor empty, joined by " | " (LIST_SEPARATOR).
CREATE FUNCTION export_list(items text[]) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT export_text(array_to_string(array_remove(items, ''), ' | '))
$$;

-- A year as JavaScript's toISOString writes it: four digits from 0 to 9999, else a sign and six.
-- PostgreSQL has no year 0: 1 BC is JavaScript's year 0.
CREATE FUNCTION export_year(y int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN y < 0 AND y + 1 = 0 THEN '0000'
    WHEN y < 0 THEN '-' || lpad((-(y + 1))::text, 6, '0')
    WHEN y <= 9999 THEN lpad(y::text, 4, '0')
    ELSE '+' || lpad(y::text, 6, '0')
  END
$$;

-- A date and a time as the JavaScript writer printed them (toISOString), never by DateStyle.
-- Helpers whose bodies call STABLE functions (to_char, array_to_string) are declared STABLE
-- too: PostgreSQL inlines only a function no less volatile than its body, and a call that is
-- not inlined costs more than the formatting itself.
CREATE FUNCTION export_day(d date) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT export_year(extract(year FROM d)::int) || to_char(d, '-MM-DD')
$$;
CREATE FUNCTION export_time(t timestamp) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT export_year(extract(year FROM t)::int) || to_char(t, '-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- A coordinate as JavaScript's String(number) writes it. PostgreSQL prints the same shortest
-- round-trip digits, but switches to an exponent at other bounds (1e-05 where JavaScript
-- writes 0.00001, 1e-07 where it writes 1e-7) and keeps the sign of a negative zero.
CREATE FUNCTION export_number(x float8) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET extra_float_digits = 1 AS $$
DECLARE
  t text := x::text;
  sign text := CASE WHEN x < 0 THEN '-' ELSE '' END;
  mantissa text;
  digits text;
  e int;
BEGIN
  IF x = 0 THEN RETURN '0'; END IF;
  IF position('e' IN t) = 0 THEN RETURN t; END IF; -- also NaN and Infinity, written alike
  mantissa := ltrim(split_part(t, 'e', 1), '-');
  e := split_part(t, 'e', 2)::int;
  digits := replace(mantissa, '.', '');
  IF e >= 21 OR e <= -7 THEN RETURN sign || mantissa || 'e' || CASE WHEN e > 0 THEN '+' ELSE '-' END || abs(e); END IF;
  IF e < 0 THEN RETURN sign || '0.' || repeat('0', -e - 1) || digits; END IF;
  IF length(digits) <= e + 1 THEN RETURN sign || digits || repeat('0', e + 1 - length(digits)); END IF;
  RETURN sign || left(digits, e + 1) || '.' || substr(digits, e + 2);
END
$$;

-- Rewrites the export rows of the given events from their current state. It first locks the
-- events' rows (as an edit does), and reads with the fresh snapshot of its next statement: two
-- transactions refreshing one event (an editor's save and an actor's rename) take turns, and
-- the later one sees the earlier one's commit, so neither leaves a stale row behind.
-- Planned for each call's own ids (a generic plan would guess their number and join badly).
CREATE FUNCTION export_refresh(ids text[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM event e JOIN unnest(ids) AS u(id) ON e.id = u.id ORDER BY e.id FOR NO KEY UPDATE OF e;
  DELETE FROM event_export x USING unnest(ids) AS u(id) WHERE x.event_id = u.id;
  DELETE FROM source_export x USING unnest(ids) AS u(id) WHERE x.event_id = u.id;
  -- Set-based (aggregates grouped by event, then joined) rather than a subquery per event, so
  -- that a bulk write of thousands of events refreshes in one pass of hash joins. The JSON is
  -- row_to_json of rows (compact, keys in the API's order), never jsonb, which reorders keys.
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
  )
  INSERT INTO event_export
  SELECT e.id, export_text(e.id), export_text(e.title), export_text(e.summary), export_text(e.type), export_text(e.claim_status::text),
         export_day(e.start_date), export_day(e.end_date), e.precision::text, CASE WHEN e.approximate THEN 'true' ELSE 'false' END,
         export_text(e.place), export_list(e.country_codes), export_number(e.latitude), export_number(e.longitude),
         export_text(a.names), export_list(e.item_categories), export_text(e.sanctions_regime::text), export_text(e.instrument),
         coalesce(s.n, 0), export_text(s.urls), export_text(s.publishers), e.status::text,
         export_time(e.published_at), export_time(e.updated_at),
         coalesce(s.disputing, 0), coalesce(s.quotes, 0), coalesce(s.verified, 0), e.end_precision::text,
         coalesce(a.json, '[]'), coalesce(s.json, '[]')
  FROM event e
  JOIN unnest(ids) AS u(id) ON e.id = u.id
  LEFT JOIN a ON a.event_id = e.id
  LEFT JOIN s ON s.event_id = e.id;
  INSERT INTO source_export
  SELECT s.event_id, row_number() OVER (PARTITION BY s.event_id ORDER BY s.position), export_text(s.event_id),
         export_text(s.url), export_text(s.publisher), export_text(s.title), export_text(s.published_on), export_text(s.quote), export_text(s.archived_url),
         export_text(s.author), to_char(s.accessed_on, 'YYYY-MM-DD'), s.source_type::text, nullif(s.language, ''),
         export_text(s.note), s.stance::text, s.quote_check::text, c.sha256, to_char(c.captured_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  FROM source s
  JOIN unnest(ids) AS u(id) ON s.event_id = u.id
  LEFT JOIN capture c ON c.id = s.capture_id;
END
$$;

-- Statement-level triggers (one refresh per statement, however many rows it touched), reading
-- the changed rows from the statement's transition tables.
CREATE FUNCTION export_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_refresh(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END
$$;
CREATE TRIGGER event_export_insert AFTER INSERT ON event REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event();
CREATE TRIGGER event_export_update AFTER UPDATE ON event REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event();
-- A deleted event's rows go by the foreign keys' ON DELETE CASCADE.

-- Sources and actor links, by their event_id (both sides of an update, should one move).
CREATE FUNCTION export_on_event_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_refresh(ARRAY(SELECT DISTINCT event_id FROM changed_rows));
  RETURN NULL;
END
$$;
CREATE FUNCTION export_on_event_rows_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_refresh(ARRAY(SELECT event_id FROM changed_rows UNION SELECT event_id FROM old_rows));
  RETURN NULL;
END
$$;
CREATE TRIGGER source_export_insert AFTER INSERT ON source REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event_rows();
CREATE TRIGGER source_export_delete AFTER DELETE ON source REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event_rows();
CREATE TRIGGER source_export_update AFTER UPDATE ON source REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event_rows_update();
CREATE TRIGGER event_actor_export_insert AFTER INSERT ON event_actor REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event_rows();
CREATE TRIGGER event_actor_export_delete AFTER DELETE ON event_actor REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event_rows();
CREATE TRIGGER event_actor_export_update AFTER UPDATE ON event_actor REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_event_rows_update();

-- An actor's new name or slug reaches every event that names it.
CREATE FUNCTION export_on_actor_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_refresh(ARRAY(
    SELECT DISTINCT ea.event_id FROM old_rows o JOIN changed_rows n ON n.id = o.id JOIN event_actor ea ON ea.actor_id = n.id
    WHERE (o.name, o.slug) IS DISTINCT FROM (n.name, n.slug)));
  RETURN NULL;
END
$$;
CREATE TRIGGER actor_export_update AFTER UPDATE ON actor REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_actor_update();

-- A capture's hash or time reaches every source that cites the copy.
CREATE FUNCTION export_on_capture_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_refresh(ARRAY(
    SELECT DISTINCT s.event_id FROM old_rows o JOIN changed_rows n ON n.id = o.id JOIN source s ON s.capture_id = n.id
    WHERE (o.sha256, o.captured_at) IS DISTINCT FROM (n.sha256, n.captured_at)));
  RETURN NULL;
END
$$;
CREATE TRIGGER capture_export_update AFTER UPDATE ON capture REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION export_on_capture_update();

-- Backfill: every event written before this migration.
SELECT export_refresh(ARRAY(SELECT id FROM event));
