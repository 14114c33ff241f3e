-- CreateTable
CREATE TABLE "export_pending" (
    "xid" BIGINT NOT NULL,
    "event_id" TEXT NOT NULL,

    CONSTRAINT "export_pending_pkey" PRIMARY KEY ("xid","event_id")
);

-- Refresh export rows once per event, when the transaction commits. Refreshing at every
-- statement (the export_rows migration) cost an import of 10,000 events tens of thousands of
-- refreshes, one per statement that touched an event, and pushed it past its transaction's
-- time limit. The statement triggers now only note the events; a deferred constraint trigger
-- (it fires at commit, still inside the transaction, so the rows commit with the change)
-- refreshes all the events its transaction noted in one set-based pass and removes the notes,
-- so the firings for the other noted rows find nothing to do. Notes are keyed by transaction:
-- with one note per event, a transaction noting an event another had noted would wait for it,
-- while the other, at commit, waited for the first's lock on the event row (a deadlock).
CREATE FUNCTION export_note(ids text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO export_pending (xid, event_id) SELECT DISTINCT txid_current(), id FROM unnest(ids) AS u(id) WHERE id IS NOT NULL ON CONFLICT DO NOTHING;
$$;

CREATE FUNCTION export_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  WITH taken AS (DELETE FROM export_pending WHERE xid = txid_current() RETURNING event_id) SELECT array_agg(event_id) INTO ids FROM taken;
  IF ids IS NOT NULL THEN PERFORM export_refresh(ids); END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER export_pending_flush AFTER INSERT ON export_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION export_flush();

CREATE OR REPLACE FUNCTION export_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION export_on_event_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(SELECT event_id FROM changed_rows));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION export_on_event_rows_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(SELECT event_id FROM changed_rows UNION SELECT event_id FROM old_rows));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION export_on_actor_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(
    SELECT ea.event_id FROM old_rows o JOIN changed_rows n ON n.id = o.id JOIN event_actor ea ON ea.actor_id = n.id
    WHERE (o.name, o.slug) IS DISTINCT FROM (n.name, n.slug)));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION export_on_capture_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM export_note(ARRAY(
    SELECT s.event_id FROM old_rows o JOIN changed_rows n ON n.id = o.id JOIN source s ON s.capture_id = n.id
    WHERE (o.sha256, o.captured_at) IS DISTINCT FROM (n.sha256, n.captured_at)));
  RETURN NULL;
END
$$;
