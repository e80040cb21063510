import { describe, expect, it } from "vitest";
import { attemptScore } from "../quiz/core/attempt";
import type { Question } from "../quiz/core/types";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

const t0 = new Date("2026-03-01T10:00:00Z");
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const start = {
  scope: "lesson" as const,
  target: "cluster-ip-vs-pod-ip",
  seed: "18446744073709551615",
  feedback: "immediate" as const,
  questionIds: ["q1", "q2", "q3"],
};
const meanScore = (attempt: { questionIds: string[]; answers: { score: number }[] }) =>
  attemptScore(attempt.answers, attempt.questionIds.length);
const answer = (questionId: string, score = 1) => ({
  questionId,
  response: JSON.stringify({ kind: "single", optionId: `o-${questionId}` }),
  score,
  correct: score === 1,
});

describe.each(testDatabases)("quiz attempts on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const newUser = () =>
    ctx.repos.users.create({ email: uniqueEmail("quiz"), name: "Quiz Taker", passwordHash: "hash" });

  it("starts an attempt and finds it again with its question order, seed, secret and questions", async () => {
    const user = await newUser();
    const questions = [{ id: "q1", kind: "cloze", answer: "Service" }] as unknown as Question[];
    const attempt = await ctx.repos.quizzes.start(user.id, { ...start, secret: "c2VjcmV0", questions }, t0);
    const found = await ctx.repos.quizzes.find(user.id, attempt.id);
    expect(found).toEqual({
      id: attempt.id,
      scope: "lesson",
      target: start.target,
      // 64 bits survive as text on both databases.
      seed: "18446744073709551615",
      secret: "c2VjcmV0",
      questions,
      feedback: "immediate",
      questionIds: ["q1", "q2", "q3"],
      startedAt: t0,
      completedAt: null,
      score: null,
      answers: [],
    });
    const { answers: _a, ...withoutAnswers } = found!;
    expect(await ctx.repos.quizzes.findForAnswering(user.id, attempt.id)).toEqual(withoutAnswers);
  });

  it("keeps seed, secret and stored questions out of lists", async () => {
    const user = await newUser();
    const open = await ctx.repos.quizzes.start(user.id, { ...start, secret: "s", questions: [] }, t0);
    const unfinished = await ctx.repos.quizzes.unfinished(user.id, "lesson", start.target);
    expect(unfinished?.id).toBe(open.id);
    for (const field of ["seed", "secret", "questions"]) expect(unfinished).not.toHaveProperty(field);
  });

  it("gives an attempt from before stored questions its own, once", async () => {
    const user = await newUser();
    const old = await ctx.repos.quizzes.start(user.id, { ...start, seed: 1234 }, t0);
    expect(old).toMatchObject({ seed: "1234", secret: null, questions: null });
    const q = [{ id: "q1" }] as unknown as Question[];
    const stores = await Promise.all(
      ["a", "b", "c"].map((secret) => ctx.repos.quizzes.storeQuestions(user.id, old.id, { secret, questions: q })),
    );
    expect(stores.filter(Boolean)).toHaveLength(1);
    const winner = ["a", "b", "c"][stores.indexOf(true)];
    expect(await ctx.repos.quizzes.findForAnswering(user.id, old.id)).toMatchObject({ secret: winner, questions: q });
  });

  it("never shows one learner's attempt to another, nor lets them answer in it", async () => {
    const owner = await newUser();
    const other = await newUser();
    const attempt = await ctx.repos.quizzes.start(owner.id, start, t0);
    expect(await ctx.repos.quizzes.find(other.id, attempt.id)).toBeNull();
    expect(await ctx.repos.quizzes.findForAnswering(other.id, attempt.id)).toBeNull();
    expect(await ctx.repos.quizzes.recordAnswer(other.id, attempt.id, answer("q1"), t0)).toEqual({ kind: "missing" });
    expect(await ctx.repos.quizzes.storeQuestions(other.id, attempt.id, { secret: "x", questions: [] })).toBe(false);
    expect((await ctx.repos.quizzes.find(owner.id, attempt.id))!.answers).toEqual([]);
    expect(await ctx.repos.quizzes.complete(other.id, attempt.id, 1, t0)).toBeNull();
    expect((await ctx.repos.quizzes.find(owner.id, attempt.id))!.completedAt).toBeNull();
  });

  it("counts a double submit once, keeping the first answer, also when the submits run in parallel", async () => {
    const user = await newUser();
    const attempt = await ctx.repos.quizzes.start(user.id, start, t0);
    const first = await ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q1", 1), later(1));
    const again = await ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q1", 0), later(2));
    expect(first.kind).toBe("stored");
    expect(again).toEqual({ kind: "duplicate", answer: first.kind === "stored" ? first.answer : null });
    const parallel = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q2", n / 8), later(3)),
      ),
    );
    expect(parallel.filter((r) => r.kind === "stored")).toHaveLength(1);
    expect(parallel.filter((r) => r.kind === "duplicate")).toHaveLength(7);
    const stored = (await ctx.repos.quizzes.find(user.id, attempt.id))!.answers;
    expect(stored.map((a) => a.questionId)).toEqual(["q1", "q2"]);
    // Every duplicate reports the one answer that was stored.
    for (const r of parallel) expect(r.kind !== "missing" && r.kind !== "closed" && r.answer).toEqual(stored[1]);
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

  it("gives the best finished score per target of one scope, never another learner's", async () => {
    const user = await newUser();
    const other = await newUser();
    const finish = async (who: string, scope: "lesson" | "module", target: string, score: number | null) => {
      const attempt = await ctx.repos.quizzes.start(who, { ...start, scope, target }, t0);
      if (score !== null) await ctx.repos.quizzes.complete(who, attempt.id, score, later(1));
    };
    await finish(user.id, "lesson", "a", 0.4);
    await finish(user.id, "lesson", "a", 0.9);
    await finish(user.id, "lesson", "a", 0.7);
    await finish(user.id, "lesson", "b", null);
    await finish(user.id, "module", "a", 1);
    await finish(other.id, "lesson", "c", 1);
    expect([...(await ctx.repos.quizzes.bestScores(user.id, "lesson"))]).toEqual([["a", 0.9]]);
    expect([...(await ctx.repos.quizzes.bestScores(other.id, "module"))]).toEqual([]);
  });

  it("scores from the stored answers when completing, keeps the first result, and refuses new answers afterwards", async () => {
    const user = await newUser();
    const attempt = await ctx.repos.quizzes.start(user.id, start, t0);
    await ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q1", 1), later(1));
    await ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q2", 0.5), later(1));
    const done = await ctx.repos.quizzes.complete(user.id, attempt.id, meanScore, later(2));
    expect(done).toMatchObject({ score: 0.5, completedAt: later(2) });
    const again = await ctx.repos.quizzes.complete(user.id, attempt.id, 1, later(3));
    expect(again).toMatchObject({ score: 0.5, completedAt: later(2) });
    expect(await ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q3"), later(4))).toEqual({
      kind: "closed",
    });
    // A repeat of an answer given before completion is still reported, not refused.
    expect((await ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer("q1", 0), later(4))).kind).toBe(
      "duplicate",
    );
    expect((await ctx.repos.quizzes.find(user.id, attempt.id))!.answers).toHaveLength(2);
  });

  it("never stores an answer after completion, and counts every answer it stored, under 20 submits racing a finish", async () => {
    const user = await newUser();
    const questionIds = Array.from({ length: 20 }, (_, i) => `q${i + 1}`);
    for (let trial = 0; trial < 10; trial++) {
      const attempt = await ctx.repos.quizzes.start(user.id, { ...start, questionIds }, t0);
      // A real clock, read once each transaction holds its claim.
      const clock = () => new Date();
      const submit = (id: string) => ctx.repos.quizzes.recordAnswer(user.id, attempt.id, answer(id), clock);
      // All 21 calls are in flight at once; the finish is issued between the first and second ten.
      const [firstTen, done, lastTen] = await Promise.all([
        Promise.all(questionIds.slice(0, 10).map(submit)),
        ctx.repos.quizzes.complete(user.id, attempt.id, meanScore, clock),
        Promise.all(questionIds.slice(10).map(submit)),
      ]);
      const outcomes = [...firstTen, ...lastTen];
      const stored = (await ctx.repos.quizzes.find(user.id, attempt.id))!;
      const acknowledged = questionIds.filter((_, i) => outcomes[i].kind === "stored");
      expect(
        outcomes.every((o) => o.kind === "stored" || o.kind === "closed"),
        `trial ${trial}`,
      ).toBe(true);
      expect(stored.answers.map((a) => a.questionId).sort(), `trial ${trial}`).toEqual([...acknowledged].sort());
      expect(done!.score, `trial ${trial}`).toBe(acknowledged.length / 20);
      expect(stored.score, `trial ${trial}`).toBe(acknowledged.length / 20);
      // No answer is timed after the completion that closed its attempt.
      for (const a of stored.answers) expect(a.answeredAt <= stored.completedAt!, `trial ${trial}`).toBe(true);
    }
  });
});
