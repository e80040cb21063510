// Lesson progress rules: what a learner's record says about a lesson, and how much one reading
// heartbeat may count.

export interface LessonProgressRecord {
  lessonSlug: string;
  startedAt: Date;
  lastViewedAt: Date;
  completedAt: Date | null;
  timeSpentSec: number;
  lastSectionId: string | null;
}

export type LessonStatus = "not-started" | "in-progress" | "completed";

export const statusOf = (record: LessonProgressRecord | undefined | null): LessonStatus =>
  !record ? "not-started" : record.completedAt ? "completed" : "in-progress";

/** The longest visit one heartbeat may add; a tab left open overnight is not eight hours of study. */
export const MAX_SECONDS_PER_HEARTBEAT = 300;

/** Seconds one heartbeat adds: whole, never negative, never more than MAX_SECONDS_PER_HEARTBEAT. */
export const heartbeatSeconds = (seconds: number): number =>
  Math.max(0, Math.min(MAX_SECONDS_PER_HEARTBEAT, Math.round(seconds)));

/** The completion time to store: the first completion is kept; un-completing clears it. */
export const completionTime = (existing: Date | null | undefined, completed: boolean, now: Date): Date | null =>
  completed ? (existing ?? now) : null;
