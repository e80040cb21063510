import { kindModule } from "./kinds";
import { hash32, Rng } from "./seeded";
import type { PublicQuestion, Question } from "./types";

/**
 * The question as sent to the browser before it is answered: prompt and choices only, in an order
 * fixed by the attempt's seed. No key, no explanation, no misconceptions, no simulator evidence.
 * `publicId` renames option, item and choice ids (identity unless the caller gives one).
 */
export function toPublicQuestion(
  q: Question,
  attemptSeed: number,
  publicId: (internalId: string) => string = (id) => id,
): PublicQuestion {
  const rng = new Rng(hash32(`${attemptSeed}:${q.id}`));
  const base = {
    id: q.id,
    prompt: q.prompt,
    concepts: q.concepts,
    difficulty: q.difficulty,
    source: q.source,
    ...(q.context ? { context: q.context } : {}),
  };
  return { ...base, ...kindModule(q.kind).toPublic(q, { rng, publicId }) };
}
