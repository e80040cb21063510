-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LtiScoreSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT,
    "drillRunId" TEXT,
    "platformId" TEXT NOT NULL,
    "lineItemUrl" TEXT NOT NULL,
    "sub" TEXT NOT NULL,
    "scoreGiven" REAL NOT NULL,
    "scoreMax" REAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "LtiScoreSend_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiScoreSend_drillRunId_fkey" FOREIGN KEY ("drillRunId") REFERENCES "DrillProgress" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiScoreSend_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LtiScoreSend" ("attemptId", "createdAt", "id", "lastError", "lineItemUrl", "platformId", "scoreGiven", "scoreMax", "sentAt", "status", "sub", "tries") SELECT "attemptId", "createdAt", "id", "lastError", "lineItemUrl", "platformId", "scoreGiven", "scoreMax", "sentAt", "status", "sub", "tries" FROM "LtiScoreSend";
DROP TABLE "LtiScoreSend";
ALTER TABLE "new_LtiScoreSend" RENAME TO "LtiScoreSend";
CREATE UNIQUE INDEX "LtiScoreSend_attemptId_key" ON "LtiScoreSend"("attemptId");
CREATE UNIQUE INDEX "LtiScoreSend_drillRunId_key" ON "LtiScoreSend"("drillRunId");
CREATE INDEX "LtiScoreSend_status_idx" ON "LtiScoreSend"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
