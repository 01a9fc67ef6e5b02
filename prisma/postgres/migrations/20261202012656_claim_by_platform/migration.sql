-- DropIndex
DROP INDEX "Notification_eventId_status_idx";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "platforms" TEXT;

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
CREATE FUNCTION "reachable_platforms"(supporter INTEGER) RETURNS TEXT
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(string_agg(DISTINCT i."platform", ',' ORDER BY i."platform"), '')
  FROM "Identity" i WHERE i."supporterId" = supporter AND NOT i."unreachable"
$$;

UPDATE "Notification" SET "platforms" = "reachable_platforms"("recipientId")
WHERE "status" = 'pending';

CREATE FUNCTION "notification_platforms_fill"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."platforms" IS NULL THEN
    NEW."platforms" := "reachable_platforms"(NEW."recipientId");
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Notification_platforms_fill" BEFORE INSERT ON "Notification"
FOR EACH ROW EXECUTE FUNCTION "notification_platforms_fill"();

CREATE FUNCTION "identity_platforms_refresh"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "Notification" SET "platforms" = "reachable_platforms"(OLD."supporterId")
    WHERE "recipientId" = OLD."supporterId" AND "status" = 'pending';
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "Notification" SET "platforms" = "reachable_platforms"(NEW."supporterId")
    WHERE "recipientId" = NEW."supporterId" AND "status" = 'pending';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Identity_platforms_refresh"
AFTER INSERT OR DELETE ON "Identity"
FOR EACH ROW EXECUTE FUNCTION "identity_platforms_refresh"();

-- Every command notes the account as seen (and reachable): only a real change refreshes.
CREATE TRIGGER "Identity_platforms_update"
AFTER UPDATE OF "platform", "unreachable", "supporterId" ON "Identity"
FOR EACH ROW
WHEN (OLD."platform" IS DISTINCT FROM NEW."platform"
  OR OLD."unreachable" IS DISTINCT FROM NEW."unreachable"
  OR OLD."supporterId" IS DISTINCT FROM NEW."supporterId")
EXECUTE FUNCTION "identity_platforms_refresh"();

CREATE FUNCTION "notification_platforms_recipient"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."platforms" := "reachable_platforms"(NEW."recipientId");
  RETURN NEW;
END
$$;

CREATE TRIGGER "Notification_platforms_recipient" BEFORE UPDATE OF "recipientId" ON "Notification"
FOR EACH ROW EXECUTE FUNCTION "notification_platforms_recipient"();
