-- DropIndex
DROP INDEX "Assignment_classId_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'LEARNER',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_User" ("createdAt", "email", "id", "name", "passwordHash", "role", "sessionVersion") SELECT "createdAt", "email", "id", "name", "passwordHash", "role", "sessionVersion" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Class" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Class_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Class" ("createdAt", "id", "instructorId", "joinCode", "name") SELECT "createdAt", "id", "instructorId", "joinCode", "name" FROM "Class";
DROP TABLE "Class";
ALTER TABLE "new_Class" RENAME TO "Class";
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");
CREATE INDEX "Class_instructorId_idx" ON "Class"("instructorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Written by hand: classes could be given the same quiz twice before this migration. Keep the first
-- assignment of each quiz per class (the earliest created, then the smallest id) so the unique key
-- below can be created (its due date is the one learners saw first).
DELETE FROM "Assignment" WHERE EXISTS (
    SELECT 1 FROM "Assignment" AS "first"
    WHERE "first"."classId" = "Assignment"."classId"
      AND "first"."scope" = "Assignment"."scope"
      AND "first"."target" = "Assignment"."target"
      AND ("first"."createdAt" < "Assignment"."createdAt"
           OR ("first"."createdAt" = "Assignment"."createdAt" AND "first"."id" < "Assignment"."id"))
);

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_classId_scope_target_key" ON "Assignment"("classId", "scope", "target");
