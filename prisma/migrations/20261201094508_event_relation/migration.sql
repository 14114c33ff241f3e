-- CreateEnum
CREATE TYPE "relation_kind" AS ENUM ('responds-to', 'part-of', 'follows-up', 'precedent-for');

-- CreateTable
CREATE TABLE "event_relation" (
    "id" SERIAL NOT NULL,
    "from_event_id" TEXT NOT NULL,
    "to_event_id" TEXT NOT NULL,
    "kind" "relation_kind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,

    CONSTRAINT "event_relation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_relation_to_event_id_idx" ON "event_relation"("to_event_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_relation_from_event_id_to_event_id_kind_key" ON "event_relation"("from_event_id", "to_event_id", "kind");

-- AddForeignKey
ALTER TABLE "event_relation" ADD CONSTRAINT "event_relation_from_event_id_fkey" FOREIGN KEY ("from_event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_relation" ADD CONSTRAINT "event_relation_to_event_id_fkey" FOREIGN KEY ("to_event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_relation" ADD CONSTRAINT "event_relation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An event is never related to itself.
ALTER TABLE "event_relation" ADD CONSTRAINT "event_relation_not_self" CHECK ("from_event_id" <> "to_event_id");
