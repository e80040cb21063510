import { addDaysToKey, daysBetweenKeys } from "../../dates";
import { dayKey } from "../../format";

// A learner's study over time, for the activity charts: what they did on each calendar day of
// their own zone, their streak, and each week's reviews and quiz scores. Pure: the moments of each
// kind of work, the clock and the zone. Study is what learners do, as `learnersAtRisk` counts it:
// answering a quiz question, rating a flashcard (undone ratings are not passed in), a drill step.

/** Weeks the calendar shows, ending with the current one. */
export const ACTIVITY_WEEKS = 12;

export interface ActivityInput {
  quizAnswers: readonly { at: Date; score: number }[];
  ratings: readonly Date[];
  drillSteps: readonly Date[];
}

export interface ActivityDay {
  /** `YYYY-MM-DD` in the learner's zone. */
  date: string;
  quizAnswers: number;
  reviews: number;
  drillSteps: number;
  total: number;
  /** Whether the day is after today (the rest of the current week): drawn empty, not as a quiet day. */
  future: boolean;
}

export interface ActivityWeek {
  /** The Monday the week starts on (ISO 8601 weeks), `YYYY-MM-DD`. */
  start: string;
  reviews: number;
  quizAnswers: number;
  /** Mean score of the week's quiz answers (0..1), null in a week without any. */
  quizScore: number | null;
  drillSteps: number;
}

export interface Activity {
  /** Every day from the Monday ACTIVITY_WEEKS − 1 weeks ago to this week's Sunday, in order. */
  days: ActivityDay[];
  weeks: ActivityWeek[];
  /**
   * Consecutive days with study ending today, or ending yesterday while today is still open (a
   * streak is not broken before the day is over); the longest such run in the calendar.
   */
  streak: { current: number; longest: number };
  activeDays: number;
}

/** 0 for Monday … 6 for Sunday, of a `YYYY-MM-DD` calendar day. */
const weekdayOf = (key: string) => (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;

export function activity(input: ActivityInput, now: Date, timeZone: string): Activity {
  const today = dayKey(now, timeZone);
  const thisMonday = addDaysToKey(today, -weekdayOf(today));
  const first = addDaysToKey(thisMonday, -7 * (ACTIVITY_WEEKS - 1));
  const days: ActivityDay[] = Array.from({ length: 7 * ACTIVITY_WEEKS }, (_, i) => {
    const date = addDaysToKey(first, i);
    return { date, quizAnswers: 0, reviews: 0, drillSteps: 0, total: 0, future: date > today };
  });
  const dayAt = (instant: Date) => {
    const i = daysBetweenKeys(first, dayKey(instant, timeZone));
    return i >= 0 && i < days.length && !days[i].future ? days[i] : null;
  };
  const scores = Array.from({ length: ACTIVITY_WEEKS }, () => ({ sum: 0, n: 0 }));
  for (const a of input.quizAnswers) {
    const day = dayAt(a.at);
    if (!day) continue;
    day.quizAnswers++;
    const week = scores[Math.floor(daysBetweenKeys(first, day.date) / 7)];
    week.sum += a.score;
    week.n++;
  }
  for (const r of input.ratings) {
    const day = dayAt(r);
    if (day) day.reviews++;
  }
  for (const s of input.drillSteps) {
    const day = dayAt(s);
    if (day) day.drillSteps++;
  }
  for (const d of days) d.total = d.quizAnswers + d.reviews + d.drillSteps;

  const weeks = scores.map((score, w) => {
    const inWeek = days.slice(7 * w, 7 * w + 7);
    const sum = (pick: (d: ActivityDay) => number) => inWeek.reduce((s, d) => s + pick(d), 0);
    return {
      start: inWeek[0].date,
      reviews: sum((d) => d.reviews),
      quizAnswers: sum((d) => d.quizAnswers),
      quizScore: score.n > 0 ? score.sum / score.n : null,
      drillSteps: sum((d) => d.drillSteps),
    };
  });

  const past = days.filter((d) => !d.future);
  let longest = 0;
  let run = 0;
  for (const d of past) {
    run = d.total > 0 ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  // Today without study yet does not end the streak: count back from yesterday then.
  let current = 0;
  const last = past.length - 1;
  for (let i = past[last].total > 0 ? last : last - 1; i >= 0 && past[i].total > 0; i--) current++;
  return { days, weeks, streak: { current, longest }, activeDays: past.filter((d) => d.total > 0).length };
}
