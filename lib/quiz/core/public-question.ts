import { hash32, Rng, shuffle } from "./seeded";
import type { Item, PublicQuestion, Question } from "./types";

const items = (list: readonly Item[]) => list.map(({ id, text }) => ({ id, text }));

/**
 * The question as sent to the browser before it is answered: prompt and choices only, in an order
 * fixed by the attempt's seed. No key, no explanation, no misconceptions, no simulator evidence.
 */
export function toPublicQuestion(q: Question, attemptSeed: number): PublicQuestion {
  const rng = new Rng(hash32(`${attemptSeed}:${q.id}`));
  const base = {
    id: q.id,
    prompt: q.prompt,
    concepts: q.concepts,
    difficulty: q.difficulty,
    source: q.source,
    ...(q.context ? { context: q.context } : {}),
  };
  switch (q.kind) {
    case "true-false":
      return { ...base, kind: q.kind, options: items(q.options) };
    case "single":
    case "multiple":
      return { ...base, kind: q.kind, options: items(shuffle(q.options, rng)) };
    case "matching":
      return { ...base, kind: "matching", items: items(shuffle(q.items, rng)), choices: items(q.choices) };
    case "cloze":
      return { ...base, kind: "cloze", before: q.before, after: q.after };
    case "ordering": {
      let order = shuffle(q.items, rng);
      // Never hand out the answer: a shuffle that happens to be sorted is rotated by one.
      if (order.every((item, i) => item.id === q.answer[i])) order = [...order.slice(1), order[0]];
      return { ...base, kind: "ordering", items: items(order) };
    }
  }
}
