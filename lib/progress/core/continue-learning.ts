import type { Lesson } from "../../content/types";

export interface ProgressLike {
  lessonSlug: string;
  lastViewedAt: Date;
  completedAt: Date | null;
  lastSectionId: string | null;
}

export type ContinueSuggestion =
  | { kind: "resume"; lesson: Lesson; sectionId: string | null }
  | { kind: "next"; lesson: Lesson }
  | { kind: "all-done" }
  | { kind: "no-lessons" };

/**
 * "Continue where you left off": the most recently viewed unfinished lesson, else "up next": the
 * first lesson in course order the learner has not completed whose prerequisites are all completed
 * (with no cycles, which content:check forbids, one always exists while any lesson is left), else
 * all done. Progress for lessons that no longer exist in content/ is ignored.
 */
export function continueLearning(lessonsInOrder: Lesson[], progress: ProgressLike[]): ContinueSuggestion {
  if (lessonsInOrder.length === 0) return { kind: "no-lessons" };
  const bySlug = new Map(lessonsInOrder.map((l) => [l.slug, l]));
  const unfinished = progress
    .filter((p) => !p.completedAt && bySlug.has(p.lessonSlug))
    .sort((a, b) => b.lastViewedAt.getTime() - a.lastViewedAt.getTime());
  if (unfinished.length > 0) {
    const latest = unfinished[0];
    const lesson = bySlug.get(latest.lessonSlug)!;
    const sectionId = lesson.toc.some((t) => t.id === latest.lastSectionId) ? latest.lastSectionId : null;
    return { kind: "resume", lesson, sectionId };
  }
  const completed = new Set(progress.filter((p) => p.completedAt).map((p) => p.lessonSlug));
  const open = lessonsInOrder.filter((l) => !completed.has(l.slug));
  const known = (slug: string) => bySlug.has(slug);
  const next = open.find((l) => l.prerequisites.filter(known).every((slug) => completed.has(slug))) ?? open[0];
  return next ? { kind: "next", lesson: next } : { kind: "all-done" };
}
