-- CreateTable
CREATE TABLE "DrillProgress" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "drillSlug" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "DrillProgress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DrillProgress_userId_drillSlug_key" ON "DrillProgress"("userId", "drillSlug");

-- AddForeignKey
ALTER TABLE "DrillProgress" ADD CONSTRAINT "DrillProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
