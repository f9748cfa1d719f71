-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "renderedSealed" TEXT;
