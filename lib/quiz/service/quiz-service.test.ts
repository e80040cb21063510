import { describe, expect, it } from "vitest";
import { testDatabases } from "../../db/test-support/databases";
import { drawQuiz } from "../core/assemble";
import { questionPool } from "../core/pool";
import { toPublicQuestion } from "../core/public-question";
import type { Question } from "../core/types";
import { newAttemptSecret } from "./attempt-secrets";
import { macIdScheme } from "./public-id-scheme";
import { type AttemptView, createQuizService, LESSON_CHANGED } from "./quiz-service";
import { lesson, library, quizServiceOn } from "./test-support/quiz-service-on";

describe.each(testDatabases)("quiz service on $name", ({ url }) => {
  const { ctx, learner, started, rightAnswer } = quizServiceOn(url);

  it("sends ten questions without keys, explanations, server ids, seed or secret", async () => {
    const { view, serverQuestions, secret, user } = await started("immediate");
    expect(view.questions).toHaveLength(10);
    const sent = JSON.stringify(view);
    const { seed } = (await ctx.repos.quizzes.find(user.id, view.id))!;
    for (const q of serverQuestions) {
      expect(sent).not.toContain(q.explanation);
      expect(sent).not.toContain(`"${q.id}"`);
    }
    expect(sent).not.toContain(seed);
    expect(sent).not.toContain(secret);
    expect(sent).not.toMatch(/"(answer|key|explanation|misconception|evidence)"/);
    expect(view.answered).toEqual({});
    expect(view.unanswered).toEqual({});
    // What start answers is what a reload shows.
    expect(await ctx.service.view(user.id, view.id)).toEqual({ ok: true, value: view });
  });

  it("grades on the server and reveals the key after an answer in immediate mode", async () => {
    const { user, view, serverQuestions, secret } = await started("immediate");
    const key = rightAnswer(serverQuestions[0], secret);
    const result = await ctx.service.submit(user.id, view.id, view.questions[0].id, key);
    expect(result).toMatchObject({
      ok: true,
      value: {
        saved: true,
        duplicate: false,
        score: 1,
        correct: true,
        response: key,
        key,
        explanation: serverQuestions[0].explanation,
        lessonSlug: lesson.slug,
      },
    });
    const again = await ctx.service.view(user.id, view.id);
    expect(again.ok && again.value.answered[view.questions[0].id]).toMatchObject({ saved: true, correct: true });
    // Only the answered question is revealed.
    expect(again.ok && Object.keys(again.value.answered)).toEqual([view.questions[0].id]);
  });

  it("names the misconception behind a wrong choice, with the key in the browser's ids", async () => {
    const { user, view, serverQuestions, secret } = await started("immediate");
    const index = serverQuestions.findIndex(
      (q) =>
        (q.kind === "single" || q.kind === "true-false") && q.options.some((o) => o.id !== q.answer && o.misconception),
    );
    const q = serverQuestions[index] as Extract<Question, { kind: "single" | "true-false" }>;
    const wrong = q.options.find((o) => o.id !== q.answer && o.misconception)!;
    const ids = macIdScheme(secret);
    const result = await ctx.service.submit(user.id, view.id, view.questions[index].id, {
      kind: q.kind,
      optionId: ids.choice(q.id, wrong.id),
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        correct: false,
        score: 0,
        misconception: wrong.misconception,
        key: { optionId: ids.choice(q.id, q.answer) },
      },
    });
  });

  it("keeps the key back until the end in end-of-quiz mode, then scores unanswered questions as 0", async () => {
    const { user, view, serverQuestions, secret } = await started("end");
    const response = rightAnswer(serverQuestions[0], secret);
    const result = await ctx.service.submit(user.id, view.id, view.questions[0].id, response);
    expect(result).toEqual({ ok: true, value: { saved: true, duplicate: false, response } });
    const mid = await ctx.service.view(user.id, view.id);
    expect(mid.ok && mid.value.answered).toEqual({ [view.questions[0].id]: { saved: true, response } });
    expect(await ctx.service.finish(user.id, view.id)).toEqual({ ok: true, value: { score: 0.1 } });
    const done = await ctx.service.view(user.id, view.id);
    expect(done.ok && done.value.completed).toBe(true);
    expect(done.ok && done.value.answered[view.questions[0].id]).toMatchObject({
      correct: true,
      key: response,
      explanation: serverQuestions[0].explanation,
    });
    // The review also explains the questions left unanswered, with keys in the browser's ids.
    expect(done.ok && done.value.unanswered[view.questions[1].id]).toMatchObject({
      key: rightAnswer(serverQuestions[1], secret),
      explanation: serverQuestions[1].explanation,
    });
    expect(done.ok && Object.keys(done.value.unanswered)).toHaveLength(9);
  });

  it("counts a double submit once and keeps the first answer", async () => {
    const { user, view, serverQuestions, secret } = await started("immediate");
    const key = rightAnswer(serverQuestions[0], secret);
    const first = await ctx.service.submit(user.id, view.id, view.questions[0].id, key);
    const second = await ctx.service.submit(user.id, view.id, view.questions[0].id, key);
    expect(first.ok && first.value.duplicate).toBe(false);
    expect(second.ok && second.value.duplicate).toBe(true);
    expect((await ctx.repos.quizzes.find(user.id, view.id))!.answers).toHaveLength(1);
  });

  it("refuses forged input with a clear error and changes nothing", async () => {
    const { user, view } = await started("immediate");
    const other = await learner();
    const q0 = view.questions[0];
    const cases: [Promise<unknown>, string][] = [
      [
        ctx.service.submit(user.id, view.id, "not-a-question", { kind: "single", optionId: "x" }),
        "That question is not part of this attempt.",
      ],
      [
        ctx.service.submit(other.id, view.id, q0.id, { kind: "single", optionId: "x" }),
        "There is no such quiz attempt.",
      ],
      [
        ctx.service.submit(user.id, "no-such-attempt", q0.id, { kind: "single", optionId: "x" }),
        "There is no such quiz attempt.",
      ],
    ];
    if (q0.kind === "single" || q0.kind === "true-false")
      cases.push([
        ctx.service.submit(user.id, view.id, q0.id, { kind: q0.kind, optionId: "forged-option" }),
        "That option is not part of this question.",
      ]);
    for (const [promise, error] of cases) expect(await promise).toMatchObject({ ok: false, error });
    expect((await ctx.repos.quizzes.find(user.id, view.id))!.answers).toEqual([]);
    expect(await ctx.service.view(other.id, view.id)).toMatchObject({ ok: false, status: 404 });
    expect(await ctx.service.finish(other.id, view.id)).toMatchObject({ ok: false, status: 404 });
    expect(await ctx.service.start(user.id, "lesson", "no-such-lesson", "end")).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it("refuses answers after the attempt is finished", async () => {
    const { user, view, serverQuestions, secret } = await started("immediate");
    await ctx.service.finish(user.id, view.id);
    expect(
      await ctx.service.submit(user.id, view.id, view.questions[1].id, rightAnswer(serverQuestions[1], secret)),
    ).toEqual({ ok: false, status: 409, error: "This attempt is finished; start a new one to answer again." });
  });

  it("draws a different quiz for each new attempt and the same one again on reload", async () => {
    const a = await started("immediate");
    const b = await started("immediate");
    const prompts = (v: AttemptView) => v.questions.map((q) => q.prompt).join("|");
    expect(prompts(a.view)).not.toBe(prompts(b.view));
    const reload = await ctx.service.view(a.user.id, a.view.id);
    expect(reload.ok && reload.value).toEqual(a.view);
  });

  it("builds a module quiz from the module's lessons", async () => {
    const user = await learner();
    const start = await ctx.service.start(user.id, "module", lesson.module, "immediate");
    expect(start.ok && start.value.title).toBe(library.modules.find((m) => m.id === lesson.module)!.title);
    expect(start.ok && start.value.questions).toHaveLength(10);
  });

  it("builds the final exam across every module, and refuses another course target", async () => {
    const user = await learner();
    const start = await ctx.service.start(user.id, "course", "course", "end");
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    expect(start.value.title).toBe("Final exam: the whole course");
    expect(start.value.scope).toBe("course");
    expect(start.value.questions).toHaveLength(20);
    const stored = (await ctx.repos.quizzes.findForAnswering(user.id, start.value.id))!;
    const modules = new Set(stored.questions!.map((q) => library.lessons.find((l) => l.slug === q.lessonSlug)!.module));
    expect(modules).toEqual(new Set(library.modules.filter((m) => m.lessons.length > 0).map((m) => m.id)));
    expect(await ctx.service.start(user.id, "course", "other", "end")).toMatchObject({ ok: false, status: 404 });
  });

  it("answers and finishes from the stored questions, without rebuilding a pool (even once the lesson is gone)", async () => {
    const { user, view, serverQuestions, secret } = await started("immediate");
    // The same database, but a content library without any lesson: nothing can be regenerated.
    const withoutLessons = createQuizService({
      repos: ctx.repos,
      library: () => ({ ...library, lessons: [], modules: [] }),
      now: () => new Date("2026-04-01T12:00:00Z"),
      newSeed: () => 1,
      newSecret: newAttemptSecret,
    });
    const answer = await withoutLessons.submit(
      user.id,
      view.id,
      view.questions[0].id,
      rightAnswer(serverQuestions[0], secret),
    );
    expect(answer).toMatchObject({ ok: true, value: { correct: true, explanation: serverQuestions[0].explanation } });
    expect(await withoutLessons.finish(user.id, view.id)).toEqual({ ok: true, value: { score: 0.1 } });
    expect((await withoutLessons.view(user.id, view.id)).ok).toBe(true);
  });

  describe("attempts started before questions were stored", () => {
    // As the previous code stored them: a 31-bit seed, the drawn ids, no secret and no questions.
    async function oldAttempt(seed: number, questionIds?: string[]) {
      const user = await learner();
      const drawn = drawQuiz(questionPool(lesson, seed), seed);
      const attempt = await ctx.repos.quizzes.start(
        user.id,
        {
          scope: "lesson",
          target: lesson.slug,
          seed,
          feedback: "immediate",
          questionIds: questionIds ?? drawn.map((q) => q.id),
        },
        new Date("2026-03-01T10:00:00Z"),
      );
      return { user, attempt, drawn };
    }

    it("are rebuilt once from their seed, then answered from the stored questions", async () => {
      const { user, attempt, drawn } = await oldAttempt(424242);
      const views = await Promise.all([1, 2, 3].map(() => ctx.service.view(user.id, attempt.id)));
      const stored = (await ctx.repos.quizzes.find(user.id, attempt.id))!;
      expect(stored.questions).toEqual(drawn);
      // Every parallel first read agreed on the one secret that was stored.
      for (const v of views) expect(v).toEqual(views[0]);
      const ids = macIdScheme(stored.secret!);
      expect(views[0].ok && views[0].value.questions).toEqual(drawn.map((q) => toPublicQuestion(q, 424242, ids)));
      const answer = await ctx.service.submit(
        user.id,
        attempt.id,
        ids.question(drawn[0].id),
        rightAnswer(drawn[0], stored.secret!),
      );
      expect(answer).toMatchObject({ ok: true, value: { correct: true } });
    });

    it("cannot continue once their lesson no longer has their questions", async () => {
      const { user, attempt } = await oldAttempt(77, ["table-concept:gone:gone"]);
      expect(await ctx.service.view(user.id, attempt.id)).toEqual({ ok: false, status: 409, error: LESSON_CHANGED });
      expect(await ctx.service.submit(user.id, attempt.id, "x", { kind: "cloze", text: "x" })).toMatchObject({
        status: 409,
      });
    });
  });
});
