import type { ContentLibrary } from "../../content/load-content";
import { type AttemptScope, COURSE_TARGET, quizHref } from "./attempt";

export const RETAKE_TITLE = "Retake: the questions you missed";
export const PRACTICE_TITLE = "Practice: your weakest concepts";

/** What a quiz is called and where it is taken, or null when the content no longer has it. */
export function describeQuiz(
  library: Pick<ContentLibrary, "lessons" | "modules">,
  scope: AttemptScope,
  target: string,
): { title: string; href: string } | null {
  // A retake's target is the attempt it retakes, which only the database knows; its title says what it is.
  if (scope === "retake") return { title: RETAKE_TITLE, href: quizHref(scope, target) };
  if (scope === "practice") return { title: PRACTICE_TITLE, href: quizHref(scope, target) };
  if (scope === "course")
    return target === COURSE_TARGET && library.lessons.length > 0
      ? { title: "Final exam", href: quizHref(scope, target) }
      : null;
  if (scope === "lesson") {
    const lesson = library.lessons.find((l) => l.slug === target);
    return lesson ? { title: `Quiz: ${lesson.title}`, href: quizHref(scope, lesson.slug) } : null;
  }
  const module = library.modules.find((m) => m.id === target && m.lessons.length > 0);
  return module ? { title: `Module quiz: ${module.title}`, href: quizHref(scope, module.id) } : null;
}
