import { AUTHORED_PREFIX } from "./authored-questions";
import type { Question } from "./types";

// What makes two questions the same question in other words. A question's template is the
// generator that wrote it (the part of its id before the first ":"; for a simulator scenario, the
// scenario; a hand-written question is a template of its own), its target what it asks about (its
// concepts). Two questions of one template over one target are near-duplicates: "True or false?
// For a ClusterIP, …" twice with another row.

type Keyed = Pick<Question, "id" | "lessonSlug" | "concepts">;

export function templateOf(q: Pick<Question, "id">): string {
  const [generator, rest] = q.id.split(":");
  return generator === "scenario" || generator === AUTHORED_PREFIX ? `${generator}:${rest}` : generator;
}

export const targetOf = (q: Keyed) => `${q.lessonSlug}/${[...q.concepts].sort().join("+")}`;

/** One key per template and target: an attempt holds at most one question per key. */
export const templateKey = (q: Keyed) => `${templateOf(q)} @ ${targetOf(q)}`;

/**
 * The share of a pool that are templated near-duplicates: questions from the lesson's structure
 * whose template and target another question of the pool shares. Simulator scenarios build a new
 * cluster per variant and authored questions are each written once, so they do not count.
 */
export function nearDuplicateShare(pool: readonly Question[]): number {
  const lessonQuestions = pool.filter((q) => q.source === "lesson");
  if (lessonQuestions.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const q of lessonQuestions) counts.set(templateKey(q), (counts.get(templateKey(q)) ?? 0) + 1);
  return lessonQuestions.filter((q) => (counts.get(templateKey(q)) ?? 0) > 1).length / lessonQuestions.length;
}
