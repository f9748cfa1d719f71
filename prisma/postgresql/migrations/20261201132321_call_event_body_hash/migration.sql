-- AlterTable
ALTER TABLE "CallEvent" ADD COLUMN     "bodyHash" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_projectId_completedAt_idx" ON "Delivery"("projectId", "completedAt");

-- Retention now deletes finished deliveries by "completedAt": a finished row without one (none
-- is expected) would otherwise be kept for ever.
UPDATE "Delivery" SET "completedAt" = "updatedAt" WHERE "status" IN ('succeeded', 'failed') AND "completedAt" IS NULL;
