-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "webhookConfigVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "WebhookRequest" ADD COLUMN     "maxInFlight" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "ratePerSecond" INTEGER,
ADD COLUMN     "rateWindowCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rateWindowStart" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Delivery_webhookRequestId_status_nextAttemptAt_idx" ON "Delivery"("webhookRequestId", "status", "nextAttemptAt");

-- Ingest caches each project's matching events and requests per process; any change to what
-- it reads moves the project's counter, whoever writes it (services, raw SQL, another process).
CREATE FUNCTION "bump_webhook_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'WebhookEvent' THEN
    IF TG_OP <> 'INSERT' THEN
      UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1 WHERE "id" = OLD."projectId";
    END IF;
    IF TG_OP <> 'DELETE' THEN
      UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1 WHERE "id" = NEW."projectId";
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN
      UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1
      WHERE "id" = (SELECT "projectId" FROM "WebhookEvent" WHERE "id" = OLD."eventId");
    END IF;
    IF TG_OP <> 'DELETE' THEN
      UPDATE "Project" SET "webhookConfigVersion" = "webhookConfigVersion" + 1
      WHERE "id" = (SELECT "projectId" FROM "WebhookEvent" WHERE "id" = NEW."eventId");
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "WebhookEvent_config_change" AFTER INSERT OR UPDATE OR DELETE ON "WebhookEvent"
  FOR EACH ROW EXECUTE FUNCTION "bump_webhook_config_version"();
CREATE TRIGGER "WebhookRequest_config_change"
  AFTER INSERT OR DELETE OR UPDATE OF "eventId", "position", "url", "method", "retryAttempts", "pausedAt" ON "WebhookRequest"
  FOR EACH ROW EXECUTE FUNCTION "bump_webhook_config_version"();
