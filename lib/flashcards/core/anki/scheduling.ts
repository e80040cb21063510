import type { CardState, RatingName, StateName } from "../scheduler";
import type { AnkiCardRow, AnkiRevlogRow } from "./schema";

// kubelearn's FSRS state as Anki's card columns and review log. Anki keeps scheduling in its own
// units (see ./schema.ts), so this maps what has an equivalent and leaves out what does not:
// a review card's interval and due day, a learning card's due time, reps and lapses, and the FSRS
// memory state in `cards.data`, which Anki uses when FSRS is on in its deck options.

const DAY_SECONDS = 86_400;
/** Anki's default "next day starts at" hour; the collection is created at that hour, in UTC. */
export const ANKI_ROLLOVER_HOUR = 4;
/** Anki's default ease for a card that has left the new queue (SM-2 users get a sane start). */
export const ANKI_DEFAULT_FACTOR = 2500;
/** ts-fsrs' default learning steps (1m, 10m) and relearning step (10m): Anki's defaults too. */
const LEARNING_STEPS = 2;
const RELEARNING_STEPS = 1;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * `col.crt`: 04:00 UTC on or before `at`. With the collection's creationOffset at 0, Anki counts
 * review days from there (rslib/src/scheduler/timing.rs `sched_timing_today_v2_new`), so day N
 * runs from crt + N days; in another time zone Anki's day boundary moves by the offset.
 */
export function collectionCreation(at: Date): number {
  const day = Math.floor((seconds(at) - ANKI_ROLLOVER_HOUR * 3600) / DAY_SECONDS);
  return day * DAY_SECONDS + ANKI_ROLLOVER_HOUR * 3600;
}

/** The day index Anki stores for a review card due at `due`. */
export const dayIndex = (due: Date, crt: number) => Math.floor((seconds(due) - crt) / DAY_SECONDS);

type Scheduling = Pick<AnkiCardRow, "type" | "queue" | "due" | "ivl" | "factor" | "reps" | "lapses" | "left" | "data">;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Anki ≥ 23.10's card data: FSRS stability (days), difficulty (1–10), desired retention, last review (s). */
function memoryState(state: CardState, desiredRetention: number | undefined): string {
  return JSON.stringify({
    s: round4(state.stability),
    d: round4(state.difficulty),
    ...(desiredRetention === undefined ? {} : { dr: desiredRetention }),
    ...(state.lastReview ? { lrt: seconds(state.lastReview) } : {}),
  });
}

/** A card as new, at `position` in the new queue: what a lesson's deck holds, and cards never reviewed. */
export const newCardScheduling = (position: number): Scheduling => ({
  type: 0,
  queue: 0,
  due: position,
  ivl: 0,
  factor: 0,
  reps: 0,
  lapses: 0,
  left: 0,
  data: "{}",
});

/** The learner's state of one card as Anki's columns; a card never reviewed stays new at `position`. */
export function cardScheduling(
  state: CardState | null,
  position: number,
  crt: number,
  desiredRetention?: number,
): Scheduling {
  if (!state || state.state === "New") return newCardScheduling(position);
  const common = {
    factor: ANKI_DEFAULT_FACTOR,
    reps: state.reps,
    lapses: state.lapses,
    data: memoryState(state, desiredRetention),
  };
  switch (state.state) {
    case "Learning":
      return {
        ...common,
        type: 1,
        queue: 1,
        due: seconds(state.due),
        ivl: 0,
        left: Math.max(1, LEARNING_STEPS - state.learningSteps),
      };
    case "Relearning":
      // Anki keeps the interval the card returns to; FSRS decides it when relearning ends.
      return {
        ...common,
        type: 3,
        queue: 1,
        due: seconds(state.due),
        ivl: Math.max(1, state.scheduledDays),
        left: Math.max(1, RELEARNING_STEPS - state.learningSteps),
      };
    case "Review":
      return {
        ...common,
        type: 2,
        queue: 2,
        due: dayIndex(state.due, crt),
        ivl: Math.max(1, state.scheduledDays),
        left: 0,
      };
    default: {
      const unknown: never = state.state;
      throw new Error(`unknown card state ${unknown}`);
    }
  }
}

/** One rating, as the export needs it from the review log. */
export interface ReviewForAnki {
  cardId: string;
  rating: RatingName;
  stateBefore: StateName;
  stateAfter: StateName;
  review: Date;
  dueAfter: Date;
  difficulty: number;
}

const EASE: Record<RatingName, AnkiRevlogRow["ease"]> = { again: 1, hard: 2, good: 3, easy: 4 };
const REVIEW_KIND: Record<StateName, AnkiRevlogRow["type"]> = { New: 0, Learning: 0, Review: 1, Relearning: 2 };

/** The interval a rating gave: whole days for a review card, else negative seconds (Anki's revlog convention). */
function intervalAfter(r: ReviewForAnki): number {
  const ms = r.dueAfter.getTime() - r.review.getTime();
  if (r.stateAfter === "Review") return Math.max(1, Math.round(ms / (DAY_SECONDS * 1000)));
  return -Math.max(1, Math.round(ms / 1000));
}

/** FSRS difficulty (1–10) as Anki's revlog stores it: normalised to 0–1, plus 0.1, in thousandths (rslib/src/card `difficulty_shifted`). */
export const revlogFactor = (difficulty: number) => Math.round(((difficulty - 1) / 9 + 0.1) * 1000);

/**
 * One revlog row per rating (undone ratings left out by the caller), oldest first. Ratings of cards
 * the package does not hold (a card since removed from its lesson) are skipped. Anki's revlog id is
 * the review time in milliseconds and must be unique, so two ratings in one millisecond are a
 * millisecond apart.
 */
export function revlogRows(reviews: readonly ReviewForAnki[], ankiCardId: (cardId: string) => number | undefined) {
  const rows: AnkiRevlogRow[] = [];
  const lastInterval = new Map<number, number>();
  let previousId = 0;
  for (const r of [...reviews].sort((a, b) => a.review.getTime() - b.review.getTime())) {
    const cid = ankiCardId(r.cardId);
    if (cid === undefined) continue;
    const id = Math.max(r.review.getTime(), previousId + 1);
    previousId = id;
    const ivl = intervalAfter(r);
    rows.push({
      id,
      cid,
      usn: 0,
      ease: EASE[r.rating],
      ivl,
      lastIvl: lastInterval.get(cid) ?? 0,
      factor: revlogFactor(r.difficulty),
      time: 0,
      type: REVIEW_KIND[r.stateBefore],
    });
    lastInterval.set(cid, ivl);
  }
  return rows;
}
