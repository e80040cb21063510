// Where a class stands on its assignments: pure, from members, assignments and finished attempts.

import type { AssignmentScope } from "./assignment-kinds";

export interface AssignmentInfo {
  id: string;
  scope: AssignmentScope;
  target: string;
  dueAt: Date;
  /** When the instructor assigned it: attempts started before do not count. */
  createdAt: Date;
}

export interface MemberInfo {
  userId: string;
  /** When the learner joined the class: attempts started before do not count. */
  joinedAt: Date;
}

export interface FinishedAttempt {
  id: string;
  userId: string;
  scope: string;
  target: string;
  score: number;
  startedAt: Date;
  completedAt: Date;
}

export type CellStatus = "on-time" | "late" | "missing" | "open";

export interface ResultCell {
  status: CellStatus;
  /** Best score of attempts finished by the due date (on time), else the best late one. */
  score: number | null;
  /** The attempt that score comes from, to open its review; null while there is none. */
  attemptId: string | null;
  /** Attempts that count for the assignment (started once the learner was in the class and it was assigned). */
  attempts: number;
  /** When that attempt was finished (handed in); null while there is none. */
  submittedAt: Date | null;
}

export interface ClassResults {
  /** By member id, then assignment id. */
  cells: Record<string, Record<string, ResultCell>>;
  /** Per assignment: how many finished on time, and the mean of their best scores. */
  summary: Record<string, { onTime: number; late: number; missing: number; average: number | null }>;
}

/**
 * Whether an attempt counts for a member's assignment: the same quiz, started once the learner had
 * joined the class and the quiz had been assigned. An attempt made before either was practice, not
 * the class's work (and must not show a learner who joined late as done on time).
 */
export function countsFor(attempt: FinishedAttempt, member: MemberInfo, assignment: AssignmentInfo): boolean {
  return (
    attempt.userId === member.userId &&
    attempt.scope === assignment.scope &&
    attempt.target === assignment.target &&
    attempt.startedAt.getTime() >= member.joinedAt.getTime() &&
    attempt.startedAt.getTime() >= assignment.createdAt.getTime()
  );
}

/** The attempt with the best score (the first of equal ones), or null for none. */
function best(list: readonly FinishedAttempt[]): FinishedAttempt | null {
  let top: FinishedAttempt | null = null;
  for (const t of list) if (!top || t.score > top.score) top = t;
  return top;
}

const counted = (status: "on-time" | "late", t: FinishedAttempt, attempts: number): ResultCell => ({
  status,
  score: t.score,
  attemptId: t.id,
  attempts,
  submittedAt: t.completedAt,
});

function resultCell(mine: readonly FinishedAttempt[], a: AssignmentInfo, now: Date): ResultCell {
  const onTime = best(mine.filter((t) => t.completedAt.getTime() <= a.dueAt.getTime()));
  if (onTime) return counted("on-time", onTime, mine.length);
  const late = best(mine);
  if (late) return counted("late", late, mine.length);
  return {
    status: now.getTime() > a.dueAt.getTime() ? "missing" : "open",
    score: null,
    attemptId: null,
    attempts: 0,
    submittedAt: null,
  };
}

export function classResults(
  members: readonly MemberInfo[],
  assignments: readonly AssignmentInfo[],
  attempts: readonly FinishedAttempt[],
  now: Date,
): ClassResults {
  const cells: ClassResults["cells"] = {};
  const summary: ClassResults["summary"] = {};
  for (const a of assignments) summary[a.id] = { onTime: 0, late: 0, missing: 0, average: null };
  const scores: Record<string, number[]> = {};
  for (const member of members) {
    cells[member.userId] = {};
    const own = attempts.filter((t) => t.userId === member.userId);
    for (const a of assignments) {
      const cell = resultCell(
        own.filter((t) => countsFor(t, member, a)),
        a,
        now,
      );
      cells[member.userId][a.id] = cell;
      if (cell.status === "on-time") summary[a.id].onTime++;
      if (cell.status === "late") summary[a.id].late++;
      if (cell.status === "missing") summary[a.id].missing++;
      if (cell.score !== null) {
        scores[a.id] ??= [];
        scores[a.id].push(cell.score);
      }
    }
  }
  for (const a of assignments) {
    const list = scores[a.id];
    summary[a.id].average = list?.length ? list.reduce((x, y) => x + y, 0) / list.length : null;
  }
  return { cells, summary };
}

/** A code learners type to join: no vowels or look-alike characters, grouped for reading aloud. */
export function formatJoinCode(random: Uint8Array): string {
  const alphabet = "BCDFGHJKLMNPQRSTVWXZ23456789";
  const chars = [...random.slice(0, 8)].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

export const normaliseJoinCode = (input: string) => {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
};
