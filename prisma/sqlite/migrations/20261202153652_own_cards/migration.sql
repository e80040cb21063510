-- CreateTable
CREATE TABLE "OwnCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "lessonSlug" TEXT,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OwnCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OwnCard_userId_createdAt_idx" ON "OwnCard"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OwnCard_userId_sourceRef_key" ON "OwnCard"("userId", "sourceRef");
