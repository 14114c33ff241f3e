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
