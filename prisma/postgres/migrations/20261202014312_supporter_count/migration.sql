-- CreateTable
CREATE TABLE "SupporterCount" (
    "campaignId" INTEGER NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SupporterCount_pkey" PRIMARY KEY ("campaignId")
);

-- AddForeignKey
ALTER TABLE "SupporterCount" ADD CONSTRAINT "SupporterCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Registered supporters (consented, not erased) per campaign, kept by triggers on Supporter.
INSERT INTO "SupporterCount" ("campaignId", "registered")
SELECT c."id", (SELECT COUNT(*) FROM "Supporter" s
  WHERE s."campaignId" = c."id" AND s."consentAt" IS NOT NULL AND s."status" <> 'erased')
FROM "Campaign" c;

CREATE FUNCTION "campaign_count_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SupporterCount" ("campaignId", "registered") VALUES (NEW."id", 0)
  ON CONFLICT ("campaignId") DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Campaign_count_insert" AFTER INSERT ON "Campaign"
FOR EACH ROW EXECUTE FUNCTION "campaign_count_insert"();

CREATE FUNCTION "supporter_count_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."consentAt" IS NOT NULL AND OLD."status" <> 'erased' THEN
    UPDATE "SupporterCount" SET "registered" = "registered" - 1 WHERE "campaignId" = OLD."campaignId";
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."consentAt" IS NOT NULL AND NEW."status" <> 'erased' THEN
    UPDATE "SupporterCount" SET "registered" = "registered" + 1 WHERE "campaignId" = NEW."campaignId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Supporter_count_insert_delete" AFTER INSERT OR DELETE ON "Supporter"
FOR EACH ROW EXECUTE FUNCTION "supporter_count_change"();

CREATE TRIGGER "Supporter_count_update" AFTER UPDATE OF "consentAt", "status", "campaignId" ON "Supporter"
FOR EACH ROW
WHEN ((OLD."consentAt" IS NOT NULL AND OLD."status" <> 'erased')
  IS DISTINCT FROM (NEW."consentAt" IS NOT NULL AND NEW."status" <> 'erased')
  OR OLD."campaignId" <> NEW."campaignId")
EXECUTE FUNCTION "supporter_count_change"();
