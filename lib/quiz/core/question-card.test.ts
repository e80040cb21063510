import { describe, expect, it } from "vitest";
import { OWN_CARD_LIMITS } from "../../flashcards/core/own-cards";
import { answerText } from "./answer-text";
import { answerKey } from "./grade";
import { questionPool } from "./pool";
import { toPublicQuestion } from "./public-question";
import { questionCard, questionCardRef } from "./question-card";
import { lessons } from "./test-support/quiz-fixtures";

describe("a missed question as a flashcard", () => {
  const pool = lessons.flatMap((l) => questionPool(l, 5));

  it("asks the question on the front and gives the right answer in words and why on the back, for every kind", () => {
    const kinds = new Set(pool.map((q) => q.kind));
    for (const kind of kinds) {
      const q = pool.find((p) => p.kind === kind)!;
      const card = questionCard(q);
      expect(card.front.startsWith(q.prompt.slice(0, 40)), kind).toBe(true);
      const key = answerText(toPublicQuestion(q, "x"), answerKey(q));
      expect(key.length, kind).toBeGreaterThan(0);
      for (const line of key) expect(card.back, kind).toContain(line.slice(0, 30));
      expect(card.back.length).toBeLessThanOrEqual(OWN_CARD_LIMITS.back);
      expect(card.front.length).toBeLessThanOrEqual(OWN_CARD_LIMITS.front);
    }
    expect(kinds.size).toBeGreaterThanOrEqual(5);
  });

  it("shows a scenario's set-up on the front, clipped to what a card can hold", () => {
    const scenario = pool.find((q) => q.context && q.context.length > 0)!;
    const card = questionCard(scenario);
    expect(card.front).toContain("The cluster set-up:\n$ ");
    expect(card.front).toContain(scenario.context![0].command);
    const long = { ...scenario, context: [{ command: "kubectl get pods", output: "x".repeat(5_000) }] };
    expect(questionCard(long).front).toHaveLength(OWN_CARD_LIMITS.front);
    expect(questionCard(long).front.endsWith("…")).toBe(true);
  });

  it("is remembered by lesson and question id", () => {
    expect(questionCardRef({ lessonSlug: "l", id: "tf:1" })).toBe("question:l/tf:1");
  });
});
