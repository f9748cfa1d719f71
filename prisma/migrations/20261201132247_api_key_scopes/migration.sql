-- Existing keys keep every right they had: they become admin keys.
-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "scopes" TEXT NOT NULL DEFAULT 'admin';
