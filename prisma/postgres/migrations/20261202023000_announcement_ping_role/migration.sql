-- AlterTable
ALTER TABLE "ChatSpace" ADD COLUMN     "pingRoleId" TEXT;
