import { describe, expect, it } from "vitest";
import { answerText } from "../answer-text";
import { gradeResponse, responseProblem } from "../grade";
import { questionPool } from "../pool";
import { toPublicQuestion } from "../public-question";
import { lessons } from "../test-support/quiz-fixtures";
import type { MatchingQuestion } from "./matching";

describe("matching", () => {
  const pool = questionPool(lessons[0], 4);
  const matching = pool.find((q): q is MatchingQuestion => q.kind === "matching")!;

  it("gives partial credit for matching", () => {
    const pairs = { ...matching.answer };
    expect(gradeResponse(matching, { kind: "matching", pairs }).score).toBe(1);
    const [first] = matching.items;
    const other = matching.choices.find((c) => c.id !== pairs[first.id])!;
    const oneWrong = { ...pairs, [first.id]: other.id };
    expect(gradeResponse(matching, { kind: "matching", pairs: oneWrong }).score).toBeCloseTo(
      1 - 1 / matching.items.length,
      3,
    );
  });

  it("refuses incomplete matches and unknown items or choices", () => {
    expect(responseProblem(matching, { kind: "matching", pairs: {} })).toBe("Match every item before submitting.");
    expect(responseProblem(matching, { kind: "matching", pairs: { forged: matching.choices[0].id } })).toBe(
      "That item is not part of this question.",
    );
    expect(responseProblem(matching, { kind: "matching", pairs: { [matching.items[0].id]: "forged" } })).toBe(
      "That choice is not part of this question.",
    );
    expect(responseProblem(matching, { kind: "matching", pairs: matching.answer })).toBeNull();
  });

  it("shows a response as one line per item, in the order the browser shows the items", () => {
    const sent = toPublicQuestion(matching, 8);
    if (sent.kind !== "matching") throw new Error("not a matching question");
    const lines = answerText(sent, { kind: "matching", pairs: {} });
    expect(lines).toEqual(sent.items.map((i) => `${i.text} → (not matched)`));
    const choice = (itemId: string) => matching.choices.find((c) => c.id === matching.answer[itemId])!.text;
    expect(answerText(sent, { kind: "matching", pairs: matching.answer })).toEqual(
      sent.items.map((i) => `${i.text} → ${choice(i.id)}`),
    );
  });
});
