-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupporterTag" (
    "campaignId" INTEGER NOT NULL,
    "supporterId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,
    "granted" BOOLEAN NOT NULL DEFAULT false,
    "declared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("supporterId", "tagId"),
    CONSTRAINT "SupporterTag_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupporterTag_supporterId_fkey" FOREIGN KEY ("supporterId") REFERENCES "Supporter" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupporterTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Earlier rows cannot tell who gave them: they stay as declared skills, so that no self-given
-- tag keeps opening restricted tasks; organizers give access tags again with /tag add.
INSERT INTO "new_SupporterTag" ("campaignId", "createdAt", "supporterId", "tagId", "declared") SELECT "campaignId", "createdAt", "supporterId", "tagId", true FROM "SupporterTag";
DROP TABLE "SupporterTag";
ALTER TABLE "new_SupporterTag" RENAME TO "SupporterTag";
CREATE INDEX "SupporterTag_tagId_idx" ON "SupporterTag"("tagId");
CREATE INDEX "SupporterTag_campaignId_idx" ON "SupporterTag"("campaignId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
