-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DrillProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "drillSlug" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "stepStart" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "failedChecks" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "DrillProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DrillProgress" ("completedAt", "drillSlug", "events", "id", "results", "startedAt", "stepStart", "updatedAt", "userId", "version") SELECT "completedAt", "drillSlug", "events", "id", "results", "startedAt", "stepStart", "updatedAt", "userId", "version" FROM "DrillProgress";
DROP TABLE "DrillProgress";
ALTER TABLE "new_DrillProgress" RENAME TO "DrillProgress";
CREATE UNIQUE INDEX "DrillProgress_userId_drillSlug_key" ON "DrillProgress"("userId", "drillSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
