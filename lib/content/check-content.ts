import { loadContent } from "./load-content";
import type { ContentProblem, Lesson } from "./types";

/**
 * Everything content:check verifies. Later generators (quiz, flashcards) add their own checks
 * here so that a lesson they cannot use fails the check, not the learner.
 */
export function checkContent(root: string): { problems: ContentProblem[]; lessonCount: number; lessons: Lesson[] } {
  const library = loadContent(root, { includeDrafts: true });
  const problems = [...library.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, lessonCount: library.lessons.length, lessons: library.lessons };
}
