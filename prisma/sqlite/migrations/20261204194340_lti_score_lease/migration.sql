-- AlterTable
ALTER TABLE "LtiScoreSend" ADD COLUMN "leaseUntil" DATETIME;
