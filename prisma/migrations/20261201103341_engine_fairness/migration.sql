-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Project" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Kyiv',
    "gaMeasurementId" TEXT,
    "gaApiSecret" TEXT,
    "webhookConfigVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Project" ("createdAt", "gaApiSecret", "gaMeasurementId", "id", "name", "timeZone", "updatedAt") SELECT "createdAt", "gaApiSecret", "gaMeasurementId", "id", "name", "timeZone", "updatedAt" FROM "Project";
DROP TABLE "Project";
ALTER TABLE "new_Project" RENAME TO "Project";
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
    "maxInFlight" INTEGER NOT NULL DEFAULT 8,
    "ratePerSecond" INTEGER,
    "rateWindowStart" DATETIME,
    "rateWindowCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "WebhookEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookRequest" ("body", "consecutiveFailures", "createdAt", "dateFormat", "eventId", "format", "headers", "id", "method", "params", "pausedAt", "pausedReason", "position", "retryAttempts", "retrySchedule", "rpcMethod", "signingEnabled", "signingSecret", "timeoutMs", "updatedAt", "url") SELECT "body", "consecutiveFailures", "createdAt", "dateFormat", "eventId", "format", "headers", "id", "method", "params", "pausedAt", "pausedReason", "position", "retryAttempts", "retrySchedule", "rpcMethod", "signingEnabled", "signingSecret", "timeoutMs", "updatedAt", "url" FROM "WebhookRequest";
DROP TABLE "WebhookRequest";
ALTER TABLE "new_WebhookRequest" RENAME TO "WebhookRequest";
CREATE INDEX "WebhookRequest_eventId_position_idx" ON "WebhookRequest"("eventId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Delivery_webhookRequestId_status_nextAttemptAt_idx" ON "Delivery"("webhookRequestId", "status", "nextAttemptAt");

-- Ingest caches each project's matching events and requests per process; any change to what
-- it reads moves the project's counter, whoever writes it (services, raw SQL, another process).
CREATE TRIGGER "WebhookEvent_config_insert" AFTER INSERT ON "WebhookEvent" BEGIN
  UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1 WHERE "id" = NEW."projectId";
END;
CREATE TRIGGER "WebhookEvent_config_update" AFTER UPDATE ON "WebhookEvent" BEGIN
  UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1 WHERE "id" IN (OLD."projectId", NEW."projectId");
END;
CREATE TRIGGER "WebhookEvent_config_delete" AFTER DELETE ON "WebhookEvent" BEGIN
  UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1 WHERE "id" = OLD."projectId";
END;
CREATE TRIGGER "WebhookRequest_config_insert" AFTER INSERT ON "WebhookRequest" BEGIN
  UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1
  WHERE "id" = (SELECT "projectId" FROM "WebhookEvent" WHERE "id" = NEW."eventId");
END;
CREATE TRIGGER "WebhookRequest_config_update" AFTER UPDATE OF "eventId", "position", "url", "method", "retryAttempts", "pausedAt" ON "WebhookRequest" BEGIN
  UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1
  WHERE "id" IN (SELECT "projectId" FROM "WebhookEvent" WHERE "id" IN (OLD."eventId", NEW."eventId"));
END;
CREATE TRIGGER "WebhookRequest_config_delete" AFTER DELETE ON "WebhookRequest" BEGIN
  UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1
  WHERE "id" = (SELECT "projectId" FROM "WebhookEvent" WHERE "id" = OLD."eventId");
END;
