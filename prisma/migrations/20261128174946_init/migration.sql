-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('confirmed', 'alleged', 'denied', 'announced');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'year');

-- CreateEnum
CREATE TYPE "EditorialStatus" AS ENUM ('draft', 'in_review', 'published', 'retracted');

-- CreateEnum
CREATE TYPE "SanctionsRegime" AS ENUM ('un_1718', 'us', 'eu', 'other');

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('official', 'news', 'analysis', 'dataset');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('state', 'person', 'organisation', 'international_body', 'company');

-- CreateEnum
CREATE TYPE "ActorRole" AS ENUM ('initiator', 'target', 'supplier', 'recipient', 'speaker', 'addressee', 'participant', 'host');

-- CreateTable
CREATE TABLE "event" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "claim_status" "ClaimStatus" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "precision" "DatePrecision" NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "span_start" DATE NOT NULL,
    "span_end" DATE NOT NULL,
    "place" TEXT,
    "country_codes" TEXT[],
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "tags" TEXT[],
    "item_categories" TEXT[],
    "sanctions_regime" "SanctionsRegime",
    "instrument" TEXT,
    "status" "EditorialStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "published_at" TIMESTAMP(3),

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "author" TEXT,
    "published_on" TEXT,
    "accessed_on" DATE,
    "source_type" "SourceType" NOT NULL,
    "quote" TEXT NOT NULL,
    "archived_url" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "country_code" TEXT,
    "aliases" TEXT[],

    CONSTRAINT "actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_actor" (
    "event_id" TEXT NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "role" "ActorRole" NOT NULL,

    CONSTRAINT "event_actor_pkey" PRIMARY KEY ("event_id","actor_id","role")
);

-- CreateIndex
CREATE INDEX "event_status_span_start_id_idx" ON "event"("status", "span_start" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "event_status_title_id_idx" ON "event"("status", "title", "id");

-- CreateIndex
CREATE INDEX "event_status_type_span_start_idx" ON "event"("status", "type", "span_start" DESC);

-- CreateIndex
CREATE INDEX "event_search_text_trgm" ON "event" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "source_event_id_position_key" ON "source"("event_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "actor_slug_key" ON "actor"("slug");

-- CreateIndex
CREATE INDEX "event_actor_actor_id_event_id_idx" ON "event_actor"("actor_id", "event_id");

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_actor" ADD CONSTRAINT "event_actor_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_actor" ADD CONSTRAINT "event_actor_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
