-- DropIndex
DROP INDEX "Notification_eventId_status_idx";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "platforms" TEXT;

-- CreateIndex
CREATE INDEX "Supporter_campaignId_points_id_idx" ON "Supporter"("campaignId", "points" DESC, "id");

-- CreateIndex
CREATE INDEX "Identity_campaignId_platform_username_idx" ON "Identity"("campaignId", "platform", "username");

-- CreateIndex
CREATE INDEX "Notification_status_platforms_dueAt_id_idx" ON "Notification"("status", "platforms", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Notification_eventId_status_recipientId_idx" ON "Notification"("eventId", "status", "recipientId");

-- The platforms each pending row's recipient can be reached on, kept by triggers: a row
-- written without them gets them at once; a change of the recipient's accounts updates their
-- pending rows (by the recipientId index).
UPDATE "Notification" SET "platforms" = (
  SELECT COALESCE(group_concat(DISTINCT i."platform" ORDER BY i."platform"), '')
  FROM "Identity" i WHERE i."supporterId" = "Notification"."recipientId" AND i."unreachable" = 0)
WHERE "status" = 'pending';

CREATE TRIGGER "Notification_platforms_fill" AFTER INSERT ON "Notification"
WHEN NEW."platforms" IS NULL
BEGIN
  UPDATE "Notification" SET "platforms" = (
    SELECT COALESCE(group_concat(DISTINCT i."platform" ORDER BY i."platform"), '')
    FROM "Identity" i WHERE i."supporterId" = NEW."recipientId" AND i."unreachable" = 0)
  WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Identity_platforms_insert" AFTER INSERT ON "Identity"
BEGIN
  UPDATE "Notification" SET "platforms" = (
    SELECT COALESCE(group_concat(DISTINCT i."platform" ORDER BY i."platform"), '')
    FROM "Identity" i WHERE i."supporterId" = NEW."supporterId" AND i."unreachable" = 0)
  WHERE "recipientId" = NEW."supporterId" AND "status" = 'pending';
END;

CREATE TRIGGER "Identity_platforms_update" AFTER UPDATE OF "platform", "unreachable", "supporterId" ON "Identity"
WHEN OLD."platform" IS NOT NEW."platform" OR OLD."unreachable" IS NOT NEW."unreachable"
  OR OLD."supporterId" IS NOT NEW."supporterId"
BEGIN
  UPDATE "Notification" SET "platforms" = (
    SELECT COALESCE(group_concat(DISTINCT i."platform" ORDER BY i."platform"), '')
    FROM "Identity" i WHERE i."supporterId" = "Notification"."recipientId" AND i."unreachable" = 0)
  WHERE "recipientId" IN (OLD."supporterId", NEW."supporterId") AND "status" = 'pending';
END;

CREATE TRIGGER "Identity_platforms_delete" AFTER DELETE ON "Identity"
BEGIN
  UPDATE "Notification" SET "platforms" = (
    SELECT COALESCE(group_concat(DISTINCT i."platform" ORDER BY i."platform"), '')
    FROM "Identity" i WHERE i."supporterId" = OLD."supporterId" AND i."unreachable" = 0)
  WHERE "recipientId" = OLD."supporterId" AND "status" = 'pending';
END;

CREATE TRIGGER "Notification_platforms_recipient" AFTER UPDATE OF "recipientId" ON "Notification"
BEGIN
  UPDATE "Notification" SET "platforms" = (
    SELECT COALESCE(group_concat(DISTINCT i."platform" ORDER BY i."platform"), '')
    FROM "Identity" i WHERE i."supporterId" = NEW."recipientId" AND i."unreachable" = 0)
  WHERE "id" = NEW."id";
END;
