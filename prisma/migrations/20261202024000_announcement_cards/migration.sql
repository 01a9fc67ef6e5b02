-- CreateTable
CREATE TABLE "AnnouncementCard" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "threadId" TEXT,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "dirty" BOOLEAN NOT NULL DEFAULT false,
    "lastEditAt" DATETIME,
    "renderedHash" TEXT,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnnouncementCard_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AnnouncementCard_kind_subjectId_idx" ON "AnnouncementCard"("kind", "subjectId");

-- CreateIndex
CREATE INDEX "AnnouncementCard_platform_dirty_idx" ON "AnnouncementCard"("platform", "dirty");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementCard_platform_chatId_messageId_key" ON "AnnouncementCard"("platform", "chatId", "messageId");

-- A change to an event, one of its shifts or a task marks the cards showing it for an edit.
CREATE TRIGGER "Event_card_insert" AFTER INSERT ON "Event"
WHEN NEW."parentId" IS NOT NULL
BEGIN
  UPDATE "AnnouncementCard" SET "dirty" = true
  WHERE "kind" = 'event' AND "subjectId" = NEW."parentId" AND NOT "dirty";
END;

CREATE TRIGGER "Event_card_update" AFTER UPDATE ON "Event"
BEGIN
  UPDATE "AnnouncementCard" SET "dirty" = true
  WHERE "kind" = 'event' AND "subjectId" = COALESCE(NEW."parentId", NEW."id") AND NOT "dirty";
END;

CREATE TRIGGER "Event_card_delete" AFTER DELETE ON "Event"
WHEN OLD."parentId" IS NOT NULL
BEGIN
  UPDATE "AnnouncementCard" SET "dirty" = true
  WHERE "kind" = 'event' AND "subjectId" = OLD."parentId" AND NOT "dirty";
END;

CREATE TRIGGER "Task_card_update" AFTER UPDATE ON "Task"
BEGIN
  UPDATE "AnnouncementCard" SET "dirty" = true
  WHERE "kind" = 'task' AND "subjectId" = NEW."id" AND NOT "dirty";
END;
