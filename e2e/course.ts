import path from "node:path";
import { loadContent } from "../lib/content/load-content";
import { loadDrills } from "../lib/drills/core/load-drills";

/**
 * What the shipped course holds, read from content/ the way the server reads it, so specs
 * expect counts the course really has instead of numbers that go stale with every new lesson.
 */
const root = path.resolve("content");
const library = loadContent(root);
const { drills } = loadDrills(root);

export const course = {
  lessonCount: library.lessons.length,
  lessonSlugs: library.lessons.map((l) => l.slug),
  drillCount: drills.length,
  /** The module that holds the lesson most specs use (ClusterIP vs Pod IP). */
  moduleOf: (slug: string) => {
    const module = library.modules.find((m) => m.lessons.some((l) => l.slug === slug));
    if (!module) throw new Error(`no module holds ${slug}`);
    return module;
  },
  /** A drill task's hints, in the order the page offers them. */
  taskHints: (drillSlug: string, stepId: string) => {
    const step = drills.find((d) => d.slug === drillSlug)?.steps.find((s) => s.id === stepId);
    if (step?.type !== "task") throw new Error(`${drillSlug} has no task ${stepId}`);
    return step.hints;
  },
  lessonAfter: (slug: string) => {
    const index = library.lessons.findIndex((l) => l.slug === slug);
    return library.lessons[index + 1];
  },
};
