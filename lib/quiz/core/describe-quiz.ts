import type { ContentLibrary } from "../../content/load-content";
import { COURSE_TARGET, type QuizScope, quizHref } from "./attempt";

/** What a quiz is called and where it is taken, or null when the content no longer has it. */
export function describeQuiz(
  library: Pick<ContentLibrary, "lessons" | "modules">,
  scope: QuizScope,
  target: string,
): { title: string; href: string } | null {
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
