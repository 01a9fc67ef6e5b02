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

-- Statement-level, over the rows each statement changed: a bulk insert updates the count once,
-- not once per row (repeated updates of one row in one transaction grow with each update).
CREATE FUNCTION "supporter_count_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "SupporterCount" c SET "registered" = c."registered" - d.n
    FROM (SELECT "campaignId", COUNT(*) AS n FROM old_rows
          WHERE "consentAt" IS NOT NULL AND "status" <> 'erased' GROUP BY "campaignId") d
    WHERE c."campaignId" = d."campaignId";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "SupporterCount" c SET "registered" = c."registered" + d.n
    FROM (SELECT "campaignId", COUNT(*) AS n FROM new_rows
          WHERE "consentAt" IS NOT NULL AND "status" <> 'erased' GROUP BY "campaignId") d
    WHERE c."campaignId" = d."campaignId";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Supporter_count_insert" AFTER INSERT ON "Supporter"
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "supporter_count_change"();

CREATE TRIGGER "Supporter_count_update" AFTER UPDATE ON "Supporter"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "supporter_count_change"();

CREATE TRIGGER "Supporter_count_delete" AFTER DELETE ON "Supporter"
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "supporter_count_change"();
