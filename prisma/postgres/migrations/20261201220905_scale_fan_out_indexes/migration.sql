-- DropIndex
DROP INDEX "SupporterTag_tagId_idx";

-- CreateTable
CREATE TABLE "FanOut" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL DEFAULT '0',
    "eventId" INTEGER,
    "taskId" INTEGER,
    "broadcastId" INTEGER,
    "audience" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "total" INTEGER NOT NULL,
    "written" INTEGER NOT NULL DEFAULT 0,
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'running',
    "notifyId" INTEGER,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "FanOut_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FanOut_status_claimedUntil_idx" ON "FanOut"("status", "claimedUntil");

-- CreateIndex
CREATE INDEX "FanOut_broadcastId_idx" ON "FanOut"("broadcastId");

-- CreateIndex
CREATE INDEX "Notification_status_updatedAt_idx" ON "Notification"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Notification_broadcastId_status_idx" ON "Notification"("broadcastId", "status");

-- CreateIndex
CREATE INDEX "Supporter_campaignId_status_remindersEnabled_id_consentAt_idx" ON "Supporter"("campaignId", "status", "remindersEnabled", "id", "consentAt");

-- CreateIndex
CREATE INDEX "SupporterTag_tagId_supporterId_idx" ON "SupporterTag"("tagId", "supporterId");

-- AddForeignKey
ALTER TABLE "FanOut" ADD CONSTRAINT "FanOut_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FanOut" ADD CONSTRAINT "FanOut_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;
