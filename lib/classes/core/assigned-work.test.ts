import { describe, expect, it } from "vitest";
import { type DrillRun, drillAttempts, type Rating, reviewAttempts } from "./assigned-work";
import { classResults } from "./results";

const at = (iso: string) => new Date(iso);
const member = { userId: "u1", joinedAt: at("2026-09-01T00:00:00Z") };
const review = {
  id: "a-review",
  scope: "review" as const,
  target: "lesson",
  dueAt: at("2026-09-10T00:00:00Z"),
  createdAt: at("2026-09-02T00:00:00Z"),
};
const rating = (cardId: string, iso: string, r: Rating["rating"] = "good", userId = "u1"): Rating => ({
  userId,
  cardId,
  rating: r,
  review: at(iso),
});
const cardsOf = (slug: string) => (slug === "lesson" ? ["lesson:a", "lesson:b", "lesson:c"] : []);

describe("drills and reviews as assigned work", () => {
  it("counts a finished drill run, scored by the share of steps right, and not an unfinished one", () => {
    const runs: DrillRun[] = [
      {
        userId: "u1",
        drillSlug: "d",
        startedAt: at("2026-09-03T00:00:00Z"),
        completedAt: at("2026-09-04T00:00:00Z"),
        results: { s1: { correct: true }, s2: { correct: false }, s3: { correct: true }, s4: { correct: true } },
      },
      { userId: "u2", drillSlug: "d", startedAt: at("2026-09-03T00:00:00Z"), completedAt: null, results: {} },
    ];
    expect(drillAttempts(runs)).toEqual([
      {
        id: "drill:u1:d",
        userId: "u1",
        scope: "drill",
        target: "d",
        score: 0.75,
        startedAt: at("2026-09-03T00:00:00Z"),
        completedAt: at("2026-09-04T00:00:00Z"),
      },
    ]);
  });

  it("finishes a review when every card of the lesson is rated after it was assigned, scored by first-time recall", () => {
    const ratings = [
      rating("lesson:a", "2026-09-01T12:00:00Z", "again"), // before it was assigned: does not count
      rating("lesson:a", "2026-09-03T10:00:00Z", "again"),
      rating("lesson:a", "2026-09-03T10:05:00Z", "good"), // a second rating of a: the first one counts
      rating("lesson:b", "2026-09-04T10:00:00Z", "hard"),
      rating("other:x", "2026-09-04T11:00:00Z"), // another lesson's card
      rating("lesson:c", "2026-09-05T10:00:00Z", "easy"),
      rating("lesson:c", "2026-09-03T09:00:00Z", "good", "u2"), // someone else
    ];
    const [attempt, ...rest] = reviewAttempts({ members: [member], assignments: [review], ratings, cardsOf });
    expect(rest).toEqual([]);
    expect(attempt).toMatchObject({
      userId: "u1",
      scope: "review",
      target: "lesson",
      startedAt: at("2026-09-03T10:00:00Z"),
      completedAt: at("2026-09-05T10:00:00Z"),
    });
    expect(attempt.score).toBeCloseTo(2 / 3);
    // The results table reads it like a quiz attempt: on time, with its score.
    const results = classResults([member], [review], [attempt], at("2026-09-06T00:00:00Z"));
    expect(results.cells.u1["a-review"]).toMatchObject({ status: "on-time", score: attempt.score });
  });

  it("leaves a review open while a card is missing, and missing after the due date", () => {
    const ratings = [rating("lesson:a", "2026-09-03T10:00:00Z"), rating("lesson:b", "2026-09-03T10:01:00Z")];
    expect(reviewAttempts({ members: [member], assignments: [review], ratings, cardsOf })).toEqual([]);
    const cell = (now: string) => classResults([member], [review], [], at(now)).cells.u1["a-review"].status;
    expect(cell("2026-09-05T00:00:00Z")).toBe("open");
    expect(cell("2026-09-11T00:00:00Z")).toBe("missing");
  });

  it("counts from the learner's joining when they join after the assignment", () => {
    const late = { userId: "u1", joinedAt: at("2026-09-04T00:00:00Z") };
    const ratings = ["a", "b", "c"].map((c) => rating(`lesson:${c}`, "2026-09-03T10:00:00Z"));
    expect(reviewAttempts({ members: [late], assignments: [review], ratings, cardsOf })).toEqual([]);
  });

  it("leaves a learner's suspended cards out of what the review needs and of its score", () => {
    const ratings = [rating("lesson:a", "2026-09-03T10:00:00Z", "again"), rating("lesson:b", "2026-09-03T10:01:00Z")];
    const suspended = [
      { userId: "u1", cardId: "lesson:c" },
      { userId: "u2", cardId: "lesson:a" },
    ];
    const other = { userId: "u2", joinedAt: member.joinedAt };
    const [attempt, ...rest] = reviewAttempts({
      members: [member, other],
      assignments: [review],
      ratings,
      cardsOf,
      suspended,
    });
    expect(rest).toEqual([]);
    expect(attempt).toMatchObject({ userId: "u1", score: 0.5, completedAt: at("2026-09-03T10:01:00Z") });
    // Without the suspension the same ratings leave the review open.
    expect(reviewAttempts({ members: [member], assignments: [review], ratings, cardsOf })).toEqual([]);
  });

  it("keeps a review open when the learner suspended every card of the lesson", () => {
    const suspended = ["a", "b", "c"].map((c) => ({ userId: "u1", cardId: `lesson:${c}` }));
    expect(reviewAttempts({ members: [member], assignments: [review], ratings: [], cardsOf, suspended })).toEqual([]);
  });
});
