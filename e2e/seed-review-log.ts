// Run by e2e/review-log.ts under tsx (the Prisma client is ESM, which Playwright's loader does not
// take): gives the account with this e-mail a simulated review log, ~900 ratings over 120 days
// up to now, by a learner with a stronger memory than FSRS's defaults assume.
// Usage: DATABASE_URL=… tsx e2e/seed-review-log.ts <email>
import { createDb } from "../lib/db/create-db";
import { insertReviewLog, strongLearnerLog } from "../lib/flashcards/service/test-support/review-log";

async function main(email: string) {
  const db = createDb();
  try {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new Error(`no account ${email}`);
    const log = strongLearnerLog(new Date());
    await insertReviewLog(db, user.id, log);
    console.log(`seeded ${log.length} ratings for ${email}`);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv[2] ?? "").catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
