import { describe, expect, it } from "vitest";
import { drawQuiz, subjectOf } from "./assemble";
import { questionPool } from "./pool";
import { templateKey } from "./templates";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";

describe("drawing a quiz", () => {
  const pool = questionPool(lessons[0], 11);
  const quiz = drawQuiz(pool, 11);

  it("is deterministic for a seed and varies across seeds", () => {
    const lesson = lessons[0];
    const ids = (seed: number) => drawQuiz(questionPool(lesson, seed), seed).map((q) => q.id);
    expect(ids(3)).toEqual(ids(3));
    expect(JSON.stringify(questionPool(lesson, 3))).toBe(JSON.stringify(questionPool(lesson, 3)));
    const draws = new Set(SEEDS.map((s) => ids(s).join(",")));
    expect(draws.size).toBeGreaterThan(SEEDS.length / 2);
  });

  it("has ten questions, each subject once, simulator questions included, easy first", () => {
    expect(quiz).toHaveLength(10);
    expect(new Set(quiz.map(subjectOf)).size).toBe(10);
    expect(quiz.filter((q) => q.source === "simulator").length).toBeGreaterThanOrEqual(2);
    expect(quiz.map((q) => q.difficulty)).toEqual([...quiz.map((q) => q.difficulty)].sort());
  });

  it("mixes kinds", () => {
    expect(new Set(quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(3);
  });

  it("uses what there is when the pool is smaller than the quiz", () => {
    const distinct = pool
      .filter((q, i) => pool.findIndex((o) => subjectOf(o) === subjectOf(q) || templateKey(o) === templateKey(q)) === i)
      .slice(0, 4);
    expect(drawQuiz(distinct, 1)).toHaveLength(4);
    // Two questions on one subject never go into the same quiz.
    expect(
      drawQuiz(
        pool.filter((q) => subjectOf(q) === subjectOf(pool[0])),
        1,
      ),
    ).toHaveLength(1);
  });
});
