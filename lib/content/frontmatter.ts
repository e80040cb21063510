import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, parse as parseYaml } from "yaml";
import { z } from "zod";
import { authoredQuestionSchema } from "./authored-questions";
import type { LessonFrontmatter } from "./types";

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const lessonFrontmatterSchema = z.object({
  title: z.string().trim().min(1, "title must not be empty"),
  slug: z.string().regex(slugPattern, "slug must be lowercase words joined by hyphens"),
  module: z.string().regex(slugPattern, "module must be lowercase words joined by hyphens"),
  order: z.number().int().min(0),
  concepts: z
    .array(
      z.object({
        id: z.string().regex(slugPattern, "concept id must be lowercase words joined by hyphens"),
        name: z.string().trim().min(1),
        /** How the name takes an article in generated questions; "none" for a mass noun ("session affinity"). */
        article: z.enum(["a", "an", "none"]).optional(),
      }),
    )
    .min(1, "a lesson names at least one concept"),
  summary: z.string().trim().min(1, "summary must not be empty"),
  draft: z.boolean().default(false),
  /** Hand-written flashcards; `section` is the id of the lesson section the card links to. */
  cards: z
    .array(
      z.object({
        front: z.string().trim().min(1, "a card needs a front"),
        back: z.string().trim().min(1, "a card needs a back"),
        section: z.string().optional(),
      }),
    )
    .default([]),
  /**
   * A question per comparison row, by the row's feature name, with `{concept}` or `{a concept}` where
   * the concept's name goes: `Allocated by: Who allocates {a concept}'s address?`.
   */
  rowQuestions: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
  /** Hand-written quiz questions (authored-questions.ts); content:check reports a bad one at its line. */
  questions: z.array(authoredQuestionSchema).default([]),
  /** Simulator scenarios (lib/quiz) whose questions belong to this lesson, by id. */
  scenarios: z.array(z.string().regex(slugPattern, "scenario ids are lowercase words joined by hyphens")).default([]),
  /** The author's reading-time estimate; without it the course map derives one from the word count. */
  minutes: z.number().int().min(1, "minutes is at least 1").max(240, "minutes is at most 240").optional(),
  /** Slugs of lessons to read first; content:check rejects unknown slugs and cycles. */
  prerequisites: z
    .array(z.string().regex(slugPattern, "prerequisites are lesson slugs: lowercase words joined by hyphens"))
    .default([]),
});

export interface SplitDocument {
  data: unknown;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Set when the frontmatter block is missing or is not valid YAML. */
  error?: { line: number; message: string };
  /**
   * The file line of the value at `path` inside the frontmatter (`["questions", 2, "options"]`), or
   * of its nearest parent that exists; 2 (the first frontmatter line) when there is none.
   */
  lineOf(path: readonly PropertyKey[]): number;
}

const FIRST_FRONTMATTER_LINE = 2;
const noLines = () => FIRST_FRONTMATTER_LINE;

/** Finds lines in the frontmatter's YAML, parsed again only when a problem needs one. */
function yamlLines(yamlText: string): (path: readonly PropertyKey[]) => number {
  let parsed: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | null = null;
  return (path) => {
    if (!parsed) {
      const counter = new LineCounter();
      parsed = { doc: parseDocument(yamlText, { lineCounter: counter }), counter };
    }
    const { doc, counter } = parsed;
    for (let depth = path.length; depth > 0; depth--) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      const step = path[depth - 1];
      // A mapping's entry is where its key is written ("options:"), a list's item where it starts.
      const node = isMap(parent)
        ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === step)?.key
        : isSeq(parent) && typeof step === "number"
          ? parent.items[step]
          : undefined;
      if (isNode(node) && node.range) return FIRST_FRONTMATTER_LINE - 1 + counter.linePos(node.range[0]).line;
    }
    return FIRST_FRONTMATTER_LINE;
  };
}

export function splitFrontmatter(source: string): SplitDocument {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  if (lines[0] !== "---") {
    return {
      data: {},
      body: text,
      bodyLine: 1,
      error: { line: 1, message: "missing frontmatter: the file must start with a line '---'" },
      lineOf: noLines,
    };
  }
  const end = lines.indexOf("---", 1);
  if (end < 0) {
    return {
      data: {},
      body: text,
      bodyLine: 1,
      error: { line: 1, message: "frontmatter is not closed by a line '---'" },
      lineOf: noLines,
    };
  }
  const yamlText = lines.slice(1, end).join("\n");
  const body = lines.slice(end + 1).join("\n");
  try {
    return { data: parseYaml(yamlText) ?? {}, body, bodyLine: end + 2, lineOf: yamlLines(yamlText) };
  } catch (err) {
    const linePos = (err as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0;
    return {
      data: {},
      body,
      bodyLine: end + 2,
      error: { line: 1 + linePos, message: `frontmatter is not valid YAML: ${(err as Error).message.split("\n")[0]}` },
      lineOf: noLines,
    };
  }
}

export type FrontmatterResult =
  | { ok: true; frontmatter: LessonFrontmatter }
  | { ok: false; issues: { field: string; path: PropertyKey[]; message: string }[] };

export function validateFrontmatter(data: unknown): FrontmatterResult {
  const result = lessonFrontmatterSchema.safeParse(data);
  if (result.success) return { ok: true, frontmatter: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.join(".") || "frontmatter",
      path: issue.path,
      message: issue.message,
    })),
  };
}
