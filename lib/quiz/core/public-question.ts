import { kindModule } from "./kinds";
import { internalIds, type PublicIdScheme } from "./public-ids";
import { hash32, type QuizSeed, Rng } from "./seeded";
import type { PublicQuestion, Question } from "./types";

/**
 * The question as sent to the browser before it is answered: prompt and choices only, in an order
 * fixed by the attempt's seed. No key, no explanation, no misconceptions, no simulator evidence.
 * `ids` names the question and every option, item and choice (the identity unless the caller
 * gives a scheme; the quiz service gives each attempt its own keyed one).
 */
export function toPublicQuestion(
  q: Question,
  attemptSeed: QuizSeed,
  ids: PublicIdScheme = internalIds,
): PublicQuestion {
  const rng = new Rng(hash32(`${attemptSeed}:${q.id}`));
  const base = {
    id: ids.question(q.id),
    prompt: q.prompt,
    concepts: q.concepts,
    difficulty: q.difficulty,
    source: q.source,
    ...(q.context ? { context: q.context } : {}),
  };
  return { ...base, ...kindModule(q.kind).toPublic(q, { rng, publicId: (id) => ids.choice(q.id, id) }) };
}
