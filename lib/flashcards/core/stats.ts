import { addDaysToKey, daysBetweenKeys } from "../../dates";
import { dayKey } from "../../format";
import type { RatingName, StateName } from "./scheduler";

export interface LoggedReview {
  rating: RatingName;
  /** The card's state before this review. */
  stateBefore: StateName;
  review: Date;
}

export interface SrsStatistics {
  /** The cards not suspended, by FSRS state. */
  byState: Record<StateName, number>;
  /** Suspended cards, whatever their state: left out of `byState` and of the forecast. */
  suspended: number;
  reviewsPerDay: { day: string; count: number }[];
  /** Share of reviews of mature cards (state Review) not rated Again; null before any such review. */
  trueRetention: { reviews: number; passed: number; rate: number | null };
  /** Cards coming due per day, today first (today includes everything overdue). */
  forecast: { day: string; count: number }[];
}

/**
 * Days are calendar days in the learner's `timeZone` (keyed `YYYY-MM-DD`): a review at 23:30 in Los
 * Angeles counts for that day, though it is already the next one in UTC.
 *
 * A suspended card is never due (core/session.ts), so it is counted on its own and not in the states
 * or the forecast; the reviews it had before it was suspended still count, since they happened.
 */
export function statistics(input: {
  totalCards: number;
  /** Every stored state, suspended ones included (a card without one is New). */
  states: { state: StateName; due: Date; suspended?: boolean }[];
  reviews: LoggedReview[];
  now: Date;
  timeZone: string;
  days?: number;
}): SrsStatistics {
  const days = input.days ?? 30;
  const zone = input.timeZone;
  const today = dayKey(input.now, zone);
  const byState: Record<StateName, number> = { New: 0, Learning: 0, Review: 0, Relearning: 0 };
  const active = input.states.filter((s) => !s.suspended);
  for (const s of active) byState[s.state]++;
  byState.New += Math.max(0, input.totalCards - input.states.length);

  const reviewsPerDay = Array.from({ length: days }, (_, i) => ({
    day: addDaysToKey(today, i - (days - 1)),
    count: 0,
  }));
  const dayIndex = new Map(reviewsPerDay.map((d, i) => [d.day, i]));
  for (const r of input.reviews) {
    const i = dayIndex.get(dayKey(r.review, zone));
    if (i !== undefined) reviewsPerDay[i].count++;
  }

  const mature = input.reviews.filter((r) => r.stateBefore === "Review");
  const passed = mature.filter((r) => r.rating !== "again").length;

  const forecast = Array.from({ length: days }, (_, i) => ({ day: addDaysToKey(today, i), count: 0 }));
  for (const s of active) {
    if (s.state === "New") continue;
    const offset = Math.max(0, daysBetweenKeys(today, dayKey(s.due, zone)));
    if (offset < days) forecast[offset].count++;
  }
  return {
    byState,
    suspended: input.states.length - active.length,
    reviewsPerDay,
    trueRetention: { reviews: mature.length, passed, rate: mature.length ? passed / mature.length : null },
    forecast,
  };
}
