import type { ComparisonRow, Lesson } from "../../content/types";
import type { OddOneOutQuestion } from "./kinds/odd-one-out";
import { blankConceptNames, conceptName, options, rowExplanation, same } from "./lesson-options";
import { type Rng, shuffle } from "./seeded";

/** Questions per concept; a variant whose odd row repeats an earlier one is dropped. */
const VARIANTS = 2;

/**
 * "Which of these does not describe a ClusterIP?": three of the concept's comparison cells and one
 * cell of another concept, from a fourth row so that no two options name the same feature. Every
 * option reads "Feature: value" with concept names blanked, so only knowing the table tells the
 * odd one apart.
 */
export function oddOneOutQuestions(lesson: Lesson, rng: Rng): OddOneOutQuestion[] {
  const table = lesson.comparison;
  if (!table || table.rows.length < 4) return [];
  const cell = (row: ComparisonRow, conceptId: string) =>
    blankConceptNames(lesson, `${row.feature}: ${row.values[conceptId]}`);
  const out: OddOneOutQuestion[] = [];
  for (const conceptId of table.conceptIds) {
    const name = conceptName(lesson, conceptId);
    for (let variant = 0; variant < VARIANTS; variant++) {
      const [oddRow, ...others] = shuffle(table.rows, rng);
      const from = table.conceptIds.filter((c) => c !== conceptId && !same(oddRow.values[c], oddRow.values[conceptId]));
      if (from.length === 0) continue;
      const oddConcept = from[rng.int(from.length)];
      const shared = others.slice(0, 3);
      const id = `odd-one-out:${conceptId}:${oddRow.featureId}`;
      if (out.some((q) => q.id === id)) continue;
      const built = options(
        id,
        [cell(oddRow, oddConcept)],
        shared.map((r) => ({
          text: cell(r, conceptId),
          misconception: `Does not know that a ${name}’s “${r.feature}” is “${r.values[conceptId]}”.`,
        })),
      );
      if (built.options.length !== 4) continue;
      const blanked = built.options.some((o) => o.text.includes("▢"));
      out.push({
        id,
        kind: "odd-one-out",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 2,
        concepts: [conceptId],
        prompt: `Which of these does not describe a ${name}?${blanked ? " (Concept names are blanked out as ▢.)" : ""}`,
        options: built.options,
        answer: built.ids[0],
        explanation: `“${oddRow.values[oddConcept]}” is the “${oddRow.feature}” of a ${conceptName(lesson, oddConcept)}, not of a ${name}. ${[oddRow, ...shared].map((r) => rowExplanation(lesson, r)).join(" ")}`,
      });
    }
  }
  return out;
}
