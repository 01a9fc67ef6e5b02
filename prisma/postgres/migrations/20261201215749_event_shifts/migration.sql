/*
  Warnings:

  - A unique constraint covering the columns `[parentId,shiftNumber]` on the table `Event` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "label" TEXT,
ADD COLUMN     "parentId" INTEGER,
ADD COLUMN     "requiredTag" TEXT,
ADD COLUMN     "shiftNumber" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Event_parentId_shiftNumber_key" ON "Event"("parentId", "shiftNumber");

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
