-- CreateTable
CREATE TABLE "DeliveryBudget" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAt" REAL NOT NULL
);
