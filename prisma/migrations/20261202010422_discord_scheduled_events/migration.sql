-- AlterTable
ALTER TABLE "ChatSpace" ADD COLUMN "mirrorWarnedAt" DATETIME;
ALTER TABLE "ChatSpace" ADD COLUMN "setupUserId" TEXT;

-- CreateTable
CREATE TABLE "EventMirror" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "chatSpaceId" INTEGER NOT NULL,
    "externalId" TEXT,
    "syncedHash" TEXT,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "retryAt" DATETIME,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EventMirror_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMirror_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMirror_chatSpaceId_fkey" FOREIGN KEY ("chatSpaceId") REFERENCES "ChatSpace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EventMirror_chatSpaceId_state_idx" ON "EventMirror"("chatSpaceId", "state");

-- CreateIndex
CREATE INDEX "EventMirror_externalId_idx" ON "EventMirror"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "EventMirror_eventId_chatSpaceId_key" ON "EventMirror"("eventId", "chatSpaceId");
