-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "callId" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "caller" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "requestMethod" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "requestUrl" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "resendBatchId" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_projectId_status_checkedAt_createdAt_idx" ON "Delivery"("projectId", "status", "checkedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Delivery_resendBatchId_status_idx" ON "Delivery"("resendBatchId", "status");
