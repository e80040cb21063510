import type { ContentProblem, Lesson } from "../../content/types";
import { questionPool } from "./pool";

/** A lesson must yield at least this many questions for a quiz to be worth taking. */
export const MIN_POOL_SIZE = 5;
const CHECK_SEEDS = [1, 2, 3];

/** content:check's quiz part: a lesson whose questions cannot be generated is an authoring error. */
export function checkLessonQuestions(lesson: Lesson): ContentProblem[] {
  const problem = (message: string): ContentProblem => ({ file: lesson.sourcePath, line: 2, message });
  for (const seed of CHECK_SEEDS) {
    let size: number;
    try {
      size = questionPool(lesson, seed).length;
    } catch (err) {
      return [problem(`quiz questions cannot be generated (seed ${seed}): ${(err as Error).message}`)];
    }
    if (size < MIN_POOL_SIZE) {
      return [
        problem(
          `only ${size} quiz question${size === 1 ? "" : "s"} can be generated; add a comparison table, key points or another concept (at least ${MIN_POOL_SIZE})`,
        ),
      ];
    }
  }
  return [];
}
