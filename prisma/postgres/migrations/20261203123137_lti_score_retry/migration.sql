-- DropIndex
DROP INDEX "LtiScoreSend_status_idx";

-- AlterTable
ALTER TABLE "LtiScoreSend" ADD COLUMN     "nextTryAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "LtiScoreSend_status_nextTryAt_idx" ON "LtiScoreSend"("status", "nextTryAt");
