-- AlterTable
ALTER TABLE "WebhookRequest" ADD COLUMN "previousSigningSecret" TEXT;
ALTER TABLE "WebhookRequest" ADD COLUMN "previousSigningSecretUntil" DATETIME;
