-- AlterTable
ALTER TABLE "User" ADD COLUMN     "colorScheme" TEXT NOT NULL DEFAULT 'system';
