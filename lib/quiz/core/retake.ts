import type { PoolEntry } from "./pool";
import { hash32, type QuizSeed, Rng, shuffle } from "./seeded";
import { templateKey, templateOf } from "./templates";
import type { Question } from "./types";

// "Retake only the ones I missed": a new attempt that asks again about what each missed question
// asked, in a fresh draw, so the learner meets the idea again rather than the same wording they
// may now remember. Pure: the missed questions, a pool drawn with the retake's own seed, the seed.

/** What a finished attempt's question came to, for choosing what to retake. */
export interface MissedCandidate {
  question: Pick<Question, "id" | "lessonSlug" | "concepts">;
  /** The answer's score (0..1), or null when it was left unanswered. */
  score: number | null;
}

/** The questions a retake asks again: every one not answered fully right (wrong, partly right, unanswered). */
export const missedQuestions = <Q extends MissedCandidate["question"]>(
  items: readonly { question: Q; score: number | null }[],
): Q[] => items.filter((i) => i.score === null || i.score < 1).map((i) => i.question);

/**
 * One pool entry per missed question, in the missed questions' order: the same template about the
 * same concepts (its template key), preferring another question than the one missed (another row,
 * another simulated cluster); failing that the same template about anything; failing that (a
 * hand-written question is a template of its own) the question itself, which the new seed
 * reshuffles. A missed question whose lesson no longer has its template is left out.
 */
export function drawRetake<E extends PoolEntry>(
  missed: readonly MissedCandidate["question"][],
  pool: readonly E[],
  seed: QuizSeed,
): E[] {
  const candidates = shuffle(pool, new Rng(hash32(`retake:${seed}`)));
  const taken = new Set<string>();
  const picked: E[] = [];
  const take = (ok: (e: E) => boolean) => {
    // An attempt knows its questions by id, and ids are unique within a lesson only: one of each.
    const found = candidates.find((e) => !taken.has(e.id) && ok(e));
    if (found) {
      taken.add(found.id);
      picked.push(found);
    }
    return found;
  };
  for (const m of missed) {
    const sameLesson = (e: E) => e.lessonSlug === m.lessonSlug;
    const key = templateKey(m);
    const template = templateOf(m);
    take((e) => sameLesson(e) && e.id !== m.id && templateKey(e) === key) ??
      take((e) => sameLesson(e) && e.id !== m.id && templateOf(e) === template) ??
      take((e) => sameLesson(e) && e.id === m.id);
  }
  return picked;
}
