-- AlterTable
ALTER TABLE "SupporterTag" ADD COLUMN     "declared" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "granted" BOOLEAN NOT NULL DEFAULT false;

-- Earlier rows cannot tell who gave them: they stay as declared skills, so that no self-given
-- tag keeps opening restricted tasks; organizers give access tags again with /tag add.
UPDATE "SupporterTag" SET "declared" = true;
