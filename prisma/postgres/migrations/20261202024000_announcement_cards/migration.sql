-- CreateTable
CREATE TABLE "AnnouncementCard" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "threadId" TEXT,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "dirty" BOOLEAN NOT NULL DEFAULT false,
    "lastEditAt" TIMESTAMP(3),
    "renderedHash" TEXT,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnouncementCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnouncementCard_kind_subjectId_idx" ON "AnnouncementCard"("kind", "subjectId");

-- CreateIndex
CREATE INDEX "AnnouncementCard_platform_dirty_idx" ON "AnnouncementCard"("platform", "dirty");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementCard_platform_chatId_messageId_key" ON "AnnouncementCard"("platform", "chatId", "messageId");

-- AddForeignKey
ALTER TABLE "AnnouncementCard" ADD CONSTRAINT "AnnouncementCard_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A change to an event, one of its shifts or a task marks the cards showing it for an edit.
CREATE FUNCTION "event_card_dirty"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed "Event"%ROWTYPE;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  IF TG_OP <> 'UPDATE' AND changed."parentId" IS NULL THEN RETURN NULL; END IF;
  UPDATE "AnnouncementCard" SET "dirty" = true
  WHERE "kind" = 'event' AND "subjectId" = COALESCE(changed."parentId", changed."id")
    AND NOT "dirty";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Event_card_change" AFTER INSERT OR UPDATE OR DELETE ON "Event"
FOR EACH ROW EXECUTE FUNCTION "event_card_dirty"();

CREATE FUNCTION "task_card_dirty"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AnnouncementCard" SET "dirty" = true
  WHERE "kind" = 'task' AND "subjectId" = NEW."id" AND NOT "dirty";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Task_card_update" AFTER UPDATE ON "Task"
FOR EACH ROW EXECUTE FUNCTION "task_card_dirty"();
