-- CreateTable
CREATE TABLE "release" (
    "id" SERIAL NOT NULL,
    "version" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" INTEGER,
    "created_by_name" TEXT NOT NULL,
    "event_count" INTEGER NOT NULL,
    "source_count" INTEGER NOT NULL,
    "actor_count" INTEGER,

    CONSTRAINT "release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_file" (
    "release_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "media_type" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "release_file_pkey" PRIMARY KEY ("release_id","name")
);

-- CreateTable
CREATE TABLE "release_event" (
    "release_id" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "release_event_pkey" PRIMARY KEY ("release_id","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "release_version_key" ON "release"("version");

-- CreateIndex
CREATE UNIQUE INDEX "release_year_month_number_key" ON "release"("year", "month", "number");

-- CreateIndex
CREATE INDEX "release_event_event_id_release_id_idx" ON "release_event"("event_id", "release_id");

-- AddForeignKey
ALTER TABLE "release_file" ADD CONSTRAINT "release_file_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_event" ADD CONSTRAINT "release_event_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Releases are immutable: no row of release, release_file or release_event is ever updated or
-- deleted (hand-written, like the export triggers; TRUNCATE, used only by tests and restores, is not a row event).
CREATE FUNCTION release_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Releases never change: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'raise_exception';
END $$;
CREATE TRIGGER release_immutable BEFORE UPDATE OR DELETE ON "release" FOR EACH ROW EXECUTE FUNCTION release_immutable();
CREATE TRIGGER release_file_immutable BEFORE UPDATE OR DELETE ON "release_file" FOR EACH ROW EXECUTE FUNCTION release_immutable();
CREATE TRIGGER release_event_immutable BEFORE UPDATE OR DELETE ON "release_event" FOR EACH ROW EXECUTE FUNCTION release_immutable();
