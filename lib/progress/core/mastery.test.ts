import { describe, expect, it } from "vitest";
import { conceptMastery, levelFor, type PracticeEvidence, summarise, weakestConcepts } from "./mastery";

const day = 24 * 60 * 60 * 1000;
const t0 = new Date("2026-10-01T09:00:00Z").getTime();
const quiz = (score: number, atMs: number, concepts = ["cluster-ip"]): PracticeEvidence => ({
  source: "quiz",
  lessonSlug: "l1",
  concepts,
  score,
  at: new Date(atMs),
});
const concepts = [
  { lessonSlug: "l1", conceptId: "cluster-ip" },
  { lessonSlug: "l1", conceptId: "pod-ip" },
];

describe("concept mastery", () => {
  it("weighs recent answers more: a wrong first answer fades as later ones are right", () => {
    // Newest first: 1·1 + 0.75·1 + 0.5625·0 over 1 + 0.75 + 0.5625.
    const [c] = conceptMastery(concepts, [quiz(0, t0), quiz(1, t0 + 1000), quiz(1, t0 + 2000)], []);
    expect(c.score).toBeCloseTo(1.75 / 2.3125, 10);
    expect(c.level).toBe("familiar");
    expect(c.evidence).toBe(3);
    expect(c.lastPracticed).toEqual(new Date(t0 + 2000));
    // The same answers in the other order: the recent mistake weighs most.
    const [d] = conceptMastery(concepts, [quiz(1, t0), quiz(1, t0 + 1000), quiz(0, t0 + 2000)], []);
    expect(d.score).toBeCloseTo((0.75 + 0.5625) / 2.3125, 10);
    expect(d.level).toBe("attempted");
  });

  it("leaves untouched concepts not started and ignores evidence about concepts the lesson lacks", () => {
    const [, pod] = conceptMastery(concepts, [quiz(1, t0, ["cluster-ip", "renamed"])], []);
    expect(pod).toMatchObject({ level: "not-started", score: null, evidence: 0, recall: null, lastPracticed: null });
    expect(conceptMastery([{ lessonSlug: "l1", conceptId: "renamed" }], [], [])[0].level).toBe("not-started");
  });

  it("needs more evidence for each level, and a day's span for mastered", () => {
    const five = (spacing: number) => [0, 1, 2, 3, 4].map((i) => quiz(1, t0 + i * spacing));
    expect(conceptMastery(concepts, five(day / 2), [])[0].level).toBe("mastered");
    expect(conceptMastery(concepts, five(60_000), [])[0].level).toBe("proficient");
    expect(conceptMastery(concepts, five(day / 2).slice(0, 2), [])[0].level).toBe("familiar");
    expect(levelFor(0.95, five(day).slice(0, 3))).toBe("proficient");
    expect(levelFor(0.5, five(day))).toBe("attempted");
  });

  it("blends flashcard recall in, but cards alone never make a concept familiar", () => {
    const card = { lessonSlug: "l1", concepts: ["cluster-ip"], retrievability: 0.5 };
    const [blended] = conceptMastery(concepts, [quiz(1, t0)], [card]);
    expect(blended.score).toBeCloseTo(0.8 * 1 + 0.2 * 0.5, 10);
    expect(blended.recall).toBe(0.5);
    const [cardsOnly] = conceptMastery(concepts, [], [{ ...card, retrievability: 0.95 }]);
    expect(cardsOnly).toMatchObject({ score: 0.95, level: "attempted", evidence: 0 });
  });

  it("summarises a module and picks the weakest started concepts", () => {
    const list = conceptMastery(concepts, [quiz(0.5, t0)], []);
    expect(summarise(list)).toEqual({
      score: 0.25,
      levels: { "not-started": 1, attempted: 1, familiar: 0, proficient: 0, mastered: 0 },
    });
    expect(weakestConcepts(list, 3).map((c) => c.conceptId)).toEqual(["cluster-ip"]);
    expect(summarise([])).toMatchObject({ score: 0 });
  });
});
