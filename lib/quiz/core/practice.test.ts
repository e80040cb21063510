import { describe, expect, it } from "vitest";
import { lazyPool } from "./pool";
import { drawPractice, PRACTICE_LENGTH, practiceTarget } from "./practice";
import { lessons, SEEDS } from "./test-support/quiz-fixtures";

const lesson = lessons.find((l) => l.slug === "cluster-ip-vs-pod-ip")!;

describe("a practice quiz on the weakest concepts", () => {
  const concepts = lesson.concepts.slice(0, 2).map((c) => ({ lessonSlug: lesson.slug, conceptId: c.id }));

  it("asks a few questions, each about one of those concepts, and none twice", () => {
    for (const seed of SEEDS.slice(0, 5)) {
      const drawn = drawPractice(concepts, lazyPool(lesson, seed), seed);
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.length).toBeLessThanOrEqual(PRACTICE_LENGTH);
      for (const q of drawn) expect(q.concepts.some((c) => concepts.some((w) => w.conceptId === c))).toBe(true);
      expect(new Set(drawn.map((q) => q.id)).size).toBe(drawn.length);
    }
  });

  it("is drawn the same way for the same seed, and is named by its concepts", () => {
    const ids = (seed: number) => drawPractice(concepts, lazyPool(lesson, seed), seed).map((q) => q.id);
    expect(ids(11)).toEqual(ids(11));
    expect(practiceTarget(concepts)).toBe(
      `${lesson.slug}/${concepts[0].conceptId}+${lesson.slug}/${concepts[1].conceptId}`,
    );
  });

  it("draws nothing for a concept no question asks about", () => {
    expect(drawPractice([{ lessonSlug: lesson.slug, conceptId: "nothing-like-it" }], lazyPool(lesson, 1), 1)).toEqual(
      [],
    );
  });
});
