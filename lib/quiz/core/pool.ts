import type { Lesson } from "../../content/types";
import { lessonQuestions } from "./lesson-questions";
import { findScenario } from "./scenarios";
import { hash32, type QuizSeed } from "./seeded";
import { type Question, QuizGenerationError } from "./types";
import { questionProblems } from "./validate-question";

/** Scenario variants per scenario in a pool: each is a different cluster (seed), names and sizes. */
export const SCENARIO_VARIANTS = 2;

export function scenarioQuestions(lesson: Lesson, seed: QuizSeed): Question[] {
  const lessonConcepts = lesson.concepts.map((c) => c.id);
  const sections = new Set(lesson.toc.map((t) => t.id));
  const out: Question[] = [];
  for (const scenarioId of lesson.scenarios) {
    const template = findScenario(scenarioId);
    if (!template) throw new QuizGenerationError(`unknown scenario "${scenarioId}" in frontmatter scenarios`);
    for (let variant = 0; variant < SCENARIO_VARIANTS; variant++) {
      const variantSeed = hash32(`${seed}:${scenarioId}:${variant}`) % 1_000_000;
      const draft = template.build(variantSeed);
      const concepts = template.concepts.filter((c) => lessonConcepts.includes(c));
      out.push({
        ...draft,
        id: `scenario:${scenarioId}:${variantSeed}`,
        lessonSlug: lesson.slug,
        sectionId: template.sections.find((s) => sections.has(s)) ?? lesson.concepts[0].sectionId,
        concepts: concepts.length > 0 ? concepts : lessonConcepts,
        source: "simulator",
        difficulty: 3,
      } as Question);
    }
  }
  return out;
}

/**
 * Every question for a lesson with this seed: from its structure and from its scenarios. The same
 * lesson and seed always give the same pool, so the server can rebuild a quiz from its seed alone.
 */
export function questionPool(lesson: Lesson, seed: QuizSeed): Question[] {
  const pool = [...lessonQuestions(lesson, hash32(`${lesson.slug}:${seed}`)), ...scenarioQuestions(lesson, seed)];
  const ids = new Set<string>();
  for (const q of pool) {
    if (ids.has(q.id)) throw new QuizGenerationError(`two questions share the id ${q.id}`);
    ids.add(q.id);
    const problems = questionProblems(q);
    if (problems.length) throw new QuizGenerationError(`question ${q.id}: ${problems.join("; ")}`);
  }
  return pool;
}
