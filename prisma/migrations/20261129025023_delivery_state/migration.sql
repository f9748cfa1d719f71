-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "lastErrorKind" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "requestMethod" TEXT NOT NULL,
    "requestUrl" TEXT NOT NULL,
    "requestHeaders" JSONB NOT NULL,
    "requestBody" BLOB,
    "responseStatus" INTEGER,
    "responseHeaders" JSONB,
    "responseBody" TEXT,
    "responseTruncated" BOOLEAN NOT NULL DEFAULT false,
    "errorKind" TEXT,
    "error" TEXT,
    CONSTRAINT "Attempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Attempt" ("deliveryId", "durationMs", "error", "id", "number", "requestBody", "requestHeaders", "requestMethod", "requestUrl", "responseBody", "responseHeaders", "responseStatus", "startedAt") SELECT "deliveryId", "durationMs", "error", "id", "number", "requestBody", "requestHeaders", "requestMethod", "requestUrl", "responseBody", "responseHeaders", "responseStatus", "startedAt" FROM "Attempt";
DROP TABLE "Attempt";
ALTER TABLE "new_Attempt" RENAME TO "Attempt";
CREATE UNIQUE INDEX "Attempt_deliveryId_number_key" ON "Attempt"("deliveryId", "number");
CREATE TABLE "new_WebhookRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "dateFormat" TEXT NOT NULL DEFAULT 'standard',
    "headers" JSONB NOT NULL,
    "params" JSONB NOT NULL,
    "body" TEXT,
    "rpcMethod" TEXT,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "retryAttempts" INTEGER NOT NULL DEFAULT 4,
    "retrySchedule" TEXT NOT NULL DEFAULT 'exponential',
    "signingEnabled" BOOLEAN NOT NULL DEFAULT false,
    "signingSecret" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "pausedAt" DATETIME,
    "pausedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WebhookEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookRequest" ("body", "createdAt", "dateFormat", "eventId", "format", "headers", "id", "method", "params", "position", "retryAttempts", "retrySchedule", "rpcMethod", "signingEnabled", "signingSecret", "timeoutMs", "updatedAt", "url") SELECT "body", "createdAt", "dateFormat", "eventId", "format", "headers", "id", "method", "params", "position", "retryAttempts", "retrySchedule", "rpcMethod", "signingEnabled", "signingSecret", "timeoutMs", "updatedAt", "url" FROM "WebhookRequest";
DROP TABLE "WebhookRequest";
ALTER TABLE "new_WebhookRequest" RENAME TO "WebhookRequest";
CREATE INDEX "WebhookRequest_eventId_position_idx" ON "WebhookRequest"("eventId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
