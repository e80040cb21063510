import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { createDb, type Db } from "../../db/client";
import { type Repositories, repositoriesFor } from "../../db/repositories";
import { testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { answerKey } from "../core/grade";
import { questionPool } from "../core/pool";
import type { Response } from "../core/types";
import { type AttemptView, createQuizService, type QuizService } from "./quiz-service";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];

describe.each(testDatabases)("quiz service on $name", ({ url }) => {
  let db: Db;
  let repos: Repositories;
  let service: QuizService;
  let nextSeed = 1000;
  beforeAll(() => {
    db = createDb(url);
    repos = repositoriesFor(db);
    service = createQuizService({
      repos,
      library: () => library,
      now: () => new Date("2026-04-01T12:00:00Z"),
      newSeed: () => nextSeed++,
    });
  });
  afterAll(() => db.$disconnect());

  const learner = () => repos.users.create({ email: uniqueEmail("svc"), name: "Quiz Service", passwordHash: "h" });
  async function started(feedback: "immediate" | "end") {
    const user = await learner();
    const start = await service.start(user.id, "lesson", lesson.slug, feedback);
    if (!start.ok) throw new Error(start.error);
    const view = await service.view(user.id, start.value.attemptId);
    if (!view.ok) throw new Error(view.error);
    const attempt = (await repos.quizzes.find(user.id, start.value.attemptId))!;
    // The server's own copy of the questions, to answer right or wrong on purpose.
    const pool = questionPool(lesson, attempt.seed);
    const serverQuestions = attempt.questionIds.map((id) => pool.find((q) => q.id === id)!);
    return { user, view: view.value, serverQuestions };
  }
  const rightAnswer = (q: ReturnType<typeof questionPool>[number]): Response => answerKey(q);

  it("sends ten questions without keys, explanations or server ids", async () => {
    const { view, serverQuestions } = await started("immediate");
    expect(view.questions).toHaveLength(10);
    const sent = JSON.stringify(view);
    for (const q of serverQuestions) {
      expect(sent).not.toContain(q.explanation);
      expect(sent).not.toContain(`"${q.id}"`);
    }
    expect(sent).not.toMatch(/"(answer|key|explanation|misconception|evidence)"/);
    expect(view.answered).toEqual({});
    expect(view.unanswered).toEqual({});
  });

  it("grades on the server and reveals the key after an answer in immediate mode", async () => {
    const { user, view, serverQuestions } = await started("immediate");
    const result = await service.submit(user.id, view.id, view.questions[0].id, rightAnswer(serverQuestions[0]));
    expect(result).toMatchObject({
      ok: true,
      value: {
        saved: true,
        duplicate: false,
        score: 1,
        correct: true,
        explanation: serverQuestions[0].explanation,
        lessonSlug: lesson.slug,
      },
    });
    const again = await service.view(user.id, view.id);
    expect(again.ok && again.value.answered[view.questions[0].id]).toMatchObject({ saved: true, correct: true });
    // Only the answered question is revealed.
    expect(again.ok && Object.keys(again.value.answered)).toEqual([view.questions[0].id]);
  });

  it("names the misconception behind a wrong choice", async () => {
    const { user, view, serverQuestions } = await started("immediate");
    const index = serverQuestions.findIndex(
      (q) =>
        (q.kind === "single" || q.kind === "true-false") && q.options.some((o) => o.id !== q.answer && o.misconception),
    );
    const q = serverQuestions[index] as Extract<(typeof serverQuestions)[number], { kind: "single" | "true-false" }>;
    const wrong = q.options.find((o) => o.id !== q.answer && o.misconception)!;
    const result = await service.submit(user.id, view.id, view.questions[index].id, {
      kind: q.kind,
      optionId: wrong.id,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { correct: false, score: 0, misconception: wrong.misconception, key: { optionId: q.answer } },
    });
  });

  it("keeps the key back until the end in end-of-quiz mode, then scores unanswered questions as 0", async () => {
    const { user, view, serverQuestions } = await started("end");
    const result = await service.submit(user.id, view.id, view.questions[0].id, rightAnswer(serverQuestions[0]));
    const response = rightAnswer(serverQuestions[0]);
    expect(result).toEqual({ ok: true, value: { saved: true, duplicate: false, response } });
    const mid = await service.view(user.id, view.id);
    expect(mid.ok && mid.value.answered).toEqual({ [view.questions[0].id]: { saved: true, response } });
    expect(await service.finish(user.id, view.id)).toEqual({ ok: true, value: { score: 0.1 } });
    const done = await service.view(user.id, view.id);
    expect(done.ok && done.value.completed).toBe(true);
    expect(done.ok && done.value.answered[view.questions[0].id]).toMatchObject({
      correct: true,
      explanation: serverQuestions[0].explanation,
    });
    // The review also explains the questions left unanswered.
    expect(done.ok && done.value.unanswered[view.questions[1].id]).toMatchObject({
      explanation: serverQuestions[1].explanation,
    });
    expect(done.ok && Object.keys(done.value.unanswered)).toHaveLength(9);
  });

  it("counts a double submit once and keeps the first answer", async () => {
    const { user, view, serverQuestions } = await started("immediate");
    const q = serverQuestions[0];
    const first = await service.submit(user.id, view.id, view.questions[0].id, rightAnswer(q));
    const second = await service.submit(user.id, view.id, view.questions[0].id, rightAnswer(q));
    expect(first.ok && first.value.duplicate).toBe(false);
    expect(second.ok && second.value.duplicate).toBe(true);
    expect((await repos.quizzes.find(user.id, view.id))!.answers).toHaveLength(1);
  });

  it("refuses forged input with a clear error and changes nothing", async () => {
    const { user, view } = await started("immediate");
    const other = await learner();
    const q0 = view.questions[0];
    const cases: [Promise<unknown>, string][] = [
      [
        service.submit(user.id, view.id, "not-a-question", { kind: "single", optionId: "x" }),
        "That question is not part of this attempt.",
      ],
      [service.submit(other.id, view.id, q0.id, { kind: "single", optionId: "x" }), "There is no such quiz attempt."],
      [
        service.submit(user.id, "no-such-attempt", q0.id, { kind: "single", optionId: "x" }),
        "There is no such quiz attempt.",
      ],
    ];
    if (q0.kind === "single" || q0.kind === "true-false")
      cases.push([
        service.submit(user.id, view.id, q0.id, { kind: q0.kind, optionId: "forged-option" }),
        "That option is not part of this question.",
      ]);
    for (const [promise, error] of cases) expect(await promise).toMatchObject({ ok: false, error });
    expect((await repos.quizzes.find(user.id, view.id))!.answers).toEqual([]);
    expect(await service.view(other.id, view.id)).toMatchObject({ ok: false, status: 404 });
    expect(await service.start(user.id, "lesson", "no-such-lesson", "end")).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses answers after the attempt is finished", async () => {
    const { user, view, serverQuestions } = await started("immediate");
    await service.finish(user.id, view.id);
    expect(await service.submit(user.id, view.id, view.questions[1].id, rightAnswer(serverQuestions[1]))).toMatchObject(
      { ok: false, status: 409 },
    );
  });

  it("draws a different quiz for each new attempt and the same one again on reload", async () => {
    const a = await started("immediate");
    const b = await started("immediate");
    const ids = (v: AttemptView) => v.questions.map((q) => q.prompt).join("|");
    expect(ids(a.view)).not.toBe(ids(b.view));
    const reload = await service.view(a.user.id, a.view.id);
    expect(reload.ok && ids(reload.value)).toBe(ids(a.view));
  });

  it("builds a module quiz from the module's lessons", async () => {
    const user = await learner();
    const start = await service.start(user.id, "module", lesson.module, "immediate");
    expect(start.ok).toBe(true);
    const view = start.ok ? await service.view(user.id, start.value.attemptId) : null;
    expect(view?.ok && view.value.title).toBe(library.modules.find((m) => m.id === lesson.module)!.title);
  });
});
