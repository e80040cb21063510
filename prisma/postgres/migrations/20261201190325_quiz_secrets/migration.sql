-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "questions" TEXT,
ADD COLUMN     "secret" TEXT,
ALTER COLUMN "seed" SET DATA TYPE TEXT;
