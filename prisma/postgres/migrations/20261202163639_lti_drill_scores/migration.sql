-- AlterTable
ALTER TABLE "LtiScoreSend" ADD COLUMN     "drillRunId" TEXT,
ALTER COLUMN "attemptId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "LtiScoreSend_drillRunId_key" ON "LtiScoreSend"("drillRunId");

-- AddForeignKey
ALTER TABLE "LtiScoreSend" ADD CONSTRAINT "LtiScoreSend_drillRunId_fkey" FOREIGN KEY ("drillRunId") REFERENCES "DrillProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;
