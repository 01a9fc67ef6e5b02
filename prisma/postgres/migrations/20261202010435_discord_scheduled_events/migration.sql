-- AlterTable
ALTER TABLE "ChatSpace" ADD COLUMN     "mirrorWarnedAt" TIMESTAMP(3),
ADD COLUMN     "setupUserId" TEXT;

-- CreateTable
CREATE TABLE "EventMirror" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "chatSpaceId" INTEGER NOT NULL,
    "externalId" TEXT,
    "syncedHash" TEXT,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "retryAt" TIMESTAMP(3),
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventMirror_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventMirror_chatSpaceId_state_idx" ON "EventMirror"("chatSpaceId", "state");

-- CreateIndex
CREATE INDEX "EventMirror_externalId_idx" ON "EventMirror"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "EventMirror_eventId_chatSpaceId_key" ON "EventMirror"("eventId", "chatSpaceId");

-- AddForeignKey
ALTER TABLE "EventMirror" ADD CONSTRAINT "EventMirror_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMirror" ADD CONSTRAINT "EventMirror_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMirror" ADD CONSTRAINT "EventMirror_chatSpaceId_fkey" FOREIGN KEY ("chatSpaceId") REFERENCES "ChatSpace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
