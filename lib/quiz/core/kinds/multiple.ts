import { z } from "zod";
import { shuffle } from "../seeded";
import type { Item, Option, QuestionBase } from "../types";
import { type QuestionKindModule, responseId } from "./kind-module";
import { isOption, optionLines, optionProblems, optionTexts, pickedMisconception, publicItems } from "./options";

/** Select all that apply: some options are right, at least one is not. */
export interface MultipleQuestion extends QuestionBase {
  kind: "multiple";
  options: Option[];
  /** The right options' ids. */
  answer: string[];
}

const responseSchema = z.object({ kind: z.literal("multiple"), optionIds: z.array(responseId).max(20) });

export const multiple: QuestionKindModule<
  MultipleQuestion,
  typeof responseSchema,
  { kind: "multiple"; options: Item[] }
> = {
  kind: "multiple",
  responseSchema,
  validate: (q) => [
    ...optionProblems(q.options, q.answer),
    ...(q.answer.length === q.options.length ? ["every option is correct"] : []),
  ],
  responseProblem(q, r) {
    if (r.optionIds.length === 0) return "Select at least one option.";
    if (new Set(r.optionIds).size !== r.optionIds.length) return "An option was selected twice.";
    return r.optionIds.every((id) => isOption(q.options, id)) ? null : "That option is not part of this question.";
  },
  // Right picks minus wrong picks, over the number of right options; never below zero.
  grade(q, r) {
    const hits = r.optionIds.filter((id) => q.answer.includes(id)).length;
    const misses = r.optionIds.length - hits;
    return Math.max(0, (hits - misses) / q.answer.length);
  },
  answerKey: (q) => ({ kind: "multiple", optionIds: q.answer }),
  misconception: (q, r) => pickedMisconception(q.options, r.optionIds),
  toPublic: (q, ctx) => ({ kind: "multiple", options: publicItems(shuffle(q.options, ctx.rng), ctx) }),
  mapIds: (r, f) => ({ ...r, optionIds: r.optionIds.map(f) }),
  answerText: (q, r) => optionTexts(q.options, r.optionIds),
  preview: (q) => optionLines(q.options, (id) => q.answer.includes(id)),
};
