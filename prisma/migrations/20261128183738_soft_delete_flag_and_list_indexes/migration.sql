-- DropIndex
DROP INDEX "event_status_span_start_id_idx";

-- DropIndex
DROP INDEX "event_status_title_id_idx";

-- DropIndex
DROP INDEX "event_status_type_span_start_idx";

-- AlterTable (hand-edited: carry deletions over before dropping the timestamp)
ALTER TABLE "event" ADD COLUMN     "deleted" BOOLEAN NOT NULL DEFAULT false;
UPDATE "event" SET "deleted" = true WHERE "deleted_at" IS NOT NULL;
ALTER TABLE "event" DROP COLUMN "deleted_at";

-- CreateIndex
CREATE INDEX "event_status_deleted_span_start_id_idx" ON "event"("status", "deleted", "span_start" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "event_status_deleted_title_id_idx" ON "event"("status", "deleted", "title", "id");

-- CreateIndex
CREATE INDEX "event_status_deleted_type_span_start_idx" ON "event"("status", "deleted", "type", "span_start" DESC);
