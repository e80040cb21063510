import { describe, expect, it } from "vitest";
import { drawQuiz } from "./assemble";
import { buildEntries, lazyPool, questionPool } from "./pool";
import { findScenario } from "./scenarios";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";
import { QuizGenerationError } from "./types";
import { questionProblems } from "./validate-question";

describe("generation invariants over every lesson and many seeds", () => {
  it("has lessons to check", () => expect(lessons.length).toBeGreaterThan(0));
  for (const lesson of lessons) {
    it(`${lesson.slug}: every question is well formed, explained and linked to a real section`, () => {
      const sections = new Set(lesson.toc.map((t) => t.id));
      const concepts = new Set(lesson.concepts.map((c) => c.id));
      for (const seed of SEEDS) {
        const pool = questionPool(lesson, seed);
        expect(pool.length).toBeGreaterThanOrEqual(20);
        for (const q of pool) {
          expect(questionProblems(q), q.id).toEqual([]);
          expect(sections.has(q.sectionId), `${q.id} links to #${q.sectionId}`).toBe(true);
          for (const c of q.concepts) expect(concepts.has(c), `${q.id} concept ${c}`).toBe(true);
          expect([1, 2, 3]).toContain(q.difficulty);
        }
        expect(new Set(pool.map((q) => q.id)).size).toBe(pool.length);
      }
    });

    it(`${lesson.slug}: generates every kind the lesson supports, including simulator scenarios`, () => {
      const kinds = new Set(questionPool(lesson, 1).map((q) => q.kind));
      if (lesson.comparison)
        for (const k of ["single", "true-false", "multiple", "matching"]) expect(kinds).toContain(k);
      if (lesson.keyPoints.length) expect(kinds).toContain("cloze");
      if (lesson.scenarios.length)
        expect(questionPool(lesson, 1).filter((q) => q.source === "simulator")).not.toHaveLength(0);
    });
  }
});

describe("the lazy pool a quiz is drawn from", () => {
  for (const lesson of lessons) {
    it(`${lesson.slug}: drawing before building gives the same quiz as drawing from the built pool`, () => {
      for (const seed of SEEDS) {
        const eager = drawQuiz(questionPool(lesson, seed), seed);
        const lazy = buildEntries(drawQuiz(lazyPool(lesson, seed), seed));
        expect(lazy).toEqual(eager);
      }
    });

    it(`${lesson.slug}: builds only the scenario questions it draws`, () => {
      let builds = 0;
      const entries = lazyPool(lesson, 1).map((e) => ({
        ...e,
        build: () => {
          if (e.source === "simulator") builds++;
          return e.build();
        },
      }));
      const drawn = buildEntries(drawQuiz(entries, 1));
      expect(builds).toBe(drawn.filter((q) => q.source === "simulator").length);
      expect(builds).toBeLessThan(entries.filter((e) => e.source === "simulator").length);
    });
  }

  it("refuses a scenario whose build returns another kind than it declares", () => {
    const lesson = lessons.find((l) => l.scenarios.length > 0)!;
    const template = findScenario(lesson.scenarios[0])!;
    const declared = template.kind;
    template.kind = declared === "single" ? "multiple" : "single";
    try {
      const entry = lazyPool(lesson, 1).find((e) => e.source === "simulator")!;
      expect(() => buildEntries([entry])).toThrow(QuizGenerationError);
    } finally {
      template.kind = declared;
    }
  });
});
