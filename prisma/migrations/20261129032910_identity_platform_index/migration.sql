-- DropIndex
DROP INDEX "Identity_supporterId_idx";

-- CreateIndex
CREATE INDEX "Identity_supporterId_platform_idx" ON "Identity"("supporterId", "platform");
