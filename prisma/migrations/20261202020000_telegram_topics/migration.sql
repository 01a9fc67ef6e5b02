-- AlterTable
ALTER TABLE "ChatSpace" ADD COLUMN "announceTopicId" TEXT;
