import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { linkProblems, prerequisiteProblems } from "./course-problems";
import { GLOSSARY_FILE, parseGlossary } from "./glossary";
import { parseLesson } from "./parse-lesson";
import type { ContentProblem, GlossaryTerm, Lesson, ModuleInfo } from "./types";

export interface ContentLibrary {
  modules: (ModuleInfo & { lessons: Lesson[] })[];
  /** Every lesson in course order: modules by order, lessons by order within their module. */
  lessons: Lesson[];
  /** content/glossary.yaml, in file order (empty when there is none). */
  glossary: GlossaryTerm[];
  problems: ContentProblem[];
}

const moduleSchema = z.object({
  title: z.string().trim().min(1),
  order: z.number().int().min(0),
  description: z.string().trim().min(1),
});

export const MODULE_FILE = "module.yaml";

/**
 * Reads content/<module>/module.yaml and content/<module>/*.md. Problems are collected, never
 * thrown, so content:check can report all of them at once.
 */
export function loadContent(root: string, options: { includeDrafts?: boolean } = {}): ContentLibrary {
  const problems: ContentProblem[] = [];
  const modules: ContentLibrary["modules"] = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(root)) {
    return {
      modules,
      lessons: [],
      glossary: [],
      problems: [{ file: rel(root), line: 0, message: "content folder not found" }],
    };
  }
  for (const dir of fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const moduleDir = path.join(root, dir);
    const moduleFile = path.join(moduleDir, MODULE_FILE);
    let info: ModuleInfo | null = null;
    if (!fs.existsSync(moduleFile)) {
      problems.push({
        file: rel(moduleFile),
        line: 0,
        message: `module folder "${dir}" has no ${MODULE_FILE} (title, order, description)`,
      });
    } else {
      try {
        const parsed = moduleSchema.safeParse(parseYaml(fs.readFileSync(moduleFile, "utf8")));
        if (parsed.success) info = { id: dir, ...parsed.data };
        else
          for (const issue of parsed.error.issues)
            problems.push({ file: rel(moduleFile), line: 1, message: `${issue.path.join(".")}: ${issue.message}` });
      } catch (err) {
        problems.push({
          file: rel(moduleFile),
          line: 1,
          message: `not valid YAML: ${(err as Error).message.split("\n")[0]}`,
        });
      }
    }
    const lessons: Lesson[] = [];
    for (const name of fs
      .readdirSync(moduleDir)
      .filter((n) => n.endsWith(".md"))
      .sort()) {
      const file = path.join(moduleDir, name);
      const result = parseLesson(fs.readFileSync(file, "utf8"), rel(file));
      problems.push(...result.problems);
      if (!result.lesson) continue;
      if (result.lesson.module !== dir) {
        problems.push({
          file: rel(file),
          line: 2,
          message: `frontmatter module "${result.lesson.module}" does not match its folder "${dir}"`,
        });
        continue;
      }
      if (result.lesson.draft && !options.includeDrafts) continue;
      lessons.push(result.lesson);
    }
    lessons.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
    if (info) modules.push({ ...info, lessons });
  }
  modules.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const all = modules.flatMap((m) => m.lessons);
  const bySlug = new Map<string, Lesson>();
  for (const lesson of all) {
    const other = bySlug.get(lesson.slug);
    if (other)
      problems.push({
        file: lesson.sourcePath,
        line: 2,
        message: `slug "${lesson.slug}" is already used by ${other.sourcePath}`,
      });
    else bySlug.set(lesson.slug, lesson);
  }
  const glossaryPath = path.join(root, GLOSSARY_FILE);
  const glossary = fs.existsSync(glossaryPath)
    ? parseGlossary(fs.readFileSync(glossaryPath, "utf8"), rel(glossaryPath))
    : { terms: [], problems: [] };
  problems.push(
    ...glossary.problems,
    ...prerequisiteProblems(all),
    ...linkProblems(all, glossary.terms, rel(glossaryPath)),
  );
  return { modules, lessons: all, glossary: glossary.terms, problems };
}
