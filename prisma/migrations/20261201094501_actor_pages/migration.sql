-- CreateEnum
CREATE TYPE "ActorRevisionKind" AS ENUM ('edit', 'merge');

-- AlterTable
ALTER TABLE "actor" ADD COLUMN     "description" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "actor_revision" (
    "id" SERIAL NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "user_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "ActorRevisionKind" NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "actor_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_redirect" (
    "old_slug" TEXT NOT NULL,
    "actor_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "actor_redirect_pkey" PRIMARY KEY ("old_slug")
);

-- CreateIndex
CREATE INDEX "actor_revision_actor_id_created_at_idx" ON "actor_revision"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "actor_redirect_actor_id_idx" ON "actor_redirect"("actor_id");

-- AddForeignKey
ALTER TABLE "actor_revision" ADD CONSTRAINT "actor_revision_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor_revision" ADD CONSTRAINT "actor_revision_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor_redirect" ADD CONSTRAINT "actor_redirect_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
