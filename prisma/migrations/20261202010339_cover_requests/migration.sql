-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "coverWindowMinutes" INTEGER DEFAULT 2880;

-- CreateTable
CREATE TABLE "CoverRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "requesterId" INTEGER,
    "kind" TEXT NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 1,
    "taken" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "wave" INTEGER NOT NULL DEFAULT 0,
    "waveSize" INTEGER NOT NULL DEFAULT 5,
    "nextWaveAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CoverRequest_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoverRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CoverRequest_status_nextWaveAt_idx" ON "CoverRequest"("status", "nextWaveAt");

-- CreateIndex
CREATE INDEX "CoverRequest_eventId_status_idx" ON "CoverRequest"("eventId", "status");
