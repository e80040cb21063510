import { describe, expect, it } from "vitest";
import { outcomeOf, parseReviewFilter, scoreByConcept, shownBy } from "./review-summary";

describe("quiz review summary", () => {
  it("names each question's outcome and filters by it", () => {
    expect([outcomeOf(undefined), outcomeOf({}), outcomeOf({ score: 1, correct: true })]).toEqual([
      "unanswered",
      "unanswered",
      "right",
    ]);
    expect([outcomeOf({ score: 0.5, correct: false }), outcomeOf({ score: 0, correct: false })]).toEqual([
      "partly",
      "wrong",
    ]);
    expect(["right", "partly", "wrong", "unanswered"].filter((o) => shownBy("wrong", o as never))).toEqual([
      "partly",
      "wrong",
    ]);
    expect(shownBy("unanswered", "wrong")).toBe(false);
    expect(shownBy("all", "right")).toBe(true);
    expect([parseReviewFilter("wrong"), parseReviewFilter(["wrong"]), parseReviewFilter("nope")]).toEqual([
      "wrong",
      "all",
      "all",
    ]);
  });

  it("scores each concept over its questions, unanswered as 0, weakest first", () => {
    expect(
      scoreByConcept([
        { lessonSlug: "l", concepts: ["a", "b"], score: 1 },
        { lessonSlug: "l", concepts: ["a"], score: null },
        { lessonSlug: "l", concepts: ["b"], score: 0.5 },
        { lessonSlug: "m", concepts: ["a"], score: 1 },
      ]),
    ).toEqual([
      { lessonSlug: "l", conceptId: "a", questions: 2, score: 0.5 },
      { lessonSlug: "l", conceptId: "b", questions: 2, score: 0.75 },
      { lessonSlug: "m", conceptId: "a", questions: 1, score: 1 },
    ]);
  });
});
