import { z } from "zod";
import { shuffle } from "../seeded";
import type { Item, Option, QuestionBase } from "../types";
import { type QuestionKindModule, responseId } from "./kind-module";
import { isOption, optionLines, optionProblems, optionTexts, pickedMisconception, publicItems } from "./options";

/** One right option among several. */
export interface SingleQuestion extends QuestionBase {
  kind: "single";
  options: Option[];
  /** The right option's id. */
  answer: string;
}

const responseSchema = z.object({ kind: z.literal("single"), optionId: responseId });

// The parts of a one-right-option kind that do not depend on its name: true/false and odd one out
// take them from here.

type OneOption = { options: Option[]; answer: string };
type Chosen = { optionId: string };

export const validateOneOption = (q: OneOption) => optionProblems(q.options, [q.answer]);

export const oneOptionProblem = (q: OneOption, r: Chosen) =>
  isOption(q.options, r.optionId) ? null : "That option is not part of this question.";

export const gradeOneOption = (q: OneOption, r: Chosen) => (r.optionId === q.answer ? 1 : 0);

export const oneOptionMisconception = (q: OneOption, r: Chosen) => pickedMisconception(q.options, [r.optionId]);

export const mapOneOptionIds = <R extends Chosen>(r: R, f: (id: string) => string): R => ({
  ...r,
  optionId: f(r.optionId),
});

export const oneOptionText = (q: { options: Item[] }, r: Chosen) => optionTexts(q.options, [r.optionId]);

export const previewOneOption = (q: OneOption) => optionLines(q.options, (id) => id === q.answer);

export const single: QuestionKindModule<SingleQuestion, typeof responseSchema, { kind: "single"; options: Item[] }> = {
  kind: "single",
  responseSchema,
  validate: validateOneOption,
  responseProblem: oneOptionProblem,
  grade: gradeOneOption,
  answerKey: (q) => ({ kind: "single", optionId: q.answer }),
  misconception: oneOptionMisconception,
  toPublic: (q, ctx) => ({ kind: "single", options: publicItems(shuffle(q.options, ctx.rng), ctx) }),
  mapIds: mapOneOptionIds,
  answerText: oneOptionText,
  preview: previewOneOption,
};
