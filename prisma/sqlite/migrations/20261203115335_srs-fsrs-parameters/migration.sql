-- AlterTable
ALTER TABLE "SrsSettings" ADD COLUMN "fsrsParameters" TEXT;
ALTER TABLE "SrsSettings" ADD COLUMN "parametersOptimisedAt" DATETIME;
