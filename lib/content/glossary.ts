import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { parseCrossLink } from "./cross-links";
import type { ContentProblem, GlossaryTerm } from "./types";

export const GLOSSARY_FILE = "glossary.yaml";

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const glossarySchema = z.array(
  z.object({
    id: z.string().regex(idPattern, "a term id is lowercase words joined by hyphens"),
    term: z.string().trim().min(1, "a term needs its name"),
    definition: z.string().trim().min(1, "a term needs a definition"),
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** `slug` or `slug#section-id` of the lesson section that teaches the term. */
    lesson: z.string().optional(),
  }),
);

/** 1-based line of a term's `id:` line, so problems point at the term. */
function lineOfTerm(text: string, id: string): number {
  const index = text.split("\n").findIndex((line) => new RegExp(`^\\s*-?\\s*id:\\s*["']?${id}["']?\\s*$`).test(line));
  return index + 1;
}

/** Parses content/glossary.yaml: a list of `{ id, term, definition, aliases?, lesson? }`. */
export function parseGlossary(text: string, file: string): { terms: GlossaryTerm[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  let data: unknown;
  try {
    data = parseYaml(text) ?? [];
  } catch (err) {
    return {
      terms: [],
      problems: [{ file, line: 1, message: `not valid YAML: ${(err as Error).message.split("\n")[0]}` }],
    };
  }
  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ file, line: 1, message: `glossary ${issue.path.join(".") || "file"}: ${issue.message}` });
    return { terms: [], problems };
  }
  const terms: GlossaryTerm[] = [];
  const seen = new Set<string>();
  for (const entry of parsed.data) {
    const line = lineOfTerm(text, entry.id);
    if (seen.has(entry.id)) problems.push({ file, line, message: `glossary term id "${entry.id}" is used twice` });
    seen.add(entry.id);
    const link = entry.lesson === undefined ? undefined : parseCrossLink(`lesson:${entry.lesson}`);
    if (link === null || link?.kind === "glossary") {
      problems.push({
        file,
        line,
        message: `glossary term "${entry.id}": lesson "${entry.lesson}" is not slug or slug#section-id`,
      });
      continue;
    }
    terms.push({
      id: entry.id,
      term: entry.term,
      definition: entry.definition,
      aliases: entry.aliases,
      ...(link ? { lesson: { slug: link.slug, ...(link.sectionId ? { sectionId: link.sectionId } : {}) } } : {}),
      line,
    });
  }
  return { terms, problems };
}
