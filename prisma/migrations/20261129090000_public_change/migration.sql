-- CreateTable
CREATE TABLE "public_change" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "public_change_pkey" PRIMARY KEY ("id")
);

-- The one row the app bumps and reads (lib/page-cache/public-version.ts)
INSERT INTO "public_change" ("id", "version") VALUES (1, 0);
