import { describe, expect, it } from "vitest";
import { testDatabases } from "../../db/test-support/databases";
import { templateOf } from "../core/templates";
import { lesson, quizServiceOn } from "./test-support/quiz-service-on";

describe.each(testDatabases)("retaking missed questions on $name", ({ url }) => {
  const { ctx, learner, started, rightAnswer } = quizServiceOn(url);

  it("asks one fresh question per missed one, of the same template, once the attempt is finished", async () => {
    const { user, view, serverQuestions, secret } = await started("end");
    for (const i of [0, 1]) {
      const answered = await ctx.service.submit(
        user.id,
        view.id,
        view.questions[i].id,
        rightAnswer(serverQuestions[i], secret),
      );
      expect(answered.ok).toBe(true);
    }
    expect(await ctx.service.startRetake(user.id, view.id, "immediate")).toMatchObject({ ok: false, status: 409 });
    expect((await ctx.service.finish(user.id, view.id)).ok).toBe(true);
    // Only the attempt's owner can retake it.
    const stranger = await learner();
    expect(await ctx.service.startRetake(stranger.id, view.id, "immediate")).toMatchObject({ ok: false, status: 404 });

    const retake = await ctx.service.startRetake(user.id, view.id, "immediate");
    if (!retake.ok) throw new Error(retake.error);
    expect(retake.value).toMatchObject({
      scope: "retake",
      target: view.id,
      feedback: "immediate",
      completed: false,
      title: "Retake: the questions you missed",
    });
    const stored = (await ctx.repos.quizzes.find(user.id, retake.value.id))!;
    const missed = serverQuestions.slice(2);
    expect(stored.questions!.map(templateOf)).toEqual(missed.map(templateOf));
    // A fresh draw: its own seed and secret, so no public id repeats the first attempt's.
    const firstIds = new Set(view.questions.map((q) => q.id));
    expect(retake.value.questions.some((q) => firstIds.has(q.id))).toBe(false);
    // It is answered like any attempt, and can itself be retaken once finished.
    const first = stored.questions![0];
    const graded = await ctx.service.submit(
      user.id,
      retake.value.id,
      retake.value.questions[0].id,
      rightAnswer(first, stored.secret!),
    );
    expect(graded).toMatchObject({ ok: true, value: { correct: true } });
    expect((await ctx.service.finish(user.id, retake.value.id)).ok).toBe(true);
    const again = await ctx.service.startRetake(user.id, retake.value.id, "immediate");
    expect(again.ok && again.value.questions).toHaveLength(missed.length - 1);
  });

  it("has nothing to retake when every answer was right", async () => {
    const { user, view, serverQuestions, secret } = await started("immediate");
    for (const [i, q] of serverQuestions.entries())
      await ctx.service.submit(user.id, view.id, view.questions[i].id, rightAnswer(q, secret));
    await ctx.service.finish(user.id, view.id);
    expect(await ctx.service.startRetake(user.id, view.id, "immediate")).toEqual({
      ok: false,
      status: 409,
      error: "You got every question right: there is nothing to retake.",
    });
  });

  it("starts a short practice on given concepts, with feedback after each answer, outside every quiz's score", async () => {
    const user = await learner();
    const concepts = lesson.concepts.slice(0, 2).map((c) => ({ lessonSlug: lesson.slug, conceptId: c.id }));
    const practice = await ctx.service.startPractice(user.id, concepts);
    if (!practice.ok) throw new Error(practice.error);
    expect(practice.value).toMatchObject({
      scope: "practice",
      feedback: "immediate",
      title: "Practice: your weakest concepts",
    });
    const stored = (await ctx.repos.quizzes.find(user.id, practice.value.id))!;
    expect(stored.questions!.length).toBeGreaterThan(0);
    for (const q of stored.questions!)
      expect(q.concepts.some((c) => concepts.some((w) => w.conceptId === c))).toBe(true);
    expect(await ctx.service.startPractice(user.id, [{ lessonSlug: lesson.slug, conceptId: "none" }])).toMatchObject({
      ok: false,
      status: 409,
    });
    // Finished, it is no lesson quiz's score.
    await ctx.service.finish(user.id, practice.value.id);
    expect((await ctx.repos.quizzes.bestScores(user.id, "lesson")).size).toBe(0);
  });
});
