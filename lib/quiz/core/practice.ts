import { type DrawOptions, drawQuiz } from "./assemble";
import type { PoolEntry } from "./pool";
import type { QuizSeed } from "./seeded";

// "A short practice quiz on the weakest concepts" (the learner dashboard's next best action): a few
// questions about those concepts only, drawn with the quiz's own rules (no two near-duplicates, a
// spread over sources and kinds). Pure: the concepts, their lessons' pools, a seed.

/** Questions in a practice quiz: short enough for a few minutes. */
export const PRACTICE_LENGTH = 5;

export interface ConceptRef {
  lessonSlug: string;
  conceptId: string;
}

/** A practice attempt's target: its concepts, so a review and the data export can say what it was on. */
export const practiceTarget = (concepts: readonly ConceptRef[]) =>
  concepts.map((c) => `${c.lessonSlug}/${c.conceptId}`).join("+");

export function drawPractice<E extends PoolEntry>(
  concepts: readonly ConceptRef[],
  pool: readonly E[],
  seed: QuizSeed,
  options: DrawOptions = {},
): E[] {
  const wanted = new Set(concepts.map((c) => `${c.lessonSlug}/${c.conceptId}`));
  const about = pool.filter((e) => e.concepts.some((c) => wanted.has(`${e.lessonSlug}/${c}`)));
  return drawQuiz(about, `practice:${seed}`, { ...options, length: Math.min(PRACTICE_LENGTH, about.length) });
}
