import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text";
import { gradeResponse, responseProblem } from "../grade";
import { questionPool } from "../pool";
import { toPublicQuestion } from "../public-question";
import { stepsLesson } from "../test-support/quiz-fixtures";
import type { OrderingQuestion } from "./ordering";

describe("ordering", () => {
  const q = questionPool(stepsLesson(), 1).find((q): q is OrderingQuestion => q.kind === "ordering")!;

  it("scores ordering by items in the right place", () => {
    const [a, b, c] = q.answer;
    expect(gradeResponse(q, { kind: "ordering", order: [a, b, c] }).score).toBe(1);
    expect(gradeResponse(q, { kind: "ordering", order: [a, c, b] }).score).toBeCloseTo(1 / 3, 3);
  });

  it("refuses an order that leaves out or repeats an item", () => {
    const [a, b] = q.answer;
    expect(responseProblem(q, { kind: "ordering", order: [a, b] })).toBe("Order every item exactly once.");
    expect(responseProblem(q, { kind: "ordering", order: [a, b, b] })).toBe("Order every item exactly once.");
  });

  it("never hands out an ordering question already in order", () => {
    for (let seed = 0; seed < 30; seed++) {
      const sent = toPublicQuestion(q, seed) as { items: { id: string }[] };
      expect(sent.items.map((i) => i.id)).not.toEqual(q.answer);
    }
  });

  it("shows an order as numbered steps", () => {
    expect(answerText(toPublicQuestion(q, 1), { kind: "ordering", order: q.answer })).toEqual([
      "1. First do this.",
      "2. Then that.",
      "3. Finally the last thing.",
    ]);
  });
});
