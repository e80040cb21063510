-- CreateTable
CREATE TABLE "CardOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FlashcardState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "FlashcardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FlashcardState" ("cardId", "difficulty", "due", "elapsedDays", "id", "lapses", "lastReview", "learningSteps", "lessonSlug", "reps", "scheduledDays", "stability", "state", "userId", "version") SELECT "cardId", "difficulty", "due", "elapsedDays", "id", "lapses", "lastReview", "learningSteps", "lessonSlug", "reps", "scheduledDays", "stability", "state", "userId", "version" FROM "FlashcardState";
DROP TABLE "FlashcardState";
ALTER TABLE "new_FlashcardState" RENAME TO "FlashcardState";
CREATE INDEX "FlashcardState_userId_due_idx" ON "FlashcardState"("userId", "due");
CREATE UNIQUE INDEX "FlashcardState_userId_cardId_key" ON "FlashcardState"("userId", "cardId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CardOverride_userId_cardId_key" ON "CardOverride"("userId", "cardId");
