import { withArticle } from "../../content/articles";
import { blankNames } from "../../content/lesson-text";
import { fillRowQuestion } from "../../content/row-questions";
import type { ComparisonRow, Lesson } from "../../content/types";
import { opaqueId } from "./seeded";
import type { Option } from "./types";

// Shared by the generators that build questions from a lesson's structure (lesson-questions.ts,
// odd-one-out-questions.ts): options with opaque ids, and how concepts and table rows are worded.

export const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The right options first, then the distractors; a text that repeats an earlier one is dropped. */
export function options(
  questionId: string,
  correct: string[],
  distractors: { text: string; misconception: string }[],
): { options: Option[]; ids: string[] } {
  const seen: string[] = [];
  const out: Option[] = [];
  const ids: string[] = [];
  for (const text of correct) {
    if (seen.some((s) => same(s, text))) continue;
    seen.push(text);
    const id = opaqueId(questionId, text);
    ids.push(id);
    out.push({ id, text });
  }
  for (const d of distractors) {
    if (seen.some((s) => same(s, d.text))) continue; // never a duplicate, never a second right answer
    seen.push(d.text);
    out.push({ id: opaqueId(questionId, d.text), text: d.text, misconception: d.misconception });
  }
  return { options: out, ids };
}

export const conceptName = (lesson: Lesson, id: string) => lesson.concepts.find((c) => c.id === id)?.name ?? id;

/** The concept's name with its article, as a sentence uses it: "a ClusterIP", "an EndpointSlice". */
export function aConcept(lesson: Lesson, id: string): string {
  const concept = lesson.concepts.find((c) => c.id === id);
  return concept ? withArticle(concept.name, concept.article) : id;
}

/**
 * A row's feature is a column label ("Allocated by", "Assigned to"), not always a noun, so generated
 * sentences quote it as a label (the “Allocated by” entry) instead of using it as a noun.
 */
export const entryOf = (row: ComparisonRow) => `the “${row.feature}” entry`;

/** The author's question for this row about one concept, or null when the row has none. */
export function rowQuestion(lesson: Lesson, row: ComparisonRow, conceptId: string): string | null {
  const concept = lesson.concepts.find((c) => c.id === conceptId);
  return row.question && concept ? fillRowQuestion(row.question, concept) : null;
}

/** Statements name their own concept; blank every concept name so the name does not give the answer away. */
export const blankConceptNames = (lesson: Lesson, text: string) =>
  blankNames(
    text,
    lesson.concepts.map((c) => c.name),
  );

export function rowExplanation(lesson: Lesson, row: ComparisonRow): string {
  return `${row.feature}: ${lesson.comparison!.conceptIds.map((id) => `${conceptName(lesson, id)}, “${row.values[id]}”`).join("; ")}.`;
}
