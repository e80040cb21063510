import { completionTime, type LessonProgressRecord } from "../progress/core/lesson-status";
import type { Db } from "./create-db";

export type { LessonProgressRecord } from "../progress/core/lesson-status";

const select = {
  lessonSlug: true,
  startedAt: true,
  lastViewedAt: true,
  completedAt: true,
  timeSpentSec: true,
  lastSectionId: true,
} as const;

/** Every method takes the signed-in user's id: there is no way to read or write another user's rows. */
export class LessonProgressRepository {
  constructor(private readonly db: Db) {}

  /** Records a visit: starts the lesson on first view, moves "last viewed" on later ones. */
  recordVisit(userId: string, lessonSlug: string, now: Date): Promise<LessonProgressRecord> {
    return this.db.lessonProgress.upsert({
      where: { userId_lessonSlug: { userId, lessonSlug } },
      create: { userId, lessonSlug, startedAt: now, lastViewedAt: now },
      update: { lastViewedAt: now },
      select,
    });
  }

  /** Adds reading time (already capped by the service) and remembers the section being read. */
  async recordActivity(
    userId: string,
    lessonSlug: string,
    input: { seconds: number; sectionId?: string | null },
    now: Date,
  ): Promise<LessonProgressRecord> {
    const { seconds } = input;
    return this.db.lessonProgress.upsert({
      where: { userId_lessonSlug: { userId, lessonSlug } },
      create: {
        userId,
        lessonSlug,
        startedAt: now,
        lastViewedAt: now,
        timeSpentSec: seconds,
        lastSectionId: input.sectionId ?? null,
      },
      update: {
        lastViewedAt: now,
        timeSpentSec: { increment: seconds },
        ...(input.sectionId !== undefined ? { lastSectionId: input.sectionId } : {}),
      },
      select,
    });
  }

  /** Marks complete or not complete; completing twice keeps the first completion time. */
  async setCompleted(userId: string, lessonSlug: string, completed: boolean, now: Date): Promise<LessonProgressRecord> {
    const existing = await this.find(userId, lessonSlug);
    const completedAt = completionTime(existing?.completedAt, completed, now);
    return this.db.lessonProgress.upsert({
      where: { userId_lessonSlug: { userId, lessonSlug } },
      create: { userId, lessonSlug, startedAt: now, lastViewedAt: now, completedAt },
      update: { completedAt, lastViewedAt: now },
      select,
    });
  }

  find(userId: string, lessonSlug: string): Promise<LessonProgressRecord | null> {
    return this.db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug } }, select });
  }

  /** All of a user's progress, most recently viewed first. */
  listForUser(userId: string): Promise<LessonProgressRecord[]> {
    return this.db.lessonProgress.findMany({ where: { userId }, orderBy: { lastViewedAt: "desc" }, select });
  }
}
