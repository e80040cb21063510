import { describe, expect, it } from "vitest";
import { AttemptClosedError } from "./quiz-attempt-repository";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const start = {
  scope: "lesson" as const,
  target: "cluster-ip-vs-pod-ip",
  seed: 42,
  feedback: "immediate" as const,
  questionIds: ["q1", "q2", "q3"],
};

describe.each(testDatabases)("quiz attempts on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const newUser = () =>
    ctx.repos.users.create({ email: uniqueEmail("quiz"), name: "Quiz Taker", passwordHash: "hash" });

  it("starts an attempt and finds it again with its question order", async () => {
    const user = await newUser();
    const attempt = await ctx.repos.quizzes.start(user.id, start, t0);
    const found = await ctx.repos.quizzes.find(user.id, attempt.id);
    expect(found).toMatchObject({
      id: attempt.id,
      scope: "lesson",
      target: start.target,
      seed: 42,
      feedback: "immediate",
      questionIds: ["q1", "q2", "q3"],
      completedAt: null,
      score: null,
      answers: [],
    });
  });

  it("never shows one learner's attempt to another, nor lets them answer in it", async () => {
    const owner = await newUser();
    const other = await newUser();
    const attempt = await ctx.repos.quizzes.start(owner.id, start, t0);
    expect(await ctx.repos.quizzes.find(other.id, attempt.id)).toBeNull();
    expect(
      await ctx.repos.quizzes.recordAnswer(
        other.id,
        attempt.id,
        { questionId: "q1", response: "{}", score: 1, correct: true },
        t0,
      ),
    ).toBeNull();
    expect((await ctx.repos.quizzes.find(owner.id, attempt.id))!.answers).toEqual([]);
    expect(await ctx.repos.quizzes.complete(other.id, attempt.id, 1, t0)).toBeNull();
    expect((await ctx.repos.quizzes.find(owner.id, attempt.id))!.completedAt).toBeNull();
  });

  it("counts a double submit once, keeping the first answer", async () => {
    const user = await newUser();
    const attempt = await ctx.repos.quizzes.start(user.id, start, t0);
    const first = await ctx.repos.quizzes.recordAnswer(
      user.id,
      attempt.id,
      { questionId: "q1", response: '{"a":1}', score: 1, correct: true },
      later(1),
    );
    const again = await ctx.repos.quizzes.recordAnswer(
      user.id,
      attempt.id,
      { questionId: "q1", response: '{"a":2}', score: 0, correct: false },
      later(2),
    );
    expect(first!.duplicate).toBe(false);
    expect(again).toEqual({ answer: first!.answer, duplicate: true });
    const both = await Promise.all(
      [1, 2, 3].map((n) =>
        ctx.repos.quizzes.recordAnswer(
          user.id,
          attempt.id,
          { questionId: "q2", response: `{"n":${n}}`, score: 0.5, correct: false },
          later(3),
        ),
      ),
    );
    expect(both.filter((r) => !r!.duplicate)).toHaveLength(1);
    expect((await ctx.repos.quizzes.find(user.id, attempt.id))!.answers.map((a) => a.questionId)).toEqual(["q1", "q2"]);
  });

  it("resumes the newest unfinished attempt and lists finished ones", async () => {
    const user = await newUser();
    const a = await ctx.repos.quizzes.start(user.id, start, t0);
    const b = await ctx.repos.quizzes.start(user.id, start, later(5));
    expect((await ctx.repos.quizzes.unfinished(user.id, "lesson", start.target))!.id).toBe(b.id);
    await ctx.repos.quizzes.complete(user.id, b.id, 0.75, later(10));
    expect((await ctx.repos.quizzes.unfinished(user.id, "lesson", start.target))!.id).toBe(a.id);
    const history = await ctx.repos.quizzes.history(user.id, "lesson", start.target);
    expect(history.map((h) => [h.id, h.score])).toEqual([[b.id, 0.75]]);
  });

  it("keeps the first result when completed twice, and refuses new answers afterwards", async () => {
    const user = await newUser();
    const attempt = await ctx.repos.quizzes.start(user.id, start, t0);
    await ctx.repos.quizzes.recordAnswer(
      user.id,
      attempt.id,
      { questionId: "q1", response: "{}", score: 1, correct: true },
      later(1),
    );
    await ctx.repos.quizzes.complete(user.id, attempt.id, 1 / 3, later(2));
    const again = await ctx.repos.quizzes.complete(user.id, attempt.id, 1, later(3));
    expect(again).toMatchObject({ score: 1 / 3, completedAt: later(2) });
    await expect(
      ctx.repos.quizzes.recordAnswer(
        user.id,
        attempt.id,
        { questionId: "q2", response: "{}", score: 1, correct: true },
        later(4),
      ),
    ).rejects.toBeInstanceOf(AttemptClosedError);
    // A repeat of an answer given before completion is still reported, not refused.
    expect(
      (await ctx.repos.quizzes.recordAnswer(
        user.id,
        attempt.id,
        { questionId: "q1", response: "{}", score: 0, correct: false },
        later(4),
      ))!.duplicate,
    ).toBe(true);
  });
});
