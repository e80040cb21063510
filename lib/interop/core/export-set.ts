import type { ContentLibrary } from "../../content/load-content";
import type { Lesson } from "../../content/types";
import { COURSE_TARGET, type QuizScope } from "../../quiz/core/attempt";
import { questionPool } from "../../quiz/core/pool";
import type { QuizSeed } from "../../quiz/core/seeded";
import type { Question } from "../../quiz/core/types";
import { fail, ok, type Result } from "../../result";

/** The seed an export uses unless told otherwise: the same one `quiz:preview` shows. */
export const DEFAULT_EXPORT_SEED = 1;

/** One lesson's whole question pool, with where it sits in the course. */
export interface LessonQuestions {
  slug: string;
  title: string;
  moduleId: string;
  moduleTitle: string;
  questions: Question[];
}

/** What an export writes: every question of a lesson's, a module's or the course's pool, lesson by lesson. */
export interface ExportSet {
  scope: QuizScope;
  target: string;
  title: string;
  seed: QuizSeed;
  lessons: LessonQuestions[];
}

type Library = Pick<ContentLibrary, "modules" | "lessons">;

function lessonsOf(library: Library, scope: QuizScope, target: string): { title: string; lessons: Lesson[] } | null {
  switch (scope) {
    case "lesson": {
      const lesson = library.lessons.find((l) => l.slug === target);
      return lesson ? { title: lesson.title, lessons: [lesson] } : null;
    }
    case "module": {
      const module = library.modules.find((m) => m.id === target);
      return module && module.lessons.length > 0 ? { title: module.title, lessons: module.lessons } : null;
    }
    case "course":
      return target === COURSE_TARGET && library.lessons.length > 0
        ? { title: "The whole course", lessons: library.lessons }
        : null;
    default:
      return scope satisfies never;
  }
}

/**
 * The pools to export, built the way quizzes build them (lib/quiz/core/pool.ts) from the seed:
 * the same content and seed always give the same questions, so an export can be repeated.
 */
export function exportSet(library: Library, scope: QuizScope, target: string, seed: QuizSeed): Result<ExportSet> {
  const found = lessonsOf(library, scope, target);
  if (!found) return fail(unknownTarget(library, scope, target));
  const moduleTitle = new Map(library.modules.map((m) => [m.id, m.title]));
  return ok({
    scope,
    target,
    title: found.title,
    seed,
    lessons: found.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      moduleId: l.module,
      moduleTitle: moduleTitle.get(l.module) ?? l.module,
      questions: questionPool(l, seed),
    })),
  });
}

function unknownTarget(library: Library, scope: QuizScope, target: string): string {
  switch (scope) {
    case "lesson":
      return `There is no lesson "${target}". Lessons: ${library.lessons.map((l) => l.slug).join(", ")}.`;
    case "module":
      return `There is no module "${target}". Modules: ${library.modules.map((m) => m.id).join(", ")}.`;
    case "course":
      return `The course export's target is "${COURSE_TARGET}".`;
    default:
      return scope satisfies never;
  }
}

/**
 * A target as a person types it: `course`, a lesson slug or a module id, or spelled out as
 * `lesson:<slug>` / `module:<id>` when a name is both.
 */
export function resolveTarget(library: Library, text: string): Result<{ scope: QuizScope; target: string }> {
  const spelled = /^(lesson|module|course):(.+)$/.exec(text);
  if (spelled) return ok({ scope: spelled[1] as QuizScope, target: spelled[2] });
  if (text === COURSE_TARGET) return ok({ scope: "course", target: COURSE_TARGET });
  const isLesson = library.lessons.some((l) => l.slug === text);
  const isModule = library.modules.some((m) => m.id === text && m.lessons.length > 0);
  if (isLesson && isModule)
    return fail(`"${text}" is both a lesson and a module: write lesson:${text} or module:${text}.`);
  if (isLesson) return ok({ scope: "lesson", target: text });
  if (isModule) return ok({ scope: "module", target: text });
  return fail(
    `There is no lesson or module "${text}". Lessons: ${library.lessons.map((l) => l.slug).join(", ")}. ` +
      `Modules: ${library.modules.map((m) => m.id).join(", ")}. Or "${COURSE_TARGET}" for the whole course.`,
  );
}

/** How many questions an export holds. */
export const questionCount = (set: ExportSet) => set.lessons.reduce((n, l) => n + l.questions.length, 0);
