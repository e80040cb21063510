// Where a class stands on its assignments: pure, from members, assignments and finished attempts.

import type { QuizScope } from "../../quiz/core/attempt";

export interface AssignmentInfo {
  id: string;
  scope: QuizScope;
  target: string;
  dueAt: Date;
}

export interface FinishedAttempt {
  userId: string;
  scope: string;
  target: string;
  score: number;
  completedAt: Date;
}

export type CellStatus = "on-time" | "late" | "missing" | "open";

export interface ResultCell {
  status: CellStatus;
  /** Best score of attempts finished by the due date (on time), else the best late one. */
  score: number | null;
  attempts: number;
}

export interface ClassResults {
  /** By member id, then assignment id. */
  cells: Record<string, Record<string, ResultCell>>;
  /** Per assignment: how many finished on time, and the mean of their best scores. */
  summary: Record<string, { onTime: number; late: number; missing: number; average: number | null }>;
}

export function classResults(
  memberIds: readonly string[],
  assignments: readonly AssignmentInfo[],
  attempts: readonly FinishedAttempt[],
  now: Date,
): ClassResults {
  const cells: ClassResults["cells"] = {};
  const summary: ClassResults["summary"] = {};
  for (const a of assignments) summary[a.id] = { onTime: 0, late: 0, missing: 0, average: null };
  const scores: Record<string, number[]> = {};
  for (const userId of memberIds) {
    cells[userId] = {};
    for (const a of assignments) {
      const mine = attempts.filter((t) => t.userId === userId && t.scope === a.scope && t.target === a.target);
      const onTime = mine.filter((t) => t.completedAt.getTime() <= a.dueAt.getTime());
      const best = (list: FinishedAttempt[]) => (list.length ? Math.max(...list.map((t) => t.score)) : null);
      let cell: ResultCell;
      if (onTime.length) cell = { status: "on-time", score: best(onTime), attempts: mine.length };
      else if (mine.length) cell = { status: "late", score: best(mine), attempts: mine.length };
      else cell = { status: now.getTime() > a.dueAt.getTime() ? "missing" : "open", score: null, attempts: 0 };
      cells[userId][a.id] = cell;
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
