import type { ContentLibrary } from "../../content/load-content";
import { type ReadingTime, readingTime } from "../../content/reading-time";
import type { Lesson, ModuleInfo } from "../../content/types";
import { type LessonProgressRecord, type LessonStatus, statusOf } from "./lesson-status";

export interface CourseMapLesson {
  lesson: Lesson;
  readingTime: ReadingTime;
  /** The lessons to read first, in the order the author listed them, each with whether it is done. */
  prerequisites: { slug: string; title: string; completed: boolean }[];
  status: LessonStatus;
  /** Best finished score of the lesson quiz (0..1), or null when none is finished. */
  bestQuizScore: number | null;
}

export interface CourseMapModule extends ModuleInfo {
  lessons: CourseMapLesson[];
  minutes: number;
  completed: number;
}

/**
 * The course in order (modules by order, lessons by order) with each lesson's reading time,
 * prerequisites and where the learner stands. An anonymous visitor passes no progress.
 */
export function courseMap(
  library: Pick<ContentLibrary, "modules" | "lessons">,
  progress: LessonProgressRecord[] = [],
  bestQuizScores: ReadonlyMap<string, number> = new Map(),
): CourseMapModule[] {
  const records = new Map(progress.map((p) => [p.lessonSlug, p]));
  const titles = new Map(library.lessons.map((l) => [l.slug, l.title]));
  return library.modules.map(({ lessons, ...module }) => {
    const entries = lessons.map(
      (lesson): CourseMapLesson => ({
        lesson,
        readingTime: readingTime(lesson),
        prerequisites: lesson.prerequisites
          .filter((slug) => titles.has(slug))
          .map((slug) => ({ slug, title: titles.get(slug)!, completed: statusOf(records.get(slug)) === "completed" })),
        status: statusOf(records.get(lesson.slug)),
        bestQuizScore: bestQuizScores.get(lesson.slug) ?? null,
      }),
    );
    return {
      ...module,
      lessons: entries,
      minutes: entries.reduce((sum, e) => sum + e.readingTime.minutes, 0),
      completed: entries.filter((e) => e.status === "completed").length,
    };
  });
}
