import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text";
import { answerKey, gradeResponse, misconceptionOf, responseProblem } from "../grade";
import { questionPool } from "../pool";
import { toPublicQuestion } from "../public-question";
import { lessons } from "../test-support/quiz-fixtures";
import { questionProblems } from "../validate-question";
import type { OddOneOutQuestion } from "./odd-one-out";

describe("odd one out", () => {
  const pool = questionPool(lessons[0], 4);
  const q = pool.find((q): q is OddOneOutQuestion => q.kind === "odd-one-out")!;
  const distractor = q.options.find((o) => o.id !== q.answer)!;

  it("is graded like a single choice", () => {
    expect(gradeResponse(q, { kind: "odd-one-out", optionId: q.answer })).toEqual({ score: 1, correct: true });
    expect(gradeResponse(q, { kind: "odd-one-out", optionId: distractor.id })).toEqual({ score: 0, correct: false });
    expect(gradeResponse(q, answerKey(q))).toEqual({ score: 1, correct: true });
    expect(responseProblem(q, { kind: "odd-one-out", optionId: "forged" })).toBe(
      "That option is not part of this question.",
    );
    expect(responseProblem(q, { kind: "single", optionId: q.answer })).toBe(
      "This question expects an odd-one-out answer.",
    );
    expect(misconceptionOf(q, { kind: "odd-one-out", optionId: distractor.id })).toBe(distractor.misconception);
  });

  it("is well formed only with four distinct options and the answer among them", () => {
    expect(questionProblems(q)).toEqual([]);
    expect(questionProblems({ ...q, options: q.options.slice(0, 3) })).toContain("not four options");
    expect(questionProblems({ ...q, answer: "missing" })).toContain("the answer is not among the options exactly once");
    const twice = [...q.options.slice(0, 3), { ...q.options[3], text: q.options[0].text }];
    expect(questionProblems({ ...q, options: twice })).toContain("duplicate option texts");
  });

  it("reaches the browser without its key, misconceptions or explanation, in an order that varies", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const sent = toPublicQuestion(q, seed);
      for (const field of ["answer", "explanation", "misconception", "sectionId"])
        expect(sent).not.toHaveProperty(field);
      const text = JSON.stringify(sent);
      expect(text).not.toContain(q.explanation);
      for (const o of q.options) if (o.misconception) expect(text).not.toContain(o.misconception);
      if (sent.kind !== "odd-one-out") throw new Error("wrong kind");
      expect(sent.options.map((o) => Object.keys(o))).toEqual(q.options.map(() => ["id", "text"]));
      expect([...sent.options.map((o) => o.id)].sort()).toEqual(q.options.map((o) => o.id).sort());
    }
    const position = (seed: number) =>
      (toPublicQuestion(q, seed) as { options: { id: string }[] }).options.findIndex((o) => o.id === q.answer);
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(position)).size).toBeGreaterThan(1);
  });

  it("shows a response as the option's text", () => {
    const sent = toPublicQuestion(q, 1);
    expect(answerText(sent, answerKey(q))).toEqual([q.options.find((o) => o.id === q.answer)!.text]);
  });
});
