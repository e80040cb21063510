-- DropIndex
DROP INDEX "Assignment_classId_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

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
