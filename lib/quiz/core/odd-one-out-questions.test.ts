import { describe, expect, it } from "vitest";
import { lessonWith } from "../../content/test-support/lesson-fixture";
import type { OddOneOutQuestion } from "./kinds/odd-one-out";
import { lessonQuestions } from "./lesson-questions";
import { oddOneOutQuestions } from "./odd-one-out-questions";
import { questionPool } from "./pool";
import { Rng } from "./seeded";
import { fixture, isBlankedFrom, lessons, SEEDS } from "./test-support/quiz-fixtures";
import { questionProblems } from "./validate-question";

const lesson = lessons[0];
// Structure questions only: the simulator scenarios in a full pool have nothing to do with these.
const oddOnes = (seed: number) =>
  lessonQuestions(lesson, seed).filter((q): q is OddOneOutQuestion => q.kind === "odd-one-out");

/** The fixture lesson with four rows whose cells name the concepts. */
const namedCells = () =>
  fixture(
    lessonWith(
      "| Owner | The `system` | A **user** |",
      [
        "| Owner | The `system` | A **user** |",
        "| Reached through | An Alpha address | A Beta address |",
        "| Size | Larger than any Beta | Smaller than any Alpha |",
      ].join("\n"),
    ),
  );

describe("odd one out questions from the comparison table", () => {
  it("are in the pool of a lesson with a table of four rows or more, and not of one with fewer", () => {
    expect(lesson.comparison!.rows.length).toBeGreaterThanOrEqual(4);
    expect(questionPool(lesson, 1).filter((q) => q.kind === "odd-one-out").length).toBeGreaterThan(0);
    const twoRows = fixture(lessonWith("summary: Two things compared.", "summary: Two things compared."));
    expect(twoRows.comparison!.rows).toHaveLength(2);
    expect(oddOneOutQuestions(twoRows, new Rng(1))).toEqual([]);
  });

  it("are deterministic for a seed and vary across seeds", () => {
    expect(JSON.stringify(oddOneOutQuestions(lesson, new Rng(9)))).toBe(
      JSON.stringify(oddOneOutQuestions(lesson, new Rng(9))),
    );
    expect(JSON.stringify(oddOnes(3))).toBe(JSON.stringify(oddOnes(3)));
    const variants = new Set(SEEDS.map((s) => oddOnes(s).map((q) => JSON.stringify(q.options.map((o) => o.text)))));
    expect(variants.size).toBeGreaterThan(SEEDS.length / 2);
  });

  it("are well formed: three of the concept's own cells, one of another concept's, four different features", () => {
    const table = lesson.comparison!;
    for (const seed of SEEDS) {
      for (const q of oddOnes(seed)) {
        expect(questionProblems(q), q.id).toEqual([]);
        expect(q.options).toHaveLength(4);
        const [, conceptId, oddFeature] = q.id.split(":");
        expect(q.concepts).toEqual([conceptId]);
        const rowOf = (text: string) => table.rows.find((r) => text.startsWith(`${r.feature}: `))!;
        const features = q.options.map((o) => rowOf(o.text).featureId);
        expect(new Set(features).size, q.id).toBe(4);
        const odd = q.options.find((o) => o.id === q.answer)!;
        const oddRow = rowOf(odd.text);
        expect(oddRow.featureId).toBe(oddFeature);
        // The odd one is another concept's cell, and not this concept's.
        const oddValue = odd.text.slice(oddRow.feature.length + 2);
        expect(isBlankedFrom(oddValue, oddRow.values[conceptId])).toBe(false);
        expect(
          table.conceptIds.filter((c) => c !== conceptId).some((c) => isBlankedFrom(oddValue, oddRow.values[c])),
        ).toBe(true);
        expect(odd.misconception).toBeUndefined();
        for (const o of q.options.filter((o) => o.id !== q.answer)) {
          const row = rowOf(o.text);
          expect(isBlankedFrom(o.text, `${row.feature}: ${row.values[conceptId]}`), o.text).toBe(true);
          expect(o.misconception, o.text).toMatch(/^Does not know that the “.+” entry of an? .+ is “.+”\.$/);
        }
      }
    }
  });

  it("never names a concept in an option, so the wording does not give the odd one away", () => {
    const names = (l: typeof lesson) => l.concepts.map((c) => c.name.toLowerCase());
    for (const seed of SEEDS)
      for (const q of oddOnes(seed))
        for (const o of q.options) for (const n of names(lesson)) expect(o.text.toLowerCase()).not.toContain(n);
    const named = namedCells();
    const questions = oddOneOutQuestions(named, new Rng(4));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.some((q) => q.options.some((o) => o.text.includes("▢")))).toBe(true);
    for (const q of questions) {
      for (const o of q.options) for (const n of names(named)) expect(o.text.toLowerCase()).not.toContain(n);
      if (q.options.some((o) => o.text.includes("▢")))
        expect(q.prompt).toContain("(Concept names are blanked out as ▢.)");
    }
  });
});
