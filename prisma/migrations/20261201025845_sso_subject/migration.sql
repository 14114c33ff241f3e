-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "sso_issuer" TEXT,
ADD COLUMN     "sso_subject" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "app_user_sso_issuer_sso_subject_key" ON "app_user"("sso_issuer", "sso_subject");
