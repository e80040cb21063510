import { type FSRSState, forgetting_curve, fsrs, generatorParameters } from "ts-fsrs";
import { daysBetweenKeys } from "../../dates";
import { dayKey } from "../../format";
import { RATINGS, type RatingName } from "./scheduler";

// A learner's review log as training data for the FSRS optimiser, the way Anki prepares it: each
// card's ratings in order, each with the number of the learner's days since the card's previous
// rating (0 for the first, and for a second rating the same day). Days run from midnight to
// midnight in the learner's time zone, as every other count of days here does.
//
// The optimiser (fsrs-rs, behind @open-spaced-repetition/binding) learns from one item per rating
// after a card's first: the ratings up to and including that one, the last being the one to
// predict. Only ratings given on a later day than the card's first count (fsrs-rs keeps an item only
// when it includes a review with delta_t > 0, `long_term_review_cnt`). fsrs-rs's compute_parameters
// (src/training.rs) returns the default parameters for fewer than 8 such items and fits only the
// four initial stabilities for fewer than 64; from 64 it trains all of them. We ask for 64.

/** How many ratings of cards on a later day than their first the optimiser needs to fit every parameter. */
export const MIN_TRAINING_REVIEWS = 64;

/** The number of weights of FSRS-6, which ts-fsrs schedules with and the optimiser fits. */
export const FSRS_PARAMETER_COUNT = 21;

/** One rating as the log keeps it (undone ratings already left out). */
export interface LoggedRating {
  cardId: string;
  rating: RatingName;
  review: Date;
}

/** One rating as FSRS trains on it: 1 Again … 4 Easy, and the learner's days since the card's previous rating. */
export interface TrainingReview {
  rating: 1 | 2 | 3 | 4;
  deltaT: number;
}

const GRADE = Object.fromEntries(RATINGS.map((r, i) => [r, i + 1])) as Record<RatingName, TrainingReview["rating"]>;

const QUARTER_HOUR = 900_000;

/**
 * The learner's calendar day of an instant, remembered per quarter hour: every zone's offset is a
 * whole number of quarter hours, so no quarter hour of UTC straddles a local midnight, and a session's
 * ratings share one look-up instead of one Intl call each.
 */
function learnerDay(timeZone: string): (instant: Date) => string {
  const days = new Map<number, string>();
  return (instant) => {
    const quarter = Math.floor(instant.getTime() / QUARTER_HOUR);
    let day = days.get(quarter);
    if (day === undefined) {
      day = dayKey(instant, timeZone);
      days.set(quarter, day);
    }
    return day;
  };
}

/**
 * Each card's ratings in the order given, with days between them counted in `timeZone`: one list per
 * card, in the order the cards were first rated.
 */
export function cardHistories(log: readonly LoggedRating[], timeZone: string): TrainingReview[][] {
  const byCard = new Map<string, LoggedRating[]>();
  for (const r of log) {
    const list = byCard.get(r.cardId);
    if (list) list.push(r);
    else byCard.set(r.cardId, [r]);
  }
  const histories = [...byCard.values()].map((ratings) =>
    // A stable sort: two ratings of one card at the same instant keep the log's order.
    [...ratings].sort((a, b) => a.review.getTime() - b.review.getTime()),
  );
  histories.sort((a, b) => a[0].review.getTime() - b[0].review.getTime());
  const dayOf = learnerDay(timeZone);
  return histories.map((ratings) => {
    let previousDay: string | null = null;
    return ratings.map((r) => {
      const day = dayOf(r.review);
      const deltaT = previousDay === null ? 0 : daysBetweenKeys(previousDay, day);
      previousDay = day;
      return { rating: GRADE[r.rating], deltaT };
    });
  });
}

/**
 * The optimiser's items: for every rating of a card on a later day than its first, the card's
 * ratings up to and including it.
 */
export function trainingItems(histories: readonly TrainingReview[][]): TrainingReview[][] {
  const items: TrainingReview[][] = [];
  for (const history of histories) {
    let laterDay = false;
    for (let end = 1; end < history.length; end++) {
      laterDay ||= history[end].deltaT > 0;
      if (laterDay) items.push(history.slice(0, end + 1));
    }
  }
  return items;
}

/**
 * The items whose last rating came on a later day than the one before it: what log loss and RMSE
 * are measured on (fsrs-rs's evaluate refuses an item whose last rating is a same-day one).
 */
export const evaluationItems = (items: readonly TrainingReview[][]): TrainingReview[][] =>
  items.filter((item) => item[item.length - 1].deltaT > 0);

/** Whether `value` is a set of FSRS-6 weights ts-fsrs and the optimiser accept. */
export function isParameterSet(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length === FSRS_PARAMETER_COUNT &&
    value.every((w) => typeof w === "number" && Number.isFinite(w))
  );
}

export interface PredictedRecall {
  /** Ratings measured: those given on a later day than the card's previous rating. */
  reviews: number;
  /** The mean probability of recall the parameters gave each of them just before it (0..1). */
  predicted: number;
  /** The share of them the learner did recall (not rated Again). */
  actual: number;
}

/**
 * What `parameters` predict over the learner's own log: replaying each card's ratings through FSRS's
 * memory model, the retrievability (forgetting curve R(t, S)) at every rating on a later day than
 * the one before, averaged; beside it, the share of those the learner recalled. A model that fits
 * the learner predicts close to what happened.
 */
export function predictedRecall(
  histories: readonly TrainingReview[][],
  parameters: readonly number[],
): PredictedRecall {
  const model = fsrs(generatorParameters({ w: parameters, enable_short_term: true }));
  let reviews = 0;
  let predicted = 0;
  let recalled = 0;
  for (const history of histories) {
    let memory: FSRSState | null = null;
    for (const review of history) {
      if (memory && review.deltaT > 0) {
        reviews++;
        predicted += forgetting_curve(parameters, review.deltaT, memory.stability);
        if (review.rating > 1) recalled++;
      }
      memory = model.next_state(memory, review.deltaT, review.rating);
    }
  }
  return reviews === 0
    ? { reviews, predicted: 0, actual: 0 }
    : { reviews, predicted: predicted / reviews, actual: recalled / reviews };
}
