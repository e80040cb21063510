import type { Lesson } from "../../content/types";
import { type DrawOptions, drawQuiz } from "./assemble";
import { type QuizScope, quizLength } from "./attempt";
import { buildEntries, lazyPool, type PoolSource, poolSeedOf } from "./pool";
import type { QuizSeed } from "./seeded";
import type { Question } from "./types";

/** How an attempt over these lessons is drawn: its length, and each lesson's module for the final exam. */
export function attemptDrawOptions(scope: QuizScope, lessons: readonly Lesson[]): DrawOptions {
  const moduleOf = new Map(lessons.map((l) => [l.slug, l.module]));
  return { length: quizLength(scope, lessons.length), moduleOf: (slug) => moduleOf.get(slug) ?? "" };
}

/**
 * The questions a new attempt asks, with their keys: every lesson's pool for the attempt's pool
 * seed (poolSeedOf), drawn with the attempt's seed, then only what was drawn built (scenario
 * questions run the simulator). What the quiz service stores when an attempt starts (with its
 * cache of pools as `pools`), and what demo data stores for its attempts.
 */
export function drawAttemptQuestions(
  scope: QuizScope,
  lessons: readonly Lesson[],
  seed: QuizSeed,
  pools: PoolSource = lazyPool,
): Question[] {
  const poolSeed = poolSeedOf(seed);
  return buildEntries(
    drawQuiz(
      lessons.flatMap((l) => pools(l, poolSeed)),
      seed,
      attemptDrawOptions(scope, lessons),
    ),
  );
}
