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
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    CONSTRAINT "DrillProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DrillProgress" ("completedAt", "drillSlug", "events", "id", "results", "startedAt", "updatedAt", "userId") SELECT "completedAt", "drillSlug", "events", "id", "results", "startedAt", "updatedAt", "userId" FROM "DrillProgress";
DROP TABLE "DrillProgress";
ALTER TABLE "new_DrillProgress" RENAME TO "DrillProgress";
CREATE UNIQUE INDEX "DrillProgress_userId_drillSlug_key" ON "DrillProgress"("userId", "drillSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Added by hand: a run saved before this migration keeps every event it has as history, so the
-- prediction guard and the fixed-history check apply only to what is typed from now on.
UPDATE "DrillProgress" SET "stepStart" = json_array_length("events");
