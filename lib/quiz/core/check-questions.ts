import type { ContentProblem, Lesson } from "../../content/types";
import { wordsOnlyInRight } from "./giveaways";
import { questionPool } from "./pool";

/** A lesson must yield at least this many questions for a quiz to be worth taking. */
export const MIN_POOL_SIZE = 5;
const CHECK_SEEDS = [1, 2, 3];

/**
 * content:check's quiz part: a lesson whose questions cannot be generated is an authoring error, and
 * so is a hand-written question whose options give the answer away.
 */
export function checkLessonQuestions(lesson: Lesson): ContentProblem[] {
  const authored = authoredProblems(lesson);
  const problem = (message: string): ContentProblem => ({ file: lesson.sourcePath, line: 2, message });
  for (const seed of CHECK_SEEDS) {
    let size: number;
    try {
      size = questionPool(lesson, seed).length;
    } catch (err) {
      return [...authored, problem(`quiz questions cannot be generated (seed ${seed}): ${(err as Error).message}`)];
    }
    if (size < MIN_POOL_SIZE) {
      return [
        ...authored,
        problem(
          `only ${size} quiz question${size === 1 ? "" : "s"} can be generated; add a comparison table, key points or another concept (at least ${MIN_POOL_SIZE})`,
        ),
      ];
    }
  }
  return authored;
}

/** Hand-written options are shown as written, so no concept name may appear in the right ones alone. */
function authoredProblems(lesson: Lesson): ContentProblem[] {
  return lesson.authoredQuestions.flatMap((q, i) =>
    q.kind === "true-false"
      ? []
      : wordsOnlyInRight(
          lesson,
          q.options.map((o) => ({ text: o.text, right: o.correct })),
        ).map((word) => ({
          file: lesson.sourcePath,
          line: q.line,
          message: `frontmatter questions.${i}: “${word}” appears in the right options only, which gives the answer away; name it in a wrong option too, or in none`,
        })),
  );
}
