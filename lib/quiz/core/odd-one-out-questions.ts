import type { ComparisonRow, Lesson } from "../../content/types";
import { blankedNote, neutralise } from "./giveaways";
import type { OddOneOutQuestion } from "./kinds/odd-one-out";
import { aConcept, entryOf, options, rowExplanation, same } from "./lesson-options";
import { type Rng, shuffle } from "./seeded";

/** Questions per concept; a variant whose odd row repeats an earlier one is dropped. */
const VARIANTS = 2;

/**
 * "Which of these does not describe a ClusterIP?": three of the concept's comparison cells and one
 * cell of another concept, from a fourth row so that no two options name the same feature. Every
 * option reads "Feature: value", neutralised (giveaways.ts), so only knowing the table tells the
 * odd one apart.
 */
export function oddOneOutQuestions(lesson: Lesson, rng: Rng): OddOneOutQuestion[] {
  const table = lesson.comparison;
  if (!table || table.rows.length < 4) return [];
  const cell = (row: ComparisonRow, conceptId: string) => `${row.feature}: ${row.values[conceptId]}`;
  const out: OddOneOutQuestion[] = [];
  for (const conceptId of table.conceptIds) {
    const aName = aConcept(lesson, conceptId);
    for (let variant = 0; variant < VARIANTS; variant++) {
      const [oddRow, ...others] = shuffle(table.rows, rng);
      const from = table.conceptIds.filter((c) => c !== conceptId && !same(oddRow.values[c], oddRow.values[conceptId]));
      if (from.length === 0) continue;
      const oddConcept = from[rng.int(from.length)];
      const shared = others.slice(0, 3);
      const id = `odd-one-out:${conceptId}:${oddRow.featureId}`;
      if (out.some((q) => q.id === id)) continue;
      const texts = neutralise(lesson, [cell(oddRow, oddConcept), ...shared.map((r) => cell(r, conceptId))]);
      const built = options(
        id,
        [texts[0]],
        shared.map((r, i) => ({
          text: texts[i + 1],
          misconception: `Does not know that ${entryOf(r)} of ${aName} is “${r.values[conceptId]}”.`,
        })),
      );
      if (built.options.length !== 4) continue;
      out.push({
        id,
        kind: "odd-one-out",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 2,
        concepts: [conceptId],
        prompt: `Which of these does not describe ${aName}?${blankedNote(texts)}`,
        options: built.options,
        answer: built.ids[0],
        explanation: `“${oddRow.values[oddConcept]}” is ${entryOf(oddRow)} of ${aConcept(lesson, oddConcept)}, not of ${aName}. ${[oddRow, ...shared].map((r) => rowExplanation(lesson, r)).join(" ")}`,
      });
    }
  }
  return out;
}
