-- AlterTable
ALTER TABLE "SupporterCount" ADD COLUMN "reachable" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SupporterActivity" (
    "campaignId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "supporters" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("campaignId", "day"),
    CONSTRAINT "SupporterActivity_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupporterRegistration" (
    "campaignId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "supporters" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("campaignId", "day"),
    CONSTRAINT "SupporterRegistration_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Reachable supporters (consented, active, reminders on) per campaign: the audience of a
-- broadcast to everyone, kept by triggers on Supporter like "registered".
UPDATE "SupporterCount" SET "reachable" = (SELECT COUNT(*) FROM "Supporter" s
  WHERE s."campaignId" = "SupporterCount"."campaignId" AND s."consentAt" IS NOT NULL
    AND s."status" = 'active' AND s."remindersEnabled" = 1);

CREATE TRIGGER "Supporter_reachable_insert" AFTER INSERT ON "Supporter"
WHEN NEW."consentAt" IS NOT NULL AND NEW."status" = 'active' AND NEW."remindersEnabled" = 1
BEGIN
  UPDATE "SupporterCount" SET "reachable" = "reachable" + 1 WHERE "campaignId" = NEW."campaignId";
END;

CREATE TRIGGER "Supporter_reachable_delete" AFTER DELETE ON "Supporter"
WHEN OLD."consentAt" IS NOT NULL AND OLD."status" = 'active' AND OLD."remindersEnabled" = 1
BEGIN
  UPDATE "SupporterCount" SET "reachable" = "reachable" - 1 WHERE "campaignId" = OLD."campaignId";
END;

CREATE TRIGGER "Supporter_reachable_update"
AFTER UPDATE OF "consentAt", "status", "remindersEnabled", "campaignId" ON "Supporter"
WHEN (OLD."consentAt" IS NOT NULL AND OLD."status" = 'active' AND OLD."remindersEnabled" = 1)
    IS NOT (NEW."consentAt" IS NOT NULL AND NEW."status" = 'active' AND NEW."remindersEnabled" = 1)
  OR OLD."campaignId" <> NEW."campaignId"
BEGIN
  UPDATE "SupporterCount" SET "reachable" = "reachable" - 1
  WHERE "campaignId" = OLD."campaignId"
    AND OLD."consentAt" IS NOT NULL AND OLD."status" = 'active' AND OLD."remindersEnabled" = 1;
  UPDATE "SupporterCount" SET "reachable" = "reachable" + 1
  WHERE "campaignId" = NEW."campaignId"
    AND NEW."consentAt" IS NOT NULL AND NEW."status" = 'active' AND NEW."remindersEnabled" = 1;
END;

-- Supporters (not erased) per campaign and UTC day of their last activity (days since
-- 1970-01-01; dates are stored as ISO-8601 text in UTC). Erasure clears "lastActiveAt".
-- Only a change of day, campaign or erasure moves a count: most activity does not.
INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
SELECT "campaignId", CAST(julianday("lastActiveAt") - 2440587.5 AS INTEGER) AS "d", COUNT(*)
FROM "Supporter" WHERE "status" <> 'erased' AND "lastActiveAt" IS NOT NULL
GROUP BY "campaignId", "d";

CREATE TRIGGER "Supporter_activity_insert" AFTER INSERT ON "Supporter"
WHEN NEW."status" <> 'erased' AND NEW."lastActiveAt" IS NOT NULL
BEGIN
  INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
  VALUES (NEW."campaignId", CAST(julianday(NEW."lastActiveAt") - 2440587.5 AS INTEGER), 1)
  ON CONFLICT ("campaignId", "day") DO UPDATE SET "supporters" = "supporters" + 1;
END;

CREATE TRIGGER "Supporter_activity_delete" AFTER DELETE ON "Supporter"
WHEN OLD."status" <> 'erased' AND OLD."lastActiveAt" IS NOT NULL
BEGIN
  UPDATE "SupporterActivity" SET "supporters" = "supporters" - 1
  WHERE "campaignId" = OLD."campaignId"
    AND "day" = CAST(julianday(OLD."lastActiveAt") - 2440587.5 AS INTEGER);
END;

CREATE TRIGGER "Supporter_activity_update"
AFTER UPDATE OF "lastActiveAt", "status", "campaignId" ON "Supporter"
WHEN (OLD."status" <> 'erased' AND OLD."lastActiveAt" IS NOT NULL)
    IS NOT (NEW."status" <> 'erased' AND NEW."lastActiveAt" IS NOT NULL)
  OR (NEW."status" <> 'erased' AND NEW."lastActiveAt" IS NOT NULL AND (
    OLD."campaignId" <> NEW."campaignId"
    OR CAST(julianday(OLD."lastActiveAt") - 2440587.5 AS INTEGER)
      <> CAST(julianday(NEW."lastActiveAt") - 2440587.5 AS INTEGER)))
BEGIN
  UPDATE "SupporterActivity" SET "supporters" = "supporters" - 1
  WHERE "campaignId" = OLD."campaignId"
    AND "day" = CAST(julianday(OLD."lastActiveAt") - 2440587.5 AS INTEGER)
    AND OLD."status" <> 'erased' AND OLD."lastActiveAt" IS NOT NULL;
  INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
  SELECT NEW."campaignId", CAST(julianday(NEW."lastActiveAt") - 2440587.5 AS INTEGER), 1
  WHERE NEW."status" <> 'erased' AND NEW."lastActiveAt" IS NOT NULL
  ON CONFLICT ("campaignId", "day") DO UPDATE SET "supporters" = "supporters" + 1;
END;

-- Supporters per campaign and UTC day of their registration ("consentAt", which erasure clears).
INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
SELECT "campaignId", CAST(julianday("consentAt") - 2440587.5 AS INTEGER) AS "d", COUNT(*)
FROM "Supporter" WHERE "consentAt" IS NOT NULL
GROUP BY "campaignId", "d";

CREATE TRIGGER "Supporter_registration_insert" AFTER INSERT ON "Supporter"
WHEN NEW."consentAt" IS NOT NULL
BEGIN
  INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
  VALUES (NEW."campaignId", CAST(julianday(NEW."consentAt") - 2440587.5 AS INTEGER), 1)
  ON CONFLICT ("campaignId", "day") DO UPDATE SET "supporters" = "supporters" + 1;
END;

CREATE TRIGGER "Supporter_registration_delete" AFTER DELETE ON "Supporter"
WHEN OLD."consentAt" IS NOT NULL
BEGIN
  UPDATE "SupporterRegistration" SET "supporters" = "supporters" - 1
  WHERE "campaignId" = OLD."campaignId"
    AND "day" = CAST(julianday(OLD."consentAt") - 2440587.5 AS INTEGER);
END;

CREATE TRIGGER "Supporter_registration_update"
AFTER UPDATE OF "consentAt", "campaignId" ON "Supporter"
WHEN (OLD."consentAt" IS NULL) IS NOT (NEW."consentAt" IS NULL)
  OR (NEW."consentAt" IS NOT NULL AND (
    OLD."campaignId" <> NEW."campaignId"
    OR CAST(julianday(OLD."consentAt") - 2440587.5 AS INTEGER)
      <> CAST(julianday(NEW."consentAt") - 2440587.5 AS INTEGER)))
BEGIN
  UPDATE "SupporterRegistration" SET "supporters" = "supporters" - 1
  WHERE "campaignId" = OLD."campaignId"
    AND "day" = CAST(julianday(OLD."consentAt") - 2440587.5 AS INTEGER)
    AND OLD."consentAt" IS NOT NULL;
  INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
  SELECT NEW."campaignId", CAST(julianday(NEW."consentAt") - 2440587.5 AS INTEGER), 1
  WHERE NEW."consentAt" IS NOT NULL
  ON CONFLICT ("campaignId", "day") DO UPDATE SET "supporters" = "supporters" + 1;
END;
