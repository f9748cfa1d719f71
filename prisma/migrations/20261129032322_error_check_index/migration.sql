-- DropIndex
DROP INDEX "Delivery_projectId_status_checkedAt_createdAt_idx";

-- CreateIndex
CREATE INDEX "Delivery_errorCheck_idx" ON "Delivery"("projectId", "status", "checkedAt", "createdAt", "webhookEventId", "webhookRequestId", "lastErrorKind", "lastStatusCode");
