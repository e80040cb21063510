import { kindModule } from "./kinds";
import type { Question } from "./types";

/** The invariants every generated question keeps; returns what is wrong, empty when nothing is. */
export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  if (!q.prompt.trim()) problems.push("empty prompt");
  if (!q.explanation.trim()) problems.push("no explanation");
  if (q.concepts.length === 0) problems.push("no concept tags");
  if (!q.sectionId) problems.push("no lesson section");
  return [...problems, ...kindModule(q.kind).validate(q)];
}
