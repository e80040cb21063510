import { execFileSync } from "node:child_process";
import { E2E_DATABASE_URL } from "../playwright.config";

/** Gives a signed-up learner a review log large enough to optimise their FSRS parameters from. */
export function seedReviewLog(email: string): void {
  execFileSync("./node_modules/.bin/tsx", ["e2e/seed-review-log.ts", email], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    stdio: "pipe",
  });
}
