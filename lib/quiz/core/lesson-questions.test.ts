import { describe, expect, it } from "vitest";
import type { ClozeQuestion } from "./kinds/cloze";
import type { OrderingQuestion } from "./kinds/ordering";
import type { SingleQuestion } from "./kinds/single";
import { questionPool } from "./pool";
import { isBlankedFrom, lessons, stepsLesson } from "./test-support/quiz-fixtures";

describe("questions from a lesson's structure", () => {
  it("never offers a distractor that is also true: table distractors differ from the concept's own cell", () => {
    const lesson = lessons[0];
    const table = lesson.comparison!;
    for (const q of questionPool(lesson, 5).filter((q): q is SingleQuestion => q.id.startsWith("table-value:"))) {
      const [, featureId, conceptId] = q.id.split(":");
      const row = table.rows.find((r) => r.featureId === featureId)!;
      const wrong = q.options.filter((o) => o.id !== q.answer);
      expect(wrong.every((o) => !isBlankedFrom(o.text, row.values[conceptId]))).toBe(true);
      expect(isBlankedFrom(q.options.find((o) => o.id === q.answer)!.text, row.values[conceptId])).toBe(true);
      expect(wrong.every((o) => o.misconception)).toBe(true);
    }
  });

  it("builds an ordering question from a lesson's steps", () => {
    const q = questionPool(stepsLesson(), 1).find((q): q is OrderingQuestion => q.kind === "ordering")!;
    expect(q.items.map((i) => i.text)).toEqual(["First do this.", "Then that.", "Finally the last thing."]);
    expect(q.answer).toEqual(q.items.map((i) => i.id));
  });

  it("blanks a key term out of a key point for cloze questions", () => {
    const q = questionPool(lessons[0], 1).find(
      (q): q is ClozeQuestion => q.kind === "cloze" && q.answer === "container",
    )!;
    expect(`${q.before}____${q.after}`).toBe(
      "Restarting a ____ does not change the Pod IP, because the Pod itself survives.",
    );
  });
});
