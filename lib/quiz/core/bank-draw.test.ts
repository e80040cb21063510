import { describe, expect, it } from "vitest";
import { drawQuiz, SOURCE_SHARES, subjectOf } from "./assemble";
import { quizLength } from "./attempt";
import { questionPool } from "./pool";
import { templateKey } from "./templates";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";
import type { Question } from "./types";

// The rules of a drawn attempt, over every lesson and module in content/ (drafts included) and many
// seeds, so lessons added later are judged too.

const repeated = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const modules = [...new Set(lessons.map((l) => l.module))];
const lessonsOf = (module: string) => lessons.filter((l) => l.module === module);
const moduleOf = (slug: string) => lessons.find((l) => l.slug === slug)?.module ?? "";

describe("an attempt drawn from a lesson", () => {
  const draws = lessons.flatMap((lesson) =>
    SEEDS.map((seed) => {
      const pool = questionPool(lesson, seed);
      return { lesson, seed, pool, quiz: drawQuiz(pool, seed, { length: quizLength("lesson", 1) }) };
    }),
  );

  it("never holds two questions of one template over one target, nor two on one subject", () => {
    for (const { lesson, seed, quiz } of draws) {
      expect(repeated(quiz.map(templateKey)), `${lesson.slug} seed ${seed}`).toEqual([]);
      expect(repeated(quiz.map(subjectOf)), `${lesson.slug} seed ${seed}`).toEqual([]);
    }
  });

  it("mixes kinds and every source the pool has", () => {
    for (const { lesson, seed, pool, quiz } of draws) {
      const where = `${lesson.slug} seed ${seed}`;
      expect(new Set(quiz.map((q) => q.kind)).size, where).toBeGreaterThanOrEqual(
        Math.min(3, new Set(pool.map((q) => q.kind)).size),
      );
      expect(new Set(quiz.map((q) => q.source)), where).toEqual(new Set(pool.map((q) => q.source)));
      const kinds = quiz.map((q) => q.kind);
      for (const kind of new Set(kinds))
        expect(kinds.filter((k) => k === kind).length, `${where} ${kind}`).toBeLessThanOrEqual(4);
    }
  });

  it("asks at least one hand-written question where the lesson has them, and no more than their share", () => {
    const withAuthored = draws.filter(({ lesson }) => lesson.authoredQuestions.length > 0);
    // Every lesson of the course has hand-written questions: a lesson that lost them is judged here.
    expect(new Set(withAuthored.map(({ lesson }) => lesson.slug))).toEqual(
      new Set(lessons.filter((l) => !l.draft).map((l) => l.slug)),
    );
    for (const { lesson, seed, quiz } of withAuthored) {
      const authored = quiz.filter((q) => q.source === "authored").length;
      const share = Math.min(
        Math.ceil(quiz.length * (SOURCE_SHARES.authored as number)),
        lesson.authoredQuestions.length,
      );
      expect(authored, `${lesson.slug} seed ${seed}`).toBe(share);
    }
  });

  it("spreads over the lesson's concepts: each is asked about", () => {
    for (const { lesson, seed, quiz } of draws) {
      const asked = new Set(quiz.flatMap((q) => q.concepts));
      for (const c of lesson.concepts.slice(0, quiz.length))
        expect(asked.has(c.id), `${lesson.slug} seed ${seed} ${c.id}`).toBe(true);
    }
  });
});

describe("module quizzes and the final exam", () => {
  const seeds = SEEDS.slice(0, 4);
  const draw = (scope: "module" | "course", picked: typeof lessons, seed: number): Question[] => {
    const pool = picked.flatMap((l) => questionPool(l, seed));
    return drawQuiz(pool, seed, { length: quizLength(scope, picked.length), moduleOf });
  };

  it("a module quiz asks about every lesson of the module", () => {
    for (const module of modules)
      for (const seed of seeds) {
        const quiz = draw("module", lessonsOf(module), seed);
        expect(new Set(quiz.map((q) => q.lessonSlug)), `${module} seed ${seed}`).toEqual(
          new Set(lessonsOf(module).map((l) => l.slug)),
        );
        expect(repeated(quiz.map(templateKey))).toEqual([]);
        // An attempt knows its questions by id: one id twice would leave the second unanswerable.
        expect(repeated(quiz.map((q) => q.id))).toEqual([]);
      }
  });

  it("the final exam asks about every module, and every lesson while it has room", () => {
    for (const seed of seeds) {
      const quiz = draw("course", lessons, seed);
      expect(quiz).toHaveLength(quizLength("course", lessons.length));
      expect(new Set(quiz.map((q) => moduleOf(q.lessonSlug))), `seed ${seed}`).toEqual(new Set(modules));
      expect(new Set(quiz.map((q) => q.lessonSlug)).size).toBe(Math.min(lessons.length, quiz.length));
      expect(repeated(quiz.map(templateKey))).toEqual([]);
      expect(repeated(quiz.map(subjectOf))).toEqual([]);
      expect(repeated(quiz.map((q) => q.id)), `seed ${seed}`).toEqual([]);
    }
  });
});
