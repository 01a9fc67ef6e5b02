-- CreateTable
CREATE TABLE "Conversation" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "question" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Conversation_expiresAt_idx" ON "Conversation"("expiresAt");
