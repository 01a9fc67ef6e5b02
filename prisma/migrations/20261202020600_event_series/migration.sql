-- CreateTable
CREATE TABLE "EventSeries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "materializedUntil" DATETIME NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EventSeries_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SeriesRsvp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seriesId" INTEGER NOT NULL,
    "supporterId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "shiftNumber" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SeriesRsvp_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SeriesRsvp_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timezone" TEXT NOT NULL,
    "capacity" INTEGER,
    "reminderOffsets" TEXT,
    "hostId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "yesCount" INTEGER NOT NULL DEFAULT 0,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER,
    "parentId" INTEGER,
    "shiftNumber" INTEGER,
    "label" TEXT,
    "requiredTag" TEXT,
    "seriesId" INTEGER,
    "occurrenceStart" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "EventSeries" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Supporter" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Supporter" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("campaignId", "cancelReason", "capacity", "createdAt", "createdById", "description", "endsAt", "hostId", "id", "label", "location", "parentId", "reminderOffsets", "requiredTag", "sequence", "shiftNumber", "startsAt", "status", "timezone", "title", "updatedAt", "yesCount") SELECT "campaignId", "cancelReason", "capacity", "createdAt", "createdById", "description", "endsAt", "hostId", "id", "label", "location", "parentId", "reminderOffsets", "requiredTag", "sequence", "shiftNumber", "startsAt", "status", "timezone", "title", "updatedAt", "yesCount" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_campaignId_status_startsAt_idx" ON "Event"("campaignId", "status", "startsAt");
CREATE UNIQUE INDEX "Event_parentId_shiftNumber_key" ON "Event"("parentId", "shiftNumber");
CREATE UNIQUE INDEX "Event_seriesId_occurrenceStart_key" ON "Event"("seriesId", "occurrenceStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EventSeries_materializedUntil_idx" ON "EventSeries"("materializedUntil");

-- CreateIndex
CREATE INDEX "SeriesRsvp_supporterId_idx" ON "SeriesRsvp"("supporterId");

-- CreateIndex
CREATE UNIQUE INDEX "SeriesRsvp_seriesId_supporterId_key" ON "SeriesRsvp"("seriesId", "supporterId");
