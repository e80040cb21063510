-- AlterTable
ALTER TABLE "DrillProgress" ADD COLUMN     "failedChecks" INTEGER NOT NULL DEFAULT 0;
