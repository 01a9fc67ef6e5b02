-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "occurrenceStart" TIMESTAMP(3),
ADD COLUMN     "seriesId" INTEGER;

-- CreateTable
CREATE TABLE "EventSeries" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "firstStart" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "capacity" INTEGER,
    "reminderOffsets" TEXT,
    "hostId" INTEGER,
    "createdById" INTEGER,
    "templateId" INTEGER,
    "materializedUntil" TIMESTAMP(3) NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeriesRsvp" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "supporterId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "shiftNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeriesRsvp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventSeries_materializedUntil_idx" ON "EventSeries"("materializedUntil");

-- CreateIndex
CREATE INDEX "SeriesRsvp_supporterId_idx" ON "SeriesRsvp"("supporterId");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesRsvp_seriesId_supporterId_key" ON "SeriesRsvp"("seriesId", "supporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_seriesId_occurrenceStart_key" ON "Event"("seriesId", "occurrenceStart");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventSeries" ADD CONSTRAINT "EventSeries_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesRsvp" ADD CONSTRAINT "SeriesRsvp_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeriesRsvp" ADD CONSTRAINT "SeriesRsvp_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
