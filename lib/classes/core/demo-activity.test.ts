import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { replay } from "../../drills/core/drill-run";
import { loadDrills } from "../../drills/core/load-drills";
import { lessonCards } from "../../flashcards/core/cards";
import { gradeResponse, misconceptionOf, responseProblem } from "../../quiz/core/grade";
import type { Response } from "../../quiz/core/types";
import { generateClassActivity } from "./demo-activity";
import { DAILY_NEW_LIMIT } from "./demo-flashcards";
import { learnerName } from "./demo-learners";
import type { DemoAssignment, DemoLearner } from "./demo-types";

const root = path.resolve("content");
const library = loadContent(root);
const course = { lessons: library.lessons, modules: library.modules, drills: loadDrills(root).drills };
const DAY = 86_400_000;
const end = new Date("2026-11-20T16:30:00Z");
const assignments: DemoAssignment[] = [
  { scope: "lesson", target: library.lessons[0].slug, dueAt: new Date(end.getTime() - 20 * DAY) },
  { scope: "module", target: library.modules[0].id, dueAt: new Date(end.getTime() - 5 * DAY) },
  { scope: "module", target: library.modules[1].id, dueAt: new Date(end.getTime() + 7 * DAY) },
];
const options = { seed: 7, learners: 12, days: 30, end, assignments, formsPerQuiz: 2 };
const learners = generateClassActivity(course, options);

/** Every moment something happened, as the rows record it. */
function activityTimes(l: DemoLearner): number[] {
  return [
    ...l.lessons.flatMap((x) => [x.startedAt, x.lastViewedAt, ...(x.completedAt ? [x.completedAt] : [])]),
    ...l.attempts.flatMap((a) => [
      a.startedAt,
      ...(a.completedAt ? [a.completedAt] : []),
      ...a.answers.map((x) => x.answeredAt),
    ]),
    ...l.drills.flatMap((d) => [d.startedAt, d.updatedAt, ...Object.values(d.results).map((r) => new Date(r.at))]),
    ...l.reviews.map((r) => r.review),
    ...l.cardStates.flatMap((c) => (c.lastReview ? [c.lastReview] : [])),
  ].map((d) => d.getTime());
}

describe("generateClassActivity", () => {
  it("gives the same rows for the same seed, and other rows for another seed", () => {
    expect(generateClassActivity(course, options)).toEqual(learners);
    const other = generateClassActivity(course, { ...options, seed: 8, learners: 3 });
    expect(other.map((l) => l.attempts.map((a) => a.startedAt))).not.toEqual(
      learners.slice(0, 3).map((l) => l.attempts.map((a) => a.startedAt)),
    );
  });

  it("keeps learner i the same whatever the class size", () => {
    expect(generateClassActivity(course, { ...options, learners: 2 })).toEqual(learners.slice(0, 2));
  });

  it("gives every learner a unique readable name and an example.test address, and each their own activity", () => {
    expect(new Set(learners.map((l) => l.email)).size).toBe(learners.length);
    for (const l of learners) {
      expect(l.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(l.email).toMatch(/^[a-z]+\.[a-z]+@example\.test$/);
    }
    const emails = Array.from({ length: 2500 }, (_, i) => learnerName(7, i).email);
    expect(new Set(emails).size).toBe(2500);
    const fingerprints = learners.map((l) => JSON.stringify(activityTimes(l)));
    expect(new Set(fingerprints).size).toBe(learners.length);
    expect(new Set(learners.map((l) => l.archetype)).size).toBeGreaterThanOrEqual(5);
  });

  it("has nothing happen at or after the end, nor before the period", () => {
    const start = end.getTime() - options.days * DAY;
    for (const l of learners)
      for (const t of activityTimes(l)) {
        expect(t).toBeLessThan(end.getTime());
        expect(t).toBeGreaterThan(start);
      }
  });

  it("leaves some learners idle for the last week while others are active in it", () => {
    const lastWeek = end.getTime() - 7 * DAY;
    const activeLately = learners.map((l) => activityTimes(l).some((t) => t >= lastWeek));
    expect(activeLately).toContain(true);
    expect(activeLately).toContain(false);
    expect(activeLately[0]).toBe(true);
  });

  it("stores attempts as the quiz service does: drawn questions, answers graded by the real grader, some misconceptions", () => {
    let wrongWithMisconception = 0;
    let answers = 0;
    for (const l of learners)
      for (const a of l.attempts) {
        expect(a.questionIds).toEqual(a.questions.map((q) => q.id));
        expect(a.seed).toMatch(/^\d+$/);
        expect(a.secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(new Set(a.answers.map((x) => x.questionId)).size).toBe(a.answers.length);
        for (const answer of a.answers) {
          const q = a.questions.find((x) => x.id === answer.questionId)!;
          const response = JSON.parse(answer.response) as Response;
          expect(responseProblem(q, response)).toBeNull();
          expect(gradeResponse(q, response)).toEqual({ score: answer.score, correct: answer.correct });
          if (!answer.correct && misconceptionOf(q, response)) wrongWithMisconception++;
          answers++;
        }
        if (a.completedAt) {
          const sum = a.answers.reduce((s, x) => s + x.score, 0);
          expect(a.score).toBeCloseTo(sum / a.questionIds.length, 10);
        } else expect(a.score).toBeNull();
      }
    expect(answers).toBeGreaterThan(200);
    expect(wrongWithMisconception).toBeGreaterThan(answers / 20);
  });

  it("gets answers right more often with practice", () => {
    const share = (which: "first" | "later") => {
      let right = 0;
      let all = 0;
      for (const l of learners) {
        const seen = new Set<string>();
        for (const a of l.attempts)
          for (const answer of a.answers) {
            const q = a.questions.find((x) => x.id === answer.questionId)!;
            const key = `${q.lessonSlug}/${[...q.concepts].sort().join("+")}`;
            const first = !seen.has(key);
            seen.add(key);
            if (first === (which === "first")) {
              all++;
              if (answer.correct) right++;
            }
          }
      }
      return right / all;
    };
    expect(share("later")).toBeGreaterThan(share("first"));
  });

  it("reads each module's lessons in course order, completing a lesson only after starting it", () => {
    for (const l of learners)
      for (const m of library.modules) {
        const started = m.lessons.map((lesson) => l.lessons.find((x) => x.lessonSlug === lesson.slug)?.startedAt);
        const firstMissing = started.indexOf(undefined);
        if (firstMissing >= 0) expect(started.slice(firstMissing).every((s) => s === undefined)).toBe(true);
        const times = started.filter((s) => s !== undefined).map((s) => s.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    for (const row of learners.flatMap((l) => l.lessons)) {
      if (row.completedAt) expect(row.completedAt.getTime()).toBeGreaterThanOrEqual(row.startedAt.getTime());
      expect(row.lastViewedAt.getTime()).toBeGreaterThanOrEqual(row.startedAt.getTime());
    }
  });

  it("leaves some assignments missing: not every learner finishes each past one on time", () => {
    const onTime = (l: DemoLearner, a: DemoAssignment) =>
      l.attempts.some((x) => x.scope === a.scope && x.target === a.target && x.completedAt && x.completedAt <= a.dueAt);
    for (const a of assignments.slice(0, 2)) {
      const done = learners.filter((l) => onTime(l, a)).length;
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(learners.length);
    }
  });

  it("stores drill runs whose events replay on the simulator, with a result per finished step", () => {
    const runs = learners.flatMap((l) => l.drills);
    expect(runs.length).toBeGreaterThan(5);
    for (const run of runs.slice(0, 8)) {
      const drill = course.drills.find((d) => d.slug === run.drillSlug)!;
      const finished = drill.steps.filter((s) => run.results[s.id]);
      expect(Object.keys(run.results)).toEqual(finished.map((s) => s.id));
      expect(drill.steps.slice(0, finished.length)).toEqual(finished);
      expect(run.version).toBe(finished.length);
      expect(run.stepStart).toBe(run.events.length);
      expect(run.completedAt !== null).toBe(finished.length === drill.steps.length);
      expect(() => replay(drill, run.events)).not.toThrow();
      for (const step of finished)
        if (step.type === "predict") expect(run.results[step.id].choice).toBeLessThan(step.options.length);
        else expect(run.results[step.id]).toMatchObject({ correct: true });
    }
  });

  it("reviews flashcards of read lessons through the scheduler, at most the daily limit of new cards a day", () => {
    const cards = new Set(library.lessons.flatMap((lesson) => lessonCards(lesson).map((c) => c.id)));
    for (const l of learners) {
      const perCard = new Map<string, number>();
      const newPerDay = new Map<number, number>();
      for (const r of l.reviews) {
        expect(cards.has(r.cardId)).toBe(true);
        perCard.set(r.cardId, (perCard.get(r.cardId) ?? 0) + 1);
        expect(r.resultVersion).toBe(perCard.get(r.cardId));
        expect(r.stateBefore).toBe(r.previous?.state ?? "New");
        if (!r.previous) {
          const day = Math.floor(r.review.getTime() / DAY);
          newPerDay.set(day, (newPerDay.get(day) ?? 0) + 1);
        }
      }
      for (const n of newPerDay.values()) expect(n).toBeLessThanOrEqual(DAILY_NEW_LIMIT);
      for (const s of l.cardStates) {
        expect(s.version).toBe(perCard.get(s.cardId));
        expect(s.reps).toBeGreaterThan(0);
      }
    }
    expect(learners.some((l) => l.reviews.some((r) => r.rating === "again"))).toBe(true);
  });
});
