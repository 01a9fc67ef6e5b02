-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "reportCron" TEXT;

-- CreateIndex
CREATE INDEX "Assignment_campaignId_status_doneAt_idx" ON "Assignment"("campaignId", "status", "doneAt");

-- CreateIndex
CREATE INDEX "Supporter_campaignId_consentAt_idx" ON "Supporter"("campaignId", "consentAt");

-- CreateIndex
CREATE INDEX "Supporter_campaignId_status_lastActiveAt_idx" ON "Supporter"("campaignId", "status", "lastActiveAt");
