-- AlterTable
ALTER TABLE "SupporterCount" ADD COLUMN     "reachable" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SupporterActivity" (
    "campaignId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "supporters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SupporterActivity_pkey" PRIMARY KEY ("campaignId","day")
);

-- CreateTable
CREATE TABLE "SupporterRegistration" (
    "campaignId" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "supporters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SupporterRegistration_pkey" PRIMARY KEY ("campaignId","day")
);

-- AddForeignKey
ALTER TABLE "SupporterActivity" ADD CONSTRAINT "SupporterActivity_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupporterRegistration" ADD CONSTRAINT "SupporterRegistration_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Reachable supporters (consented, active, reminders on) per campaign: the audience of a
-- broadcast to everyone, kept by the same statement triggers as "registered".
UPDATE "SupporterCount" c SET "reachable" = (SELECT COUNT(*) FROM "Supporter" s
  WHERE s."campaignId" = c."campaignId" AND s."consentAt" IS NOT NULL
    AND s."status" = 'active' AND s."remindersEnabled" = true);

-- Supporters (not erased) per campaign and UTC day of their last activity, and per campaign and
-- UTC day of their registration (days since 1970-01-01; timestamps are stored in UTC). Erasure
-- clears "lastActiveAt" and "consentAt".
INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
SELECT "campaignId", "lastActiveAt"::date - DATE '1970-01-01' AS "d", COUNT(*)
FROM "Supporter" WHERE "status" <> 'erased' AND "lastActiveAt" IS NOT NULL
GROUP BY "campaignId", "d";

INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
SELECT "campaignId", "consentAt"::date - DATE '1970-01-01' AS "d", COUNT(*)
FROM "Supporter" WHERE "consentAt" IS NOT NULL
GROUP BY "campaignId", "d";

-- Statement-level, over the rows each statement changed (the triggers of supporter_count call
-- this function): a bulk insert updates each count once. A statement's change is what its new
-- rows add minus what its old rows added, so an update that moves no count (most activity: same
-- day, same status) writes nothing and locks none of the shared counter rows. Days are written
-- in key order, so concurrent statements cannot deadlock on them.
CREATE OR REPLACE FUNCTION "supporter_count_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    WITH changed AS (
      SELECT 1 AS sign, "campaignId", "consentAt", "status", "remindersEnabled", "lastActiveAt"
      FROM new_rows),
    counts AS (
      UPDATE "SupporterCount" c
      SET "registered" = c."registered" + d.registered, "reachable" = c."reachable" + d.reachable
      FROM (
        SELECT "campaignId",
          SUM(CASE WHEN "consentAt" IS NOT NULL AND "status" <> 'erased' THEN sign ELSE 0 END)
            AS registered,
          SUM(CASE WHEN "consentAt" IS NOT NULL AND "status" = 'active' AND "remindersEnabled"
            THEN sign ELSE 0 END) AS reachable
        FROM changed GROUP BY "campaignId") d
      WHERE c."campaignId" = d."campaignId" AND (d.registered <> 0 OR d.reachable <> 0)
      RETURNING 1),
    active AS (
      INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
      SELECT "campaignId", "lastActiveAt"::date - DATE '1970-01-01' AS "d", SUM(sign)
      FROM changed WHERE "status" <> 'erased' AND "lastActiveAt" IS NOT NULL
      GROUP BY "campaignId", "d" HAVING SUM(sign) <> 0
      ORDER BY "campaignId", "d"
      ON CONFLICT ("campaignId", "day")
      DO UPDATE SET "supporters" = "SupporterActivity"."supporters" + EXCLUDED."supporters"
      RETURNING 1)
    INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
    SELECT "campaignId", "consentAt"::date - DATE '1970-01-01' AS "d", SUM(sign)
    FROM changed WHERE "consentAt" IS NOT NULL
    GROUP BY "campaignId", "d" HAVING SUM(sign) <> 0
    ORDER BY "campaignId", "d"
    ON CONFLICT ("campaignId", "day")
    DO UPDATE SET "supporters" = "SupporterRegistration"."supporters" + EXCLUDED."supporters";
  ELSIF TG_OP = 'DELETE' THEN
    WITH changed AS (
      SELECT -1 AS sign, "campaignId", "consentAt", "status", "remindersEnabled", "lastActiveAt"
      FROM old_rows),
    counts AS (
      UPDATE "SupporterCount" c
      SET "registered" = c."registered" + d.registered, "reachable" = c."reachable" + d.reachable
      FROM (
        SELECT "campaignId",
          SUM(CASE WHEN "consentAt" IS NOT NULL AND "status" <> 'erased' THEN sign ELSE 0 END)
            AS registered,
          SUM(CASE WHEN "consentAt" IS NOT NULL AND "status" = 'active' AND "remindersEnabled"
            THEN sign ELSE 0 END) AS reachable
        FROM changed GROUP BY "campaignId") d
      WHERE c."campaignId" = d."campaignId" AND (d.registered <> 0 OR d.reachable <> 0)
      RETURNING 1),
    active AS (
      INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
      SELECT "campaignId", "lastActiveAt"::date - DATE '1970-01-01' AS "d", SUM(sign)
      FROM changed WHERE "status" <> 'erased' AND "lastActiveAt" IS NOT NULL
      GROUP BY "campaignId", "d" HAVING SUM(sign) <> 0
      ORDER BY "campaignId", "d"
      ON CONFLICT ("campaignId", "day")
      DO UPDATE SET "supporters" = "SupporterActivity"."supporters" + EXCLUDED."supporters"
      RETURNING 1)
    INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
    SELECT "campaignId", "consentAt"::date - DATE '1970-01-01' AS "d", SUM(sign)
    FROM changed WHERE "consentAt" IS NOT NULL
    GROUP BY "campaignId", "d" HAVING SUM(sign) <> 0
    ORDER BY "campaignId", "d"
    ON CONFLICT ("campaignId", "day")
    DO UPDATE SET "supporters" = "SupporterRegistration"."supporters" + EXCLUDED."supporters";
  ELSE
    WITH changed AS (
      SELECT -1 AS sign, "campaignId", "consentAt", "status", "remindersEnabled", "lastActiveAt"
      FROM old_rows
      UNION ALL
      SELECT 1, "campaignId", "consentAt", "status", "remindersEnabled", "lastActiveAt"
      FROM new_rows),
    counts AS (
      UPDATE "SupporterCount" c
      SET "registered" = c."registered" + d.registered, "reachable" = c."reachable" + d.reachable
      FROM (
        SELECT "campaignId",
          SUM(CASE WHEN "consentAt" IS NOT NULL AND "status" <> 'erased' THEN sign ELSE 0 END)
            AS registered,
          SUM(CASE WHEN "consentAt" IS NOT NULL AND "status" = 'active' AND "remindersEnabled"
            THEN sign ELSE 0 END) AS reachable
        FROM changed GROUP BY "campaignId") d
      WHERE c."campaignId" = d."campaignId" AND (d.registered <> 0 OR d.reachable <> 0)
      RETURNING 1),
    active AS (
      INSERT INTO "SupporterActivity" ("campaignId", "day", "supporters")
      SELECT "campaignId", "lastActiveAt"::date - DATE '1970-01-01' AS "d", SUM(sign)
      FROM changed WHERE "status" <> 'erased' AND "lastActiveAt" IS NOT NULL
      GROUP BY "campaignId", "d" HAVING SUM(sign) <> 0
      ORDER BY "campaignId", "d"
      ON CONFLICT ("campaignId", "day")
      DO UPDATE SET "supporters" = "SupporterActivity"."supporters" + EXCLUDED."supporters"
      RETURNING 1)
    INSERT INTO "SupporterRegistration" ("campaignId", "day", "supporters")
    SELECT "campaignId", "consentAt"::date - DATE '1970-01-01' AS "d", SUM(sign)
    FROM changed WHERE "consentAt" IS NOT NULL
    GROUP BY "campaignId", "d" HAVING SUM(sign) <> 0
    ORDER BY "campaignId", "d"
    ON CONFLICT ("campaignId", "day")
    DO UPDATE SET "supporters" = "SupporterRegistration"."supporters" + EXCLUDED."supporters";
  END IF;
  RETURN NULL;
END
$$;
