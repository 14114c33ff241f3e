-- CreateEnum
CREATE TYPE "SourceStance" AS ENUM ('supports', 'disputes', 'context');

-- CreateEnum
CREATE TYPE "QuoteCheck" AS ENUM ('verified', 'not_found', 'no_copy', 'no_quote');

-- CreateEnum
CREATE TYPE "CaptureMethod" AS ENUM ('fetched', 'uploaded');

-- CreateEnum
CREATE TYPE "LinkStatus" AS ENUM ('ok', 'redirected', 'gone', 'failing');

-- AlterTable
ALTER TABLE "source" ADD COLUMN     "capture_id" INTEGER,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "quote_check" "QuoteCheck" NOT NULL DEFAULT 'no_copy',
ADD COLUMN     "quote_match" TEXT,
ADD COLUMN     "stance" "SourceStance" NOT NULL DEFAULT 'supports',
ALTER COLUMN "quote" DROP NOT NULL;

-- CreateTable
CREATE TABLE "capture_content" (
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "content_type" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "full_text" TEXT NOT NULL,

    CONSTRAINT "capture_content_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "capture" (
    "id" SERIAL NOT NULL,
    "sha256" TEXT NOT NULL,
    "method" "CaptureMethod" NOT NULL,
    "requested_url" TEXT,
    "final_url" TEXT,
    "http_status" INTEGER,
    "file_name" TEXT,
    "captured_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "captured_by_id" INTEGER,

    CONSTRAINT "capture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_check" (
    "url" TEXT NOT NULL,
    "status" "LinkStatus" NOT NULL,
    "http_status" INTEGER,
    "redirected_to" TEXT,
    "detail" TEXT,
    "first_failure_at" TIMESTAMP(3),
    "last_checked_at" TIMESTAMP(3) NOT NULL,
    "last_ok_at" TIMESTAMP(3),

    CONSTRAINT "link_check_pkey" PRIMARY KEY ("url")
);

-- CreateIndex
CREATE INDEX "capture_sha256_idx" ON "capture"("sha256");

-- CreateIndex
CREATE INDEX "source_capture_id_idx" ON "source"("capture_id");

-- CreateIndex
CREATE INDEX "source_quote_check_idx" ON "source"("quote_check");

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_capture_id_fkey" FOREIGN KEY ("capture_id") REFERENCES "capture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capture" ADD CONSTRAINT "capture_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "capture_content"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capture" ADD CONSTRAINT "capture_captured_by_id_fkey" FOREIGN KEY ("captured_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: notes of the editors had been stored as quotes. The research sheet of the seed put its
-- own words ("Confirms: …") in the quote field wherever it did not show the words of the source,
-- and readers were shown them as the words of the source. Move each into `note` and record the
-- fix on its event as a revision (a public correction once readers could see the event), with
-- the usual from/to changes and the whole new state of the event, so history and restore stay
-- complete. (No apostrophes in these comments: the migration runner splits on quote marks. A plain
-- table, dropped at the end, since the statements may not share one session.)
CREATE TABLE "_note_fix" AS
SELECT e."id" AS "event_id", e."version" + 1 AS "version", e."status", r."snapshot" AS "before"
FROM "event" e
JOIN LATERAL (SELECT "snapshot" FROM "revision" WHERE "event_id" = e."id" ORDER BY "id" DESC LIMIT 1) r ON TRUE
WHERE EXISTS (SELECT 1 FROM "source" s WHERE s."event_id" = e."id" AND s."quote" LIKE 'Confirms: %');

-- Only where the move can be recorded: an event with no revision at all (written before the
-- revision table existed) keeps its text until npm run db:seed corrects it, with a revision.
UPDATE "source" SET "note" = "quote", "quote" = NULL WHERE "quote" LIKE 'Confirms: %' AND "event_id" IN (SELECT "event_id" FROM "_note_fix");
UPDATE "source" SET "quote_check" = 'no_quote' WHERE "quote" IS NULL;

UPDATE "event" e SET "version" = f."version", "updated_at" = CURRENT_TIMESTAMP FROM "_note_fix" f WHERE e."id" = f."event_id";

INSERT INTO "revision" ("event_id", "user_id", "created_at", "kind", "note", "version", "changes", "snapshot")
SELECT f."event_id", NULL, CURRENT_TIMESTAMP,
       (CASE WHEN f."status" IN ('published', 'retracted') THEN 'correction' ELSE 'update' END)::"RevisionKind",
       'An editor''s note had been shown as a quote from the source. It is now shown as the editor''s note, apart from the source''s own words.',
       f."version",
       (SELECT jsonb_agg(jsonb_build_object('field', 'sources[' || x."i" || ']', 'from', x."old", 'to', x."new") ORDER BY x."i")
          FROM (SELECT t."i", t."elem" AS "old",
                       CASE WHEN t."elem"->>'quote' LIKE 'Confirms: %' THEN (t."elem" - 'quote') || jsonb_build_object('note', t."elem"->'quote') ELSE t."elem" END AS "new"
                  FROM jsonb_array_elements(f."before"->'sources') WITH ORDINALITY AS t("elem", "i")) x
         WHERE x."old" <> x."new"),
       jsonb_set(f."before", '{sources}',
         (SELECT coalesce(jsonb_agg(CASE WHEN t."elem"->>'quote' LIKE 'Confirms: %' THEN (t."elem" - 'quote') || jsonb_build_object('note', t."elem"->'quote') ELSE t."elem" END ORDER BY t."i"), '[]'::jsonb)
            FROM jsonb_array_elements(f."before"->'sources') WITH ORDINALITY AS t("elem", "i")))
FROM "_note_fix" f;

UPDATE "public_change" SET "version" = "version" + 1 WHERE EXISTS (SELECT 1 FROM "_note_fix" WHERE "status" IN ('published', 'retracted'));

DROP TABLE "_note_fix";
