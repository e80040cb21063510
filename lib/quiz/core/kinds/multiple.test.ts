import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text";
import { gradeResponse, responseProblem } from "../grade";
import { questionPool } from "../pool";
import { toPublicQuestion } from "../public-question";
import { lessons } from "../test-support/quiz-fixtures";
import type { MultipleQuestion } from "./multiple";

describe("multiple select", () => {
  const pool = questionPool(lessons[0], 4);
  const multiple = pool.find(
    (q): q is MultipleQuestion => q.kind === "multiple" && q.answer.length === 2 && q.options.length === 4,
  )!;

  it("gives partial credit for multiple select: right picks minus wrong picks, never below zero", () => {
    const [a, b] = multiple.answer;
    const [x, y] = multiple.options.filter((o) => !multiple.answer.includes(o.id)).map((o) => o.id);
    const grade = (ids: string[]) => gradeResponse(multiple, { kind: "multiple", optionIds: ids }).score;
    expect(grade([a, b])).toBe(1);
    expect(grade([a])).toBe(0.5);
    expect(grade([a, b, x])).toBe(0.5);
    expect(grade([a, x])).toBe(0);
    expect(grade([x, y])).toBe(0);
  });

  it("refuses an empty selection and an option picked twice", () => {
    expect(responseProblem(multiple, { kind: "multiple", optionIds: [] })).toBe("Select at least one option.");
    expect(responseProblem(multiple, { kind: "multiple", optionIds: [multiple.answer[0], multiple.answer[0]] })).toBe(
      "An option was selected twice.",
    );
    expect(responseProblem(multiple, { kind: "multiple", optionIds: ["forged"] })).toBe(
      "That option is not part of this question.",
    );
  });

  it("shows a response as the picked options' texts, in the order picked", () => {
    const [a, b] = multiple.answer;
    const text = (id: string) => multiple.options.find((o) => o.id === id)!.text;
    expect(answerText(toPublicQuestion(multiple, 3), { kind: "multiple", optionIds: [b, a] })).toEqual([
      text(b),
      text(a),
    ]);
  });
});
