import { describe, expect, it } from "vitest";
import { answerKey, gradeResponse, misconceptionOf, responseProblem } from "./grade";
import type { SingleQuestion } from "./kinds/single";
import type { TrueFalseQuestion } from "./kinds/true-false";
import { questionPool } from "./pool";
import { lessons } from "./test-support/quiz-fixtures";

describe("grading through the kind registry", () => {
  const pool = questionPool(lessons[0], 4);
  const single = pool.find((q): q is SingleQuestion => q.kind === "single")!;

  it("refuses a response of another kind with a clear message", () => {
    expect(responseProblem(single, { kind: "cloze", text: "x" })).toBe("This question expects a single answer.");
    expect(gradeResponse(single, { kind: "cloze", text: "x" })).toEqual({ score: 0, correct: false });
  });

  it("takes a single-choice answer for a true/false question", () => {
    const tf = pool.find((q): q is TrueFalseQuestion => q.kind === "true-false")!;
    expect(responseProblem(tf, { kind: "single", optionId: tf.answer })).toBeNull();
    expect(gradeResponse(tf, { kind: "single", optionId: tf.answer })).toEqual({ score: 1, correct: true });
    expect(responseProblem(single, { kind: "true-false", optionId: single.answer })).toBe(
      "This question expects a single answer.",
    );
  });

  it("reveals a key that grades as fully correct", () => {
    for (const q of pool) {
      const key = answerKey(q);
      expect(gradeResponse(q, key).score, q.id).toBe(1);
    }
  });

  it("names the misconception of a picked distractor, and none for the right answer or a bad response", () => {
    const wrong = single.options.find((o) => o.id !== single.answer && o.misconception)!;
    expect(misconceptionOf(single, { kind: "single", optionId: wrong.id })).toBe(wrong.misconception);
    expect(misconceptionOf(single, { kind: "single", optionId: single.answer })).toBeNull();
    expect(misconceptionOf(single, JSON.parse("{}"))).toBeNull();
  });
});
