-- CreateTable
CREATE TABLE "DeliveryBudget" (
    "key" TEXT NOT NULL,
    "nextAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "DeliveryBudget_pkey" PRIMARY KEY ("key")
);
