import { z } from "zod";
import { shuffle } from "../seeded";
import type { Item, QuestionBase } from "../types";
import { type QuestionKindModule, responseId } from "./kind-module";
import { publicItems } from "./options";

/** Steps to put in order. */
export interface OrderingQuestion extends QuestionBase {
  kind: "ordering";
  items: Item[];
  /** Item ids in the right order. */
  answer: string[];
}

const responseSchema = z.object({ kind: z.literal("ordering"), order: z.array(responseId).max(40) });

const sortedIds = (ids: readonly string[]) => JSON.stringify([...ids].sort());

export const ordering: QuestionKindModule<
  OrderingQuestion,
  typeof responseSchema,
  { kind: "ordering"; items: Item[] }
> = {
  kind: "ordering",
  responseSchema,
  validate(q) {
    const problems: string[] = [];
    if (q.items.length < 3) problems.push("fewer than three items to order");
    if (sortedIds(q.answer) !== sortedIds(q.items.map((i) => i.id)))
      problems.push("the order does not use every item once");
    return problems;
  },
  responseProblem: (q, r) =>
    sortedIds(r.order) === sortedIds(q.items.map((i) => i.id)) ? null : "Order every item exactly once.",
  // The share of items in their right place.
  grade: (q, r) => q.answer.filter((id, i) => r.order[i] === id).length / q.answer.length,
  answerKey: (q) => ({ kind: "ordering", order: q.answer }),
  toPublic(q, ctx) {
    let order = shuffle(q.items, ctx.rng);
    // Never hand out the answer: a shuffle that happens to be sorted is rotated by one.
    if (order.every((item, i) => item.id === q.answer[i])) order = [...order.slice(1), order[0]];
    return { kind: "ordering", items: publicItems(order, ctx) };
  },
  mapIds: (r, f) => ({ ...r, order: r.order.map(f) }),
  answerText: (q, r) => r.order.map((id, i) => `${i + 1}. ${q.items.find((it) => it.id === id)?.text ?? id}`),
  preview: (q) => q.answer.map((id, i) => `${i + 1}. ${q.items.find((it) => it.id === id)?.text}`),
};
