import { blankNames } from "../../content/lesson-text";
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

/** Statements name their own concept; blank every concept name so the name does not give the answer away. */
export const blankConceptNames = (lesson: Lesson, text: string) =>
  blankNames(
    text,
    lesson.concepts.map((c) => c.name),
  );

export function rowExplanation(lesson: Lesson, row: ComparisonRow): string {
  return `${row.feature}: ${lesson.comparison!.conceptIds.map((id) => `${conceptName(lesson, id)}, “${row.values[id]}”`).join("; ")}.`;
}
