-- CreateTable
CREATE TABLE "SupporterCount" (
    "campaignId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "registered" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SupporterCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Registered supporters (consented, not erased) per campaign, kept by triggers on Supporter.
INSERT INTO "SupporterCount" ("campaignId", "registered")
SELECT "id", (SELECT COUNT(*) FROM "Supporter" s
  WHERE s."campaignId" = "Campaign"."id" AND s."consentAt" IS NOT NULL AND s."status" <> 'erased')
FROM "Campaign";

CREATE TRIGGER "Campaign_count_insert" AFTER INSERT ON "Campaign"
BEGIN
  INSERT INTO "SupporterCount" ("campaignId", "registered") VALUES (NEW."id", 0)
  ON CONFLICT ("campaignId") DO NOTHING;
END;

CREATE TRIGGER "Supporter_count_insert" AFTER INSERT ON "Supporter"
WHEN NEW."consentAt" IS NOT NULL AND NEW."status" <> 'erased'
BEGIN
  UPDATE "SupporterCount" SET "registered" = "registered" + 1 WHERE "campaignId" = NEW."campaignId";
END;

CREATE TRIGGER "Supporter_count_delete" AFTER DELETE ON "Supporter"
WHEN OLD."consentAt" IS NOT NULL AND OLD."status" <> 'erased'
BEGIN
  UPDATE "SupporterCount" SET "registered" = "registered" - 1 WHERE "campaignId" = OLD."campaignId";
END;

CREATE TRIGGER "Supporter_count_update" AFTER UPDATE OF "consentAt", "status", "campaignId" ON "Supporter"
WHEN (OLD."consentAt" IS NOT NULL AND OLD."status" <> 'erased') IS NOT (NEW."consentAt" IS NOT NULL AND NEW."status" <> 'erased')
  OR OLD."campaignId" <> NEW."campaignId"
BEGIN
  UPDATE "SupporterCount" SET "registered" = "registered" - 1
  WHERE "campaignId" = OLD."campaignId" AND OLD."consentAt" IS NOT NULL AND OLD."status" <> 'erased';
  UPDATE "SupporterCount" SET "registered" = "registered" + 1
  WHERE "campaignId" = NEW."campaignId" AND NEW."consentAt" IS NOT NULL AND NEW."status" <> 'erased';
END;
