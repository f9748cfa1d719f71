-- AlterTable
ALTER TABLE "WebhookRequest" ADD COLUMN     "previousSigningSecret" TEXT,
ADD COLUMN     "previousSigningSecretUntil" TIMESTAMPTZ(3);
