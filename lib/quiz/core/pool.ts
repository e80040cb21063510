import type { Lesson } from "../../content/types";
import { authoredQuestions } from "./authored-questions";
import { lessonQuestions } from "./lesson-questions";
import { findScenario } from "./scenarios";
import { hash32, type QuizSeed } from "./seeded";
import { type Question, QuizGenerationError } from "./types";
import { questionProblems } from "./validate-question";

/** Scenario variants per scenario in a pool: each is a different cluster (seed), names and sizes. */
export const SCENARIO_VARIANTS = 2;

/**
 * How many different pools a lesson has for new attempts. An attempt's pool (its distractors,
 * scenario clusters) is one of these, chosen by its seed; the draw from the pool and every
 * shuffle still follow the attempt's own seed. A finite number lets the server build each pool
 * once and keep it (lib/quiz/service/pool-cache.ts): 32 pools give each scenario 64 clusters.
 */
export const POOL_VARIANTS = 32;

/** The pool seed of an attempt with this seed: one of POOL_VARIANTS. */
export const poolSeedOf = (seed: QuizSeed): string => `pool-${hash32(`pool:${seed}`) % POOL_VARIANTS}`;

/** A lesson's pool for a pool seed, not yet built: lazyPool, or a cache of it. */
export type PoolSource = (lesson: Lesson, poolSeed: string) => PoolEntry[];

/**
 * A pool entry before it is built: what a draw needs to choose it. A scenario question runs the
 * simulator when built (milliseconds each), so a quiz builds only the few it draws.
 */
export type PoolEntry = Pick<
  Question,
  "id" | "kind" | "source" | "difficulty" | "concepts" | "sectionId" | "lessonSlug"
> & {
  build(): Question;
};

const built = (q: Question): PoolEntry => ({ ...q, build: () => q });

function scenarioEntries(lesson: Lesson, seed: QuizSeed): PoolEntry[] {
  const lessonConcepts = lesson.concepts.map((c) => c.id);
  const sections = new Set(lesson.toc.map((t) => t.id));
  const out: PoolEntry[] = [];
  for (const scenarioId of lesson.scenarios) {
    const template = findScenario(scenarioId);
    if (!template) throw new QuizGenerationError(`unknown scenario "${scenarioId}" in frontmatter scenarios`);
    const matching = template.concepts.filter((c) => lessonConcepts.includes(c));
    for (let variant = 0; variant < SCENARIO_VARIANTS; variant++) {
      const variantSeed = hash32(`${seed}:${scenarioId}:${variant}`) % 1_000_000;
      const filled = {
        id: `scenario:${scenarioId}:${variantSeed}`,
        lessonSlug: lesson.slug,
        sectionId: template.sections.find((s) => sections.has(s)) ?? lesson.concepts[0].sectionId,
        concepts: matching.length > 0 ? matching : lessonConcepts,
        source: "simulator" as const,
        difficulty: 3 as const,
      };
      out.push({
        ...filled,
        kind: template.kind,
        build: () => {
          const draft = template.build(variantSeed);
          if (draft.kind !== template.kind)
            throw new QuizGenerationError(
              `scenario ${scenarioId} declares kind ${template.kind} but built ${draft.kind}`,
            );
          return { ...draft, ...filled } as Question;
        },
      });
    }
  }
  return out;
}

/** A lesson's pool with its scenario questions not yet built: draw from it, then build what was drawn. */
export function lazyPool(lesson: Lesson, seed: QuizSeed): PoolEntry[] {
  const entries = [
    ...lessonQuestions(lesson, hash32(`${lesson.slug}:${seed}`)).map(built),
    ...scenarioEntries(lesson, seed),
    ...authoredQuestions(lesson).map(built),
  ];
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new QuizGenerationError(`two questions share the id ${e.id}`);
    ids.add(e.id);
  }
  return entries;
}

/** Builds drawn entries, refusing any question that is not well formed. */
export function buildEntries(entries: readonly PoolEntry[]): Question[] {
  return entries.map((e) => {
    const q = e.build();
    const problems = questionProblems(q);
    if (problems.length) throw new QuizGenerationError(`question ${q.id}: ${problems.join("; ")}`);
    return q;
  });
}

/**
 * Every question for a lesson with this seed: from its structure, its scenarios and its author. The same
 * lesson and seed always give the same pool, so the server can rebuild a quiz from its seed alone.
 */
export const questionPool = (lesson: Lesson, seed: QuizSeed): Question[] => buildEntries(lazyPool(lesson, seed));
