// Run by e2e/review-log.ts under tsx, as scripts/seed.ts runs before the server (the spec's own
// process never loads the Prisma client): gives the account with this e-mail a simulated review log,
// ~900 ratings over the 120 days before today, by a learner with a stronger memory than FSRS's
// defaults assume.
// Usage: DATABASE_URL=… tsx e2e/seed-review-log.ts <email>
import { createDb } from "../lib/db/create-db";
import { insertReviewLog, strongLearnerLog } from "../lib/flashcards/service/test-support/review-log";

const DAY = 86_400_000;

async function main(email: string) {
  const db = createDb();
  try {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new Error(`no account ${email}`);
    // Up to the last midnight UTC, so the log's days (and so the optimiser's result) do not depend on
    // the time of day the spec runs at.
    const log = strongLearnerLog(new Date(Math.floor(Date.now() / DAY) * DAY));
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
