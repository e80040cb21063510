import type { ContentProblem, CrossLink, GlossaryTerm, Lesson } from "./types";

// Checks that need the whole course: prerequisites between lessons, and links from lessons and the
// glossary to lessons, sections and terms. Only what exists is a valid target, so a link to a lesson
// that is not written yet fails content:check until the lesson lands.

/** Unknown prerequisite slugs, and each cycle once (a lesson cannot require itself, even indirectly). */
export function prerequisiteProblems(lessons: Lesson[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  for (const lesson of lessons)
    for (const slug of lesson.prerequisites)
      if (!bySlug.has(slug))
        problems.push({ file: lesson.sourcePath, line: 2, message: `prerequisite "${slug}" is not a lesson slug` });

  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (slug: string): void => {
    state.set(slug, "visiting");
    path.push(slug);
    for (const next of bySlug.get(slug)?.prerequisites ?? []) {
      if (!bySlug.has(next)) continue;
      if (state.get(next) === "visiting") {
        const cycle = [...path.slice(path.indexOf(next)), next];
        const lesson = bySlug.get(slug)!;
        problems.push({
          file: lesson.sourcePath,
          line: 2,
          message: `prerequisites form a cycle: ${cycle.join(" → ")}`,
        });
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(slug, "done");
  };
  for (const lesson of lessons) if (!state.has(lesson.slug)) visit(lesson.slug);
  return problems;
}

/** Why a link cannot be followed, or null when its target exists. */
function brokenLink(link: CrossLink, lessons: Map<string, Lesson>, terms: Set<string>): string | null {
  if (link.kind === "glossary") return terms.has(link.termId) ? null : `no glossary term has the id "${link.termId}"`;
  const lesson = lessons.get(link.slug);
  if (!lesson) return `no lesson has the slug "${link.slug}"`;
  if (link.sectionId && !lesson.toc.some((t) => t.id === link.sectionId))
    return `lesson "${link.slug}" has no section "${link.sectionId}"`;
  return null;
}

/** Lesson links (`glossary:`, `lesson:`) and glossary `lesson:` fields that point at nothing. */
export function linkProblems(lessons: Lesson[], glossary: GlossaryTerm[], glossaryFile: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const bySlug = new Map(lessons.map((l) => [l.slug, l]));
  const terms = new Set(glossary.map((t) => t.id));
  for (const lesson of lessons)
    for (const link of lesson.crossLinks) {
      const broken = brokenLink(link, bySlug, terms);
      if (broken) problems.push({ file: lesson.sourcePath, line: link.line, message: `link: ${broken}` });
    }
  for (const term of glossary) {
    const broken = term.lesson && brokenLink({ kind: "lesson", ...term.lesson }, bySlug, terms);
    if (broken)
      problems.push({ file: glossaryFile, line: term.line, message: `glossary term "${term.id}": ${broken}` });
  }
  return problems;
}
