-- AlterTable
ALTER TABLE "DrillProgress" ADD COLUMN     "stepStart" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Added by hand: a run saved before this migration keeps every event it has as history, so the
-- prediction guard and the fixed-history check apply only to what is typed from now on.
UPDATE "DrillProgress" SET "stepStart" = json_array_length("events"::json);
