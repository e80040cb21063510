-- AlterTable
ALTER TABLE "LtiScoreSend" ADD COLUMN     "leaseUntil" TIMESTAMP(3);
