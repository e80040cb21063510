import type { ContentLibrary } from "../../content/load-content";
import { COURSE_TARGET, isQuizScope, QUIZ_SCOPES, type QuizScope } from "../../quiz/core/attempt";
import { describeQuiz } from "../../quiz/core/describe-quiz";

// What an instructor can assign: a quiz (a lesson's, a module's, the final exam), a drill, or a
// lesson's flashcards to review. One table of kinds: the form's choices, the titles and links, the
// stored `scope` and the field's validation all come from here.

export const ASSIGNMENT_SCOPES = [...QUIZ_SCOPES, "drill", "review"] as const;
export type AssignmentScope = (typeof ASSIGNMENT_SCOPES)[number];

export const isAssignmentScope = (text: string): text is AssignmentScope =>
  (ASSIGNMENT_SCOPES as readonly string[]).includes(text);

/** The drills an assignment may name, as published. */
export interface DrillInfo {
  slug: string;
  title: string;
}

type Library = Pick<ContentLibrary, "lessons" | "modules">;

/** What an assignment is called and where a learner does it, or null when the content no longer has it. */
export function describeAssignment(
  library: Library,
  drills: readonly DrillInfo[],
  scope: AssignmentScope,
  target: string,
): { title: string; href: string } | null {
  if (scope === "drill") {
    const drill = drills.find((d) => d.slug === target);
    return drill ? { title: `Drill: ${drill.title}`, href: `/drills/${drill.slug}` } : null;
  }
  if (scope === "review") {
    const lesson = library.lessons.find((l) => l.slug === target);
    return lesson ? { title: `Flashcards: ${lesson.title}`, href: `/review?lesson=${lesson.slug}` } : null;
  }
  if (isQuizScope(scope)) return describeQuiz(library, scope, target);
  return scope satisfies never;
}

export interface AssignmentChoice {
  value: string;
  label: string;
  group: "Quizzes" | "Drills" | "Flashcards";
}

/** Everything an instructor can assign, grouped for the form's select; `value` is "scope:target". */
export function assignmentChoices(library: Library, drills: readonly DrillInfo[]): AssignmentChoice[] {
  const quiz = (scope: QuizScope, target: string) => {
    const d = describeQuiz(library, scope, target);
    return d ? [{ value: `${scope}:${target}`, label: d.title, group: "Quizzes" as const }] : [];
  };
  return [
    ...library.lessons.flatMap((l) => quiz("lesson", l.slug)),
    ...library.modules.flatMap((m) => quiz("module", m.id)),
    ...quiz("course", COURSE_TARGET),
    ...drills.map((d) => ({ value: `drill:${d.slug}`, label: `Drill: ${d.title}`, group: "Drills" as const })),
    ...library.lessons.map((l) => ({
      value: `review:${l.slug}`,
      label: `Flashcards: ${l.title}`,
      group: "Flashcards" as const,
    })),
  ];
}
