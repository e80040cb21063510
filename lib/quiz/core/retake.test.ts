import { describe, expect, it } from "vitest";
import { drawAttemptQuestions } from "./draw-attempt";
import { buildEntries, lazyPool } from "./pool";
import { drawRetake, missedQuestions } from "./retake";
import { templateKey, templateOf } from "./templates";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";

const lesson = lessons.find((l) => l.slug === "cluster-ip-vs-pod-ip")!;

describe("retaking the questions missed", () => {
  it("counts wrong, partly right and unanswered questions as missed, and only those", () => {
    const q = (id: string) => ({ id, lessonSlug: "l", concepts: ["c"] });
    expect(
      missedQuestions([
        { question: q("right"), score: 1 },
        { question: q("partly"), score: 0.5 },
        { question: q("wrong"), score: 0 },
        { question: q("skipped"), score: null },
      ]).map((m) => m.id),
    ).toEqual(["partly", "wrong", "skipped"]);
  });

  it("asks again about each missed question with the same template, in a fresh draw where the pool has one", () => {
    for (const seed of SEEDS.slice(0, 6)) {
      const original = drawAttemptQuestions("lesson", [lesson], seed);
      const missed = original.slice(0, 4);
      const retakeSeed = `${seed}99`;
      const drawn = drawRetake(missed, lazyPool(lesson, retakeSeed), retakeSeed);
      expect(drawn).toHaveLength(missed.length);
      for (const [i, m] of missed.entries()) {
        expect(templateOf(drawn[i])).toBe(templateOf(m));
        // Another question of the template where one exists; the same one only when it is the template's only question.
        const others = lazyPool(lesson, retakeSeed).filter((e) => e.id !== m.id && templateKey(e) === templateKey(m));
        if (others.length > 0) {
          expect(drawn[i].id).not.toBe(m.id);
          expect(templateKey(drawn[i])).toBe(templateKey(m));
        }
      }
      expect(new Set(drawn.map((d) => d.id)).size).toBe(drawn.length);
      // The drawn entries build into well-formed questions.
      expect(buildEntries(drawn)).toHaveLength(missed.length);
    }
  });

  it("draws the same retake for the same seed and another for another seed", () => {
    const missed = drawAttemptQuestions("lesson", [lesson], 1).slice(0, 5);
    const ids = (seed: string) => drawRetake(missed, lazyPool(lesson, seed), seed).map((e) => e.id);
    expect(ids("7")).toEqual(ids("7"));
    expect(SEEDS.some((s) => ids(String(s)).join() !== ids("7").join())).toBe(true);
  });

  it("leaves out a missed question whose template its lesson no longer has", () => {
    const gone = { id: "retired-generator:x", lessonSlug: lesson.slug, concepts: ["nothing"] };
    expect(drawRetake([gone], lazyPool(lesson, 3), 3)).toEqual([]);
  });
});
