import { z } from "zod";
import { shuffle } from "../seeded";
import type { Item, QuestionBase } from "../types";
import { type QuestionKindModule, responseId } from "./kind-module";
import { hasUniqueIds, publicItems } from "./options";

/** Items, each to be matched with one of the choices (a choice can serve several items). */
export interface MatchingQuestion extends QuestionBase {
  kind: "matching";
  items: Item[];
  choices: Item[];
  /** item id → choice id */
  answer: Record<string, string>;
}

const responseSchema = z.object({
  kind: z.literal("matching"),
  pairs: z.record(responseId, responseId).refine((p) => Object.keys(p).length <= 40, "too many pairs"),
});

export const matching: QuestionKindModule<
  MatchingQuestion,
  typeof responseSchema,
  { kind: "matching"; items: Item[]; choices: Item[] }
> = {
  kind: "matching",
  responseSchema,
  validate(q) {
    const problems: string[] = [];
    if (q.items.length < 2) problems.push("fewer than two items to match");
    if (!hasUniqueIds(q.items.map((i) => i.id)) || !hasUniqueIds(q.choices.map((c) => c.id)))
      problems.push("duplicate ids");
    if (q.items.some((i) => !q.choices.some((c) => c.id === q.answer[i.id])))
      problems.push("an item has no valid match");
    return problems;
  },
  responseProblem(q, r) {
    const entries = Object.entries(r.pairs);
    if (entries.some(([item]) => !q.items.some((i) => i.id === item))) return "That item is not part of this question.";
    if (entries.some(([, choice]) => !q.choices.some((c) => c.id === choice)))
      return "That choice is not part of this question.";
    return entries.length === q.items.length ? null : "Match every item before submitting.";
  },
  // The share of items matched right.
  grade: (q, r) => q.items.filter((i) => r.pairs[i.id] === q.answer[i.id]).length / q.items.length,
  answerKey: (q) => ({ kind: "matching", pairs: q.answer }),
  toPublic: (q, ctx) => ({
    kind: "matching",
    items: publicItems(shuffle(q.items, ctx.rng), ctx),
    choices: publicItems(q.choices, ctx),
  }),
  // Both sides of a pair are ids: the item (key) and the choice (value).
  mapIds: (r, f) => ({ ...r, pairs: Object.fromEntries(Object.entries(r.pairs).map(([i, c]) => [f(i), f(c)])) }),
  answerText: (q, r) =>
    q.items.map(
      (item) => `${item.text} → ${q.choices.find((c) => c.id === r.pairs[item.id])?.text ?? "(not matched)"}`,
    ),
  preview: (q) => q.items.map((item) => `${item.text} → ${q.choices.find((c) => c.id === q.answer[item.id])?.text}`),
};
