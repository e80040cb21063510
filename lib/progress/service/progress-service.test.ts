import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { createDb, type Db } from "../../db/create-db";
import { providerOf } from "../../db/database-url";
import { type Repositories, repositoriesFor } from "../../db/repositories";
import { testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { lessonCards } from "../../flashcards/core/cards";
import { DEFAULT_PARAMETERS, newCardState, rate, retrievability } from "../../flashcards/core/scheduler";
import type { Question } from "../../quiz/core/types";
import { MAX_SECONDS_PER_HEARTBEAT } from "../core/lesson-status";
import { createProgressService, type ProgressService } from "./progress-service";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];

describe.each(testDatabases)("progress service on $name", ({ url }) => {
  let db: Db;
  let repos: Repositories;
  let service: ProgressService;
  let clock = new Date("2026-06-01T09:00:00Z");
  beforeAll(() => {
    db = createDb(url);
    repos = repositoriesFor(db, providerOf(url));
    service = createProgressService({
      repos,
      library: () => library,
      drillLessons: () => new Map([["pods-come-and-go", lesson.slug]]),
      now: () => clock,
    });
  });
  afterAll(() => db.$disconnect());
  const learner = () => repos.users.create({ email: uniqueEmail("progress"), name: "Progress", passwordHash: "h" });

  it("caps each reading heartbeat and keeps only sections the lesson has", async () => {
    const user = await learner();
    const section = lesson.toc[0].id;
    const first = await service.recordReading(user.id, { slug: lesson.slug, seconds: 40, sectionId: section });
    expect(first).toMatchObject({ ok: true, value: { timeSpentSec: 40, lastSectionId: section } });
    const capped = await service.recordReading(user.id, { slug: lesson.slug, seconds: 99_999, sectionId: "nowhere" });
    expect(capped).toMatchObject({
      ok: true,
      value: { timeSpentSec: 40 + MAX_SECONDS_PER_HEARTBEAT, lastSectionId: section },
    });
    const negative = await service.recordReading(user.id, { slug: lesson.slug, seconds: -50 });
    expect(negative.ok && negative.value.timeSpentSec).toBe(40 + MAX_SECONDS_PER_HEARTBEAT);
  });

  it("refuses lessons that do not exist, with a message, and stores nothing", async () => {
    const user = await learner();
    expect(await service.recordReading(user.id, { slug: "no-such-lesson", seconds: 10 })).toEqual({
      ok: false,
      error: 'No lesson "no-such-lesson".',
    });
    expect(await service.setCompleted(user.id, "no-such-lesson", true)).toMatchObject({ ok: false });
    expect(await service.list(user.id)).toEqual([]);
  });

  it("reports a quiz's open attempt and finished ones, and the latest score across quizzes", async () => {
    const user = await learner();
    expect(await service.latestQuizScore(user.id)).toBeNull();
    expect(await service.quizStanding(user.id, "lesson", lesson.slug)).toEqual({ unfinished: null, history: [] });
    const start = (scope: "lesson" | "module", target: string) =>
      repos.quizzes.start(user.id, { scope, target, seed: 1, feedback: "end", questionIds: ["q"] }, clock);
    const first = await start("lesson", lesson.slug);
    await repos.quizzes.complete(user.id, first.id, 0.6, new Date("2026-06-04T10:00:00Z"));
    const moduleQuiz = await start("module", lesson.module);
    await repos.quizzes.complete(user.id, moduleQuiz.id, 0.9, new Date("2026-06-05T10:00:00Z"));
    const open = await start("lesson", lesson.slug);

    const standing = await service.quizStanding(user.id, "lesson", lesson.slug);
    expect(standing.unfinished?.id).toBe(open.id);
    expect(standing.history.map((a) => [a.id, a.score])).toEqual([[first.id, 0.6]]);
    expect(await service.latestQuizScore(user.id)).toBe(0.9);
  });

  it("keeps the first completion time when completed twice", async () => {
    const user = await learner();
    clock = new Date("2026-06-02T10:00:00Z");
    await service.visit(user.id, lesson.slug);
    const done = await service.setCompleted(user.id, lesson.slug, true);
    clock = new Date("2026-06-03T10:00:00Z");
    const again = await service.setCompleted(user.id, lesson.slug, true);
    expect(done.ok && again.ok && again.value.completedAt).toEqual(new Date("2026-06-02T10:00:00Z"));
  });
  it("computes mastery and misconceptions from stored answers, drill steps and reviewed cards", async () => {
    const user = await learner();
    const [first, second] = lesson.concepts.map((c) => c.id);
    const question: Question = {
      kind: "single",
      id: "q-mastery",
      lessonSlug: lesson.slug,
      sectionId: "comparison",
      prompt: "Which address stays when the Pod is replaced?",
      explanation: "The Service's.",
      concepts: [first],
      difficulty: 1,
      source: "lesson",
      options: [
        { id: "right", text: "The ClusterIP" },
        { id: "wrong", text: "The Pod IP", misconception: "Pod IPs survive a Pod's replacement" },
      ],
      answer: "right",
    };
    const at = new Date("2026-06-01T08:00:00Z");
    const attempt = await repos.quizzes.start(
      user.id,
      {
        scope: "lesson",
        target: lesson.slug,
        seed: 1,
        feedback: "immediate",
        questionIds: [question.id],
        questions: [question],
      },
      at,
    );
    const wrong = JSON.stringify({ kind: "single", optionId: "wrong" });
    await repos.quizzes.recordAnswer(
      user.id,
      attempt.id,
      { questionId: question.id, response: wrong, score: 0, correct: false },
      at,
    );
    await repos.drills.recordStep(user.id, "pods-come-and-go", 0, {
      events: [],
      results: { a: { correct: true, at: at.toISOString() }, b: { correct: true, at: at.toISOString() } },
      stepStart: 0,
      completedAt: null,
    });
    const card = lessonCards(lesson).find((c) => c.concepts.includes(second))!;
    await repos.flashcards.applyRating(
      user.id,
      {
        cardId: card.id,
        lessonSlug: lesson.slug,
        expectedVersion: 0,
        previous: null,
        next: rate(newCardState(at), "good", at),
        rating: "good",
      },
      at,
    );

    const { concepts, misconceptions } = await service.mastery(user.id);
    const byId = new Map(concepts.filter((c) => c.lessonSlug === lesson.slug).map((c) => [c.conceptId, c]));
    // The first concept: one wrong quiz answer and two right drill steps (a drill counts for every concept of its lesson).
    expect(byId.get(first)).toMatchObject({ evidence: 3, level: "attempted" });
    expect(byId.get(first)!.score).toBeGreaterThan(0);
    expect(byId.get(second)).toMatchObject({ evidence: 2, level: "familiar" });
    expect(byId.get(second)!.recall).toBeGreaterThan(0.9);
    expect(concepts.filter((c) => c.lessonSlug !== lesson.slug).every((c) => c.level === "not-started")).toBe(true);
    expect(misconceptions).toEqual([
      {
        misconception: "Pod IPs survive a Pod's replacement",
        lessonSlug: lesson.slug,
        lessonTitle: lesson.title,
        sectionId: "comparison",
        sectionTitle: "Comparison",
        count: 1,
        lastSeen: at,
        resolved: false,
      },
    ]);
    // Another learner's rows are not theirs.
    expect((await service.mastery((await learner()).id)).misconceptions).toEqual([]);
  });

  it("measures card recall on the learner's own FSRS weights once they have optimised them", async () => {
    const user = await learner();
    const card = lessonCards(lesson)[0];
    const ratedAt = new Date("2026-06-01T09:00:00Z");
    const next = rate(newCardState(ratedAt), "good", ratedAt);
    await repos.flashcards.applyRating(
      user.id,
      { cardId: card.id, lessonSlug: lesson.slug, expectedVersion: 0, previous: null, next, rating: "good" },
      ratedAt,
    );
    clock = new Date("2026-07-01T09:00:00Z");
    try {
      const recallOf = async () =>
        (await service.mastery(user.id)).concepts.find(
          (c) => c.lessonSlug === lesson.slug && c.conceptId === card.concepts[0],
        )!.recall;
      expect(await recallOf()).toBeCloseTo(retrievability(next, clock), 6);
      // Another forgetting curve (FSRS-6's decay, the last weight): mastery follows the learner's own.
      const own = DEFAULT_PARAMETERS.map((w, i) => (i === DEFAULT_PARAMETERS.length - 1 ? 0.6 : w));
      await repos.flashcards.saveParameters(user.id, own, clock);
      const mine = await recallOf();
      expect(mine).toBeCloseTo(retrievability(next, clock, own), 6);
      expect(Math.abs((mine ?? 0) - retrievability(next, clock))).toBeGreaterThan(0.01);
    } finally {
      clock = new Date("2026-06-01T09:00:00Z");
    }
  });

  it("charts a learner's own answers, kept ratings and drill steps per day, and nobody else's", async () => {
    const user = await learner();
    const other = await learner();
    clock = new Date("2026-06-03T09:00:00Z");
    const monday = new Date("2026-06-01T10:00:00Z");
    const attempt = await repos.quizzes.start(
      user.id,
      { scope: "lesson", target: lesson.slug, seed: 2, feedback: "end", questionIds: ["q1", "q2"] },
      monday,
    );
    for (const [id, score] of [
      ["q1", 1],
      ["q2", 0.5],
    ] as const)
      await repos.quizzes.recordAnswer(
        user.id,
        attempt.id,
        { questionId: id, response: "{}", score, correct: score === 1 },
        monday,
      );
    const tuesday = new Date("2026-06-02T10:00:00Z");
    await repos.drills.recordStep(user.id, "pods-come-and-go", 0, {
      events: [],
      results: { a: { correct: true, at: tuesday.toISOString() } },
      stepStart: 0,
      completedAt: null,
    });
    const card = lessonCards(lesson)[0];
    const rating = (userId: string) =>
      repos.flashcards.applyRating(
        userId,
        {
          cardId: card.id,
          lessonSlug: lesson.slug,
          expectedVersion: 0,
          previous: null,
          next: rate(newCardState(tuesday), "good", tuesday),
          rating: "good",
        },
        tuesday,
      );
    await rating(user.id);
    await rating(other.id);

    const a = await service.activity(user.id, "UTC");
    const day = (date: string) => a.days.find((d) => d.date === date);
    expect(day("2026-06-01")).toMatchObject({ quizAnswers: 2, reviews: 0, drillSteps: 0 });
    expect(day("2026-06-02")).toMatchObject({ quizAnswers: 0, reviews: 1, drillSteps: 1 });
    expect(a.weeks.at(-1)).toMatchObject({ start: "2026-06-01", quizAnswers: 2, quizScore: 0.75, reviews: 1 });
    // Today (Wednesday) is still open: the streak of Monday and Tuesday stands.
    expect(a.streak).toEqual({ current: 2, longest: 2 });
    expect((await service.activity(other.id, "UTC")).activeDays).toBe(1);
  });
});
