-- DropIndex
DROP INDEX "Task_campaignId_status_dueAt_idx";

-- CreateIndex
CREATE INDEX "Task_campaignId_status_dueAt_id_idx" ON "Task"("campaignId", "status", "dueAt", "id");
