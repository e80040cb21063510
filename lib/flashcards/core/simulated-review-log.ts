import { Rng } from "../../sim/rng";
import type { LoggedRating } from "./fsrs-training";
import { type CardState, newCardState, type RatingName, rate, retrievability } from "./scheduler";

// A learner whose memory follows FSRS with weights of our choosing, reviewing on the app's own
// schedule (the default weights), often a little late: a review log with a known answer, for tests of
// the optimiser, the benchmark and the end-to-end seed. Deterministic given the seed.

export interface SimulatedLogOptions {
  seed: number;
  /** How many cards the learner starts, one after another through the first half of the span. */
  cards: number;
  start: Date;
  /** No review at or after this instant. */
  end: Date;
  /** The weights of the learner's memory: whether they recall a card is drawn from R under these. */
  memory: readonly number[];
  /** Card ids are `${prefix}${n}`. */
  cardPrefix?: string;
}

const HOUR = 3_600_000;

function ratingFor(rng: Rng, recalled: boolean): RatingName {
  if (!recalled) return "again";
  const r = rng.next();
  return r < 0.15 ? "hard" : r < 0.9 ? "good" : "easy";
}

/** The ratings, oldest first. */
export function simulateReviewLog(o: SimulatedLogOptions): LoggedRating[] {
  const rng = new Rng(o.seed);
  const span = o.end.getTime() - o.start.getTime();
  const log: LoggedRating[] = [];
  for (let n = 0; n < o.cards; n++) {
    const cardId = `${o.cardPrefix ?? "sim:"}${n}`;
    let now = new Date(o.start.getTime() + Math.floor((span / 2) * (n / o.cards)));
    let scheduled: CardState | null = null;
    let remembered: CardState | null = null;
    while (now.getTime() < o.end.getTime()) {
      // A new card is known half the time; a reviewed one as well as the learner's memory says.
      const recall = remembered ? retrievability(remembered, now, o.memory) : 0.5;
      const rating = ratingFor(rng, rng.next() < recall);
      log.push({ cardId, rating, review: now });
      scheduled = rate(scheduled ?? newCardState(now), rating, now);
      remembered = rate(remembered ?? newCardState(now), rating, now, { desiredRetention: 0.9, parameters: o.memory });
      // Back when due, or up to a day and a half late.
      const late = scheduled.state === "Review" ? Math.floor(rng.next() * 36 * HOUR) : 0;
      now = new Date(Math.max(scheduled.due.getTime(), now.getTime() + 60_000) + late);
    }
  }
  return log.sort((a, b) => a.review.getTime() - b.review.getTime());
}
