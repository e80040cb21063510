import { z } from "zod";
import { shuffle } from "../seeded";
import type { Item, Option, QuestionBase } from "../types";
import { type QuestionKindModule, responseId } from "./kind-module";
import { publicItems } from "./options";
import {
  gradeOneOption,
  mapOneOptionIds,
  oneOptionMisconception,
  oneOptionProblem,
  oneOptionText,
  previewOneOption,
  validateOneOption,
} from "./single";

/**
 * Four options, three of which share a property and one does not (e.g. three cells of one
 * concept's comparison column and one from another concept's); the odd one is the answer.
 * Graded like a single choice.
 */
export interface OddOneOutQuestion extends QuestionBase {
  kind: "odd-one-out";
  options: Option[];
  /** The odd option's id. */
  answer: string;
}

const responseSchema = z.object({ kind: z.literal("odd-one-out"), optionId: responseId });

export const oddOneOut: QuestionKindModule<
  OddOneOutQuestion,
  typeof responseSchema,
  { kind: "odd-one-out"; options: Item[] }
> = {
  kind: "odd-one-out",
  responseSchema,
  validate: (q) => [...validateOneOption(q), ...(q.options.length === 4 ? [] : ["not four options"])],
  responseProblem: oneOptionProblem,
  grade: gradeOneOption,
  answerKey: (q) => ({ kind: "odd-one-out", optionId: q.answer }),
  misconception: oneOptionMisconception,
  toPublic: (q, ctx) => ({ kind: "odd-one-out", options: publicItems(shuffle(q.options, ctx.rng), ctx) }),
  mapIds: mapOneOptionIds,
  answerText: oneOptionText,
  preview: previewOneOption,
};
