import { daysBetweenKeys } from "../../dates";
import { dayKey } from "../../format";
import type { ClassResults } from "./results";

// Learners an instructor should look at: work past its due date and not done, or a week without
// studying. Pure: the class's results, each member's last activity, the clock and the class's zone.
//
// Activity is what a learner does, not what they look at: answering a quiz question, rating a
// flashcard (undone ratings do not count), or working in a drill (a command or a prediction).
// Opening a lesson is not activity here: a tab left open would hide a learner who has stopped.

/**
 * Whole calendar days, in the class's zone, without activity before a learner counts as inactive.
 * Today is not counted (it is not over): last active on the 2nd, a learner is at risk from the 10th,
 * after seven quiet days, the 3rd to the 9th.
 */
export const QUIET_DAYS_AT_RISK = 7;

export interface RiskMember {
  userId: string;
  name: string;
  joinedAt: Date;
}

export interface RiskAssignment {
  id: string;
  title: string;
  dueAt: Date;
}

export type RiskReason =
  | { kind: "missing-work"; assignments: RiskAssignment[] }
  /** `lastActive` null: nothing since joining (counted from `joinedAt`). */
  | { kind: "inactive"; lastActive: Date | null; quietDays: number };

export interface LearnerAtRisk {
  userId: string;
  name: string;
  reasons: RiskReason[];
}

/** Whole days in `timeZone` after the day of `since` and before the day of `now`. */
export function quietDaysBetween(since: Date, now: Date, timeZone: string): number {
  return Math.max(0, daysBetweenKeys(dayKey(since, timeZone), dayKey(now, timeZone)) - 1);
}

export function learnersAtRisk(input: {
  members: readonly RiskMember[];
  assignments: readonly RiskAssignment[];
  results: ClassResults;
  /** Each member's latest activity (see above); absent for a member who has done nothing. */
  lastActivity: ReadonlyMap<string, Date>;
  now: Date;
  /** The class's zone: its days are the ones counted. */
  timeZone: string;
}): LearnerAtRisk[] {
  const out: LearnerAtRisk[] = [];
  for (const m of input.members) {
    const reasons: RiskReason[] = [];
    const missing = input.assignments.filter((a) => input.results.cells[m.userId]?.[a.id]?.status === "missing");
    if (missing.length > 0) reasons.push({ kind: "missing-work", assignments: missing });
    const lastActive = input.lastActivity.get(m.userId) ?? null;
    // Counted from joining at the earliest: a learner who joined yesterday is not flagged for last month.
    const since = lastActive && lastActive > m.joinedAt ? lastActive : m.joinedAt;
    const quietDays = quietDaysBetween(since, input.now, input.timeZone);
    if (quietDays >= QUIET_DAYS_AT_RISK) reasons.push({ kind: "inactive", lastActive, quietDays });
    if (reasons.length > 0) out.push({ userId: m.userId, name: m.name, reasons });
  }
  // Both reasons first, then the most missing work, then the longest quiet; by name within a tie.
  const weight = (l: LearnerAtRisk) =>
    l.reasons.reduce((w, r) => w + (r.kind === "missing-work" ? 1000 * r.assignments.length : r.quietDays), 0);
  return out.sort(
    (a, b) => b.reasons.length - a.reasons.length || weight(b) - weight(a) || a.name.localeCompare(b.name),
  );
}
