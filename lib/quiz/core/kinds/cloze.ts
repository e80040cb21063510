import { z } from "zod";
import { normaliseTerm } from "../seeded";
import type { QuestionBase } from "../types";
import type { QuestionKindModule } from "./kind-module";

/** A key point with one term blanked out, to be typed in. */
export interface ClozeQuestion extends QuestionBase {
  kind: "cloze";
  before: string;
  after: string;
  answer: string;
  /** Other spellings that count as right (compared after normalising). */
  accepted: string[];
}

const responseSchema = z.object({ kind: z.literal("cloze"), text: z.string().max(200) });

export const cloze: QuestionKindModule<
  ClozeQuestion,
  typeof responseSchema,
  { kind: "cloze"; before: string; after: string }
> = {
  kind: "cloze",
  responseSchema,
  validate(q) {
    const problems: string[] = [];
    if (!q.answer.trim()) problems.push("empty answer");
    if (!(q.before + q.after).trim()) problems.push("nothing around the blank");
    return problems;
  },
  responseProblem: (_q, r) => (r.text.trim() ? null : "Type an answer before submitting."),
  // Case, spacing, hyphens and a plural "s" do not matter (normaliseTerm).
  grade(q, r) {
    const given = normaliseTerm(r.text);
    return [q.answer, ...q.accepted].some((a) => normaliseTerm(a) === given) ? 1 : 0;
  },
  answerKey: (q) => ({ kind: "cloze", text: q.answer }),
  toPublic: (q) => ({ kind: "cloze", before: q.before, after: q.after }),
  // Typed text, no ids.
  mapIds: (r) => r,
  answerText: (_q, r) => [r.text],
  preview: (q) => [`${q.before}[${q.answer}]${q.after}`],
};
