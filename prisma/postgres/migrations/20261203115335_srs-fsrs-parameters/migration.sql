-- AlterTable
ALTER TABLE "SrsSettings" ADD COLUMN     "fsrsParameters" TEXT,
ADD COLUMN     "parametersOptimisedAt" TIMESTAMP(3);
