// The Lesson model: what lib/quiz, lib/srs and the app read from a lesson file.

import type { Article } from "./articles";
import type { AuthoredQuestionInput } from "./authored-questions";

export interface LessonFrontmatter {
  title: string;
  slug: string;
  module: string;
  order: number;
  concepts: ConceptRef[];
  summary: string;
  draft: boolean;
  /** Hand-written flashcards from the frontmatter. */
  cards: { front: string; back: string; section?: string }[];
  /** Ids of simulator scenarios (lib/quiz/scenarios) that generate questions for this lesson. */
  scenarios: string[];
  /** Hand-written quiz questions, as written (see Lesson.authoredQuestions). */
  questions: AuthoredQuestionInput[];
  /** Author's questions for comparison rows, by feature name (see ComparisonRow.question). */
  rowQuestions: Record<string, string>;
  /** The author's reading-time estimate in minutes, when given (see lib/content/reading-time.ts). */
  minutes?: number;
  /** Slugs of the lessons a learner should read before this one. */
  prerequisites: string[];
}

export interface ConceptRef {
  id: string;
  name: string;
  /** The article generated questions put before the name; by default "a" or "an" from its sound. */
  article?: Article;
}

export interface TocEntry {
  id: string;
  title: string;
  level: 2 | 3;
}

export interface ConceptAttribute {
  /** Stable key such as "what-it-is", "purpose", "scope", "example". */
  key: string;
  label: string;
  /** The attribute's statements, one per list item or paragraph, as plain text. */
  statements: string[];
  sectionId: string;
}

export interface Concept extends ConceptRef {
  sectionId: string;
  attributes: ConceptAttribute[];
}

export interface ComparisonRow {
  featureId: string;
  feature: string;
  /** Cell text per concept id. */
  values: Record<string, string>;
  line: number;
  /**
   * The author's question for this row, from a "Feature :: question" item under the table, with
   * `{concept}` or `{a concept}` where the concept's name goes: "Who allocates {a concept}'s address?".
   */
  question?: string;
}

export interface ComparisonTable {
  sectionId: string;
  /** Concept ids in column order. */
  conceptIds: string[];
  rows: ComparisonRow[];
}

export interface AuthoredCard {
  front: string;
  back: string;
  sectionId: string;
}

/**
 * A hand-written quiz question of the lesson, checked against it: its concepts are the lesson's,
 * its section exists. `line` is where it starts in the lesson file, for content:check.
 */
export type AuthoredQuestion = AuthoredQuestionInput extends infer Q
  ? Q extends AuthoredQuestionInput
    ? Omit<Q, "section"> & { sectionId: string; line: number }
    : never
  : never;

export interface KeyPoint {
  text: string;
  sectionId: string;
}

export interface Lesson extends LessonFrontmatter {
  sourcePath: string;
  toc: TocEntry[];
  concepts: Concept[];
  comparison: ComparisonTable | null;
  keyPoints: KeyPoint[];
  /** Hand-written flashcards, from the frontmatter and from a "flashcards" section ("front :: back" items). */
  authoredCards: AuthoredCard[];
  /** Hand-written quiz questions from the frontmatter `questions:`, in file order. */
  authoredQuestions: AuthoredQuestion[];
  /** Ordered steps, where the lesson has a "steps" section. */
  steps: string[];
  /** Markdown body without frontmatter. */
  body: string;
  /** Line in the source file where the body starts (1-based), for error messages. */
  bodyLine: number;
  /** Links from the body to glossary terms and other lessons (`glossary:` and `lesson:` hrefs). */
  crossLinks: CrossLinkAt[];
  /** Words of the body, for the reading-time estimate. */
  wordCount: number;
}

/** A link written `[text](glossary:term-id)` or `[text](lesson:slug)` / `[text](lesson:slug#section)`. */
export type CrossLink = { kind: "glossary"; termId: string } | { kind: "lesson"; slug: string; sectionId?: string };

export type CrossLinkAt = CrossLink & { line: number };

export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
  /** Other spellings search should find the term by. */
  aliases: string[];
  /** The lesson section that teaches the term, when that lesson exists. */
  lesson?: { slug: string; sectionId?: string };
  /** Line of the term in the glossary file, for content:check messages. */
  line: number;
}

export interface ModuleInfo {
  id: string;
  title: string;
  order: number;
  description: string;
}

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}
