-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "coverWindowMinutes" INTEGER DEFAULT 2880;

-- CreateTable
CREATE TABLE "CoverRequest" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "requesterId" INTEGER,
    "kind" TEXT NOT NULL,
    "seats" INTEGER NOT NULL DEFAULT 1,
    "taken" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "wave" INTEGER NOT NULL DEFAULT 0,
    "waveSize" INTEGER NOT NULL DEFAULT 5,
    "nextWaveAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoverRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoverRequest_status_nextWaveAt_idx" ON "CoverRequest"("status", "nextWaveAt");

-- CreateIndex
CREATE INDEX "CoverRequest_eventId_status_idx" ON "CoverRequest"("eventId", "status");

-- AddForeignKey
ALTER TABLE "CoverRequest" ADD CONSTRAINT "CoverRequest_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverRequest" ADD CONSTRAINT "CoverRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
