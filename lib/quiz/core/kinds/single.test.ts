import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text";
import { gradeResponse, responseProblem } from "../grade";
import { questionPool } from "../pool";
import { toPublicQuestion } from "../public-question";
import { lessons } from "../test-support/quiz-fixtures";
import type { SingleQuestion } from "./single";

describe("single choice", () => {
  const pool = questionPool(lessons[0], 4);
  const single = pool.find((q): q is SingleQuestion => q.kind === "single")!;

  it("scores a single choice right or wrong", () => {
    const wrong = single.options.find((o) => o.id !== single.answer)!;
    expect(gradeResponse(single, { kind: "single", optionId: single.answer })).toEqual({ score: 1, correct: true });
    expect(gradeResponse(single, { kind: "single", optionId: wrong.id })).toEqual({ score: 0, correct: false });
  });

  it("refuses an option that is not part of the question", () => {
    expect(responseProblem(single, { kind: "single", optionId: "forged" })).toBe(
      "That option is not part of this question.",
    );
    expect(responseProblem(single, { kind: "single", optionId: single.answer })).toBeNull();
  });

  it("shows a response as the option's text", () => {
    const sent = toPublicQuestion(single, 1);
    const right = single.options.find((o) => o.id === single.answer)!;
    expect(answerText(sent, { kind: "single", optionId: single.answer })).toEqual([right.text]);
    expect(answerText(sent, { kind: "single", optionId: "forged" })).toEqual(["(unknown option)"]);
  });
});
