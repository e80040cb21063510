import { addDaysToKey, daysBetweenKeys } from "../../../dates";
import { dayKey } from "../../../format";
import { compatibleInstant, offsetMinutesAt, wallClockAt } from "../../../time-zones";
import type { CardState, RatingName, StateName } from "../scheduler";
import type { AnkiCardRow, AnkiRevlogRow } from "./schema";

// kubelearn's FSRS state as Anki's card columns and review log. Anki keeps scheduling in its own
// units (see ./schema.ts), so this maps what has an equivalent and leaves out what does not:
// a review card's interval and due day, a learning card's due time, reps and lapses, and the FSRS
// memory state in `cards.data`, which Anki uses when FSRS is on in its deck options.

const DAY_SECONDS = 86_400;
/** Anki's default "next day starts at" hour, in the learner's local time (config key `rollover`). */
export const ANKI_ROLLOVER_HOUR = 4;
/** Anki's default ease for a card that has left the new queue (SM-2 users get a sane start). */
export const ANKI_DEFAULT_FACTOR = 2500;
/** ts-fsrs' default learning steps (1m, 10m) and relearning step (10m): Anki's defaults too. */
const LEARNING_STEPS = 2;
const RELEARNING_STEPS = 1;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * How Anki counts review days in a collection, for a learner in one time zone. Read from
 * ankitects/anki rslib/src/scheduler/timing.rs (`sched_timing_today_v2_new`, `days_elapsed`) and
 * scheduler/mod.rs (`timing_for_timestamp`): with `creationOffset` set, today's day number is the
 * calendar date of now (at the current UTC offset) minus the calendar date of `crt` (at
 * `creationOffset`), one less while now is before the rollover hour. Offsets are minutes WEST of UTC
 * (config/mod.rs, `FixedOffset::west_opt(v * 60)`): Auckland at UTC+13 is −780, Los Angeles at
 * UTC−7 is 420. A review card is due on day `due`, so an instant's day is its local calendar date
 * (the day before, before 04:00) counted from crt's: by dates, not 24-hour steps, as Anki does, so a
 * daylight-saving change between the two moves nothing.
 */
export interface AnkiDayCount {
  /** `col.crt`: 04:00 local time on the learner's day of `start` (seconds). */
  crt: number;
  /** `creationOffset`: the zone's UTC offset at crt, in minutes west. */
  creationOffset: number;
  /** The Anki day number an instant falls on (negative before crt's day). */
  dayOf(instant: Date): number;
}

/** What a clock in `zone` reads at `instant`, as a date key, after the day rolls over at 04:00. */
function ankiDateKey(instant: Date, zone: string): string {
  const key = dayKey(instant, zone);
  return wallClockAt(instant, zone).hour < ANKI_ROLLOVER_HOUR ? addDaysToKey(key, -1) : key;
}

/** Minutes west of UTC, as Anki stores an offset (the opposite sign of "UTC+13"). */
export const minutesWest = (instant: Date, zone: string) => -offsetMinutesAt(instant, zone) || 0;

/** A collection created at the rollover on the learner's day of `start`, in `zone`. */
export function ankiDayCount(start: Date, zone: string): AnkiDayCount {
  const startKey = ankiDateKey(start, zone);
  const [year, month, day] = startKey.split("-").map(Number);
  // 04:00 that happens twice is the first of the two; one skipped by a clock change is an hour on (same date).
  const created = compatibleInstant({ year, month, day, hour: ANKI_ROLLOVER_HOUR, minute: 0, second: 0 }, zone);
  return {
    crt: seconds(created),
    creationOffset: minutesWest(created, zone),
    dayOf: (instant) => daysBetweenKeys(startKey, ankiDateKey(instant, zone)),
  };
}

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
  days: AnkiDayCount,
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
        due: days.dayOf(state.due),
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
