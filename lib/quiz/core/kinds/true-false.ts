import { z } from "zod";
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

/** A statement to judge: options "True" and "False", graded like a single choice. */
export interface TrueFalseQuestion extends QuestionBase {
  kind: "true-false";
  options: Option[];
  answer: string;
}

const responseSchema = z.object({ kind: z.literal("true-false"), optionId: responseId });

export const trueFalse: QuestionKindModule<
  TrueFalseQuestion,
  typeof responseSchema,
  { kind: "true-false"; options: Item[] }
> = {
  kind: "true-false",
  responseSchema,
  // A true/false question is a single choice with two options, so a single-choice answer fits it too.
  adopt: (r) =>
    r.kind === "single" && "optionId" in r && typeof r.optionId === "string"
      ? { kind: "true-false", optionId: r.optionId }
      : null,
  validate: validateOneOption,
  responseProblem: oneOptionProblem,
  grade: gradeOneOption,
  answerKey: (q) => ({ kind: "true-false", optionId: q.answer }),
  misconception: oneOptionMisconception,
  // Never shuffled: "True" comes before "False".
  toPublic: (q, ctx) => ({ kind: "true-false", options: publicItems(q.options, ctx) }),
  mapIds: mapOneOptionIds,
  answerText: oneOptionText,
  preview: previewOneOption,
};
