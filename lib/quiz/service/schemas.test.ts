import { describe, expect, it } from "vitest";
import { MAX_EVENTS } from "../../drills/service/limits";
import { checkTaskSchema, commitPredictionSchema, saveEventsSchema } from "../../drills/service/schemas";
import {
  optimiseParametersSchema,
  rateCardSchema,
  resetParametersSchema,
  srsSettingsSchema,
} from "../../flashcards/service/schemas";
import { startQuizSchema, submitAnswerSchema } from "./schemas";

// What the server actions accept from the browser: anything else is refused before it reaches a service.
describe("input schemas at the server boundary", () => {
  it("accepts each kind of quiz response and refuses forged shapes", () => {
    const ok = (response: unknown) =>
      submitAnswerSchema.safeParse({ attemptId: "a1", questionId: "q1", response }).success;
    expect(ok({ kind: "single", optionId: "x" })).toBe(true);
    expect(ok({ kind: "multiple", optionIds: ["x", "y"] })).toBe(true);
    expect(ok({ kind: "matching", pairs: { a: "b" } })).toBe(true);
    expect(ok({ kind: "cloze", text: "Service" })).toBe(true);
    expect(ok({ kind: "ordering", order: ["a", "b"] })).toBe(true);
    expect(ok({ kind: "odd-one-out", optionId: "x" })).toBe(true);
    expect(ok({ kind: "odd-one-out", optionIds: ["x"] })).toBe(false);
    expect(ok({ kind: "single", optionId: 3 })).toBe(false);
    expect(ok({ kind: "essay", text: "x" })).toBe(false);
    expect(ok({ kind: "cloze", text: "x".repeat(201) })).toBe(false);
    expect(ok({ kind: "multiple", optionIds: Array.from({ length: 21 }, (_, i) => `o${i}`) })).toBe(false);
    expect(startQuizSchema.safeParse({ scope: "everything", target: "x", feedback: "end" }).success).toBe(false);
    expect(startQuizSchema.safeParse({ scope: "lesson", target: "../etc", feedback: "end" }).success).toBe(false);
  });
  it("bounds flashcard ratings and settings", () => {
    expect(rateCardSchema.safeParse({ cardId: "c", rating: "good", expectedVersion: 0 }).success).toBe(true);
    expect(rateCardSchema.safeParse({ cardId: "c", rating: "perfect", expectedVersion: 0 }).success).toBe(false);
    expect(rateCardSchema.safeParse({ cardId: "c", rating: "good", expectedVersion: -1 }).success).toBe(false);
    expect(srsSettingsSchema.safeParse({ desiredRetention: "0.9", dailyNewLimit: "20" }).data).toEqual({
      desiredRetention: 0.9,
      dailyNewLimit: 20,
    });
    expect(srsSettingsSchema.safeParse({ desiredRetention: "0.5", dailyNewLimit: "20" }).error?.issues[0].message).toBe(
      "Desired retention must be at least 0.7.",
    );
    expect(
      srsSettingsSchema.safeParse({ desiredRetention: "0.9", dailyNewLimit: "2.5" }).error?.issues[0].message,
    ).toBe("The daily limit is a whole number.");
    expect(optimiseParametersSchema.safeParse({}).success).toBe(true);
    // Going back to the default FSRS parameters only from the confirm step.
    expect(resetParametersSchema.safeParse({ confirm: "yes" }).success).toBe(true);
    expect(resetParametersSchema.safeParse({ confirm: "" }).success).toBe(false);
  });
  it("bounds drill events", () => {
    expect(
      saveEventsSchema.safeParse({
        slug: "d",
        events: [
          { type: "command", line: "kubectl get pods" },
          { type: "predict", stepId: "s" },
        ],
      }).success,
    ).toBe(true);
    expect(saveEventsSchema.safeParse({ slug: "d", events: [{ type: "shell", line: "rm -rf /" }] }).success).toBe(
      false,
    );
    expect(
      saveEventsSchema.safeParse({
        slug: "d",
        events: Array.from({ length: MAX_EVENTS + 1 }, () => ({ type: "command", line: "x" })),
      }).error?.issues[0].message,
    ).toMatch(/at most 200 commands/);
    expect(commitPredictionSchema.safeParse({ slug: "d", stepId: "s", choice: 12, events: [] }).success).toBe(false);
    expect(checkTaskSchema.safeParse({ slug: "D!", stepId: "s", events: [] }).success).toBe(false);
  });
});
