import { hash32, type QuizSeed, Rng, shuffle } from "./seeded";
import type { Question } from "./types";

export const DEFAULT_QUIZ_LENGTH = 10;

/**
 * What a question is about; a quiz asks about each subject once, so one question never gives away
 * another's answer (e.g. "scope of a Pod IP" as both a true/false and a single choice).
 */
export function subjectOf(q: Pick<Question, "id">): string {
  const [generator, ...rest] = q.id.split(":");
  switch (generator) {
    case "table-concept":
    case "table-value":
    case "table-tf":
      return `row:${rest[0]}`;
    case "odd-one-out":
      return `odd-one-out:${rest[0]}`;
    case "attribute":
      return `attribute:${rest[0]}:${rest[1]}`;
    case "scenario":
      return `scenario:${rest[0]}`;
    default:
      return q.id;
  }
}

/** What a draw looks at; the pool's scenario questions are not built until drawn (see pool.ts). */
export type Drawable = Pick<Question, "id" | "kind" | "source" | "difficulty">;

/**
 * A quiz drawn from a pool: seeded, a varied mix of kinds, each subject once, simulator questions
 * included when the pool has them, easier questions first.
 */
export function drawQuiz<Q extends Drawable>(pool: readonly Q[], seed: QuizSeed, length = DEFAULT_QUIZ_LENGTH): Q[] {
  const rng = new Rng(hash32(`draw:${seed}`));
  const shuffled = shuffle(pool, rng);
  const maxPerKind = Math.max(2, Math.ceil(length / 3));
  const wantScenarios = Math.min(
    Math.ceil(length / 4),
    new Set(pool.filter((q) => q.source === "simulator").map(subjectOf)).size,
  );
  const picked: Q[] = [];
  const subjects = new Set<string>();
  const perKind = new Map<string, number>();
  const take = (q: Q, capKinds: boolean) => {
    if (picked.length >= length || subjects.has(subjectOf(q)) || picked.includes(q)) return;
    if (capKinds && (perKind.get(q.kind) ?? 0) >= maxPerKind) return;
    picked.push(q);
    subjects.add(subjectOf(q));
    perKind.set(q.kind, (perKind.get(q.kind) ?? 0) + 1);
  };
  for (const q of shuffled.filter((q) => q.source === "simulator")) if (picked.length < wantScenarios) take(q, false);
  for (const q of shuffled) take(q, true);
  for (const q of shuffled) take(q, false); // a small pool: relax the mix
  return picked.sort((a, b) => a.difficulty - b.difficulty);
}
