import type { Db } from "../../../db/create-db";
import type { LoggedRating } from "../../core/fsrs-training";
import { DEFAULT_PARAMETERS } from "../../core/scheduler";
import { simulateReviewLog } from "../../core/simulated-review-log";

// A review log written straight into FlashcardReview, for the optimiser's service tests and the
// end-to-end seed. Only the columns the optimiser reads (card, rating, time, undone) carry meaning.

/** A memory that keeps cards about three times as long as FSRS's defaults expect, and gains more from each review. */
export const STRONG_MEMORY: readonly number[] = DEFAULT_PARAMETERS.map((w, i) =>
  i < 4 ? w * 3 : i === 8 ? w + 0.6 : w,
);

const DAY = 86_400_000;

/** About 900 ratings of 120 cards over the 120 days before `end`, by a learner with STRONG_MEMORY. */
export const strongLearnerLog = (end: Date, seed = 7): LoggedRating[] =>
  simulateReviewLog({ seed, cards: 120, start: new Date(end.getTime() - 120 * DAY), end, memory: STRONG_MEMORY });

export async function insertReviewLog(db: Db, userId: string, log: readonly LoggedRating[]): Promise<void> {
  const versions = new Map<string, number>();
  const rows = log.map((r) => {
    const version = (versions.get(r.cardId) ?? 0) + 1;
    versions.set(r.cardId, version);
    return {
      userId,
      cardId: r.cardId,
      rating: r.rating,
      stateBefore: version === 1 ? "New" : "Review",
      stateAfter: "Review",
      dueAfter: r.review,
      stability: 1,
      difficulty: 5,
      resultVersion: version,
      review: r.review,
    };
  });
  await db.flashcardReview.createMany({ data: rows });
}
