-- CreateIndex
CREATE INDEX "revision_created_at_idx" ON "revision"("created_at");
