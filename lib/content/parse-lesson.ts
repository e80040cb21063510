import { isCrossLinkHref, parseCrossLink } from "./cross-links";
import { splitFrontmatter, validateFrontmatter } from "./frontmatter";
import { inlineText, slugify, type Token, tokenizeLesson } from "./markdown";
import { rowQuestionProblem } from "./row-questions";
import type {
  AuthoredCard,
  AuthoredQuestion,
  ComparisonRow,
  ComparisonTable,
  Concept,
  ContentProblem,
  CrossLinkAt,
  KeyPoint,
  Lesson,
  LessonFrontmatter,
  TocEntry,
} from "./types";

/** Section ids with a meaning of their own; every other h2 is prose. */
export const SECTION_IDS = {
  comparison: "comparison",
  keyPoints: "key-points",
  steps: "steps",
  flashcards: "flashcards",
} as const;

export interface ParseResult {
  lesson: Lesson | null;
  problems: ContentProblem[];
}

interface Section {
  id: string;
  title: string;
  line: number;
  /** Tokens between this h2 and the next. */
  tokens: Token[];
}

export function parseLesson(source: string, sourcePath: string): ParseResult {
  const problems: ContentProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file: sourcePath, line, message });

  const doc = splitFrontmatter(source);
  if (doc.error) {
    report(doc.error.line, doc.error.message);
    return { lesson: null, problems };
  }
  const fm = validateFrontmatter(doc.data);
  if (!fm.ok) {
    // A hand-written question is long: point at the line of the part that is wrong.
    for (const issue of fm.issues)
      report(
        issue.path[0] === "questions" ? doc.lineOf(issue.path) : 2,
        `frontmatter ${issue.field}: ${issue.message}`,
      );
    return { lesson: null, problems };
  }
  const frontmatter = fm.frontmatter;
  const lineOf = (token: Token | undefined) => doc.bodyLine + (token?.map?.[0] ?? 0);

  const tokens = tokenizeLesson(doc.body);
  const toc: TocEntry[] = [];
  const sections: Section[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "heading_open" && token.tag === "h1") {
      report(lineOf(token), "use ## and ### headings: the lesson title comes from the frontmatter");
    }
    if (token.type === "heading_open" && (token.tag === "h2" || token.tag === "h3")) {
      const entry: TocEntry = {
        id: String(token.attrGet("id") ?? ""),
        title: inlineText(tokens[i + 1]),
        level: token.tag === "h2" ? 2 : 3,
      };
      toc.push(entry);
      if (entry.level === 2) {
        sections.push({ id: entry.id, title: entry.title, line: lineOf(token), tokens: [] });
        continue;
      }
    }
    sections[sections.length - 1]?.tokens.push(token);
  }

  const seenIds = new Set<string>();
  for (const concept of frontmatter.concepts) {
    if (seenIds.has(concept.id)) report(2, `concept id "${concept.id}" is listed twice`);
    seenIds.add(concept.id);
  }

  const concepts: Concept[] = [];
  for (const ref of frontmatter.concepts) {
    const section = sections.find((s) => s.id === ref.id);
    if (!section) {
      report(doc.bodyLine, `concept "${ref.id}" has no section: add a heading "## ${ref.name} {#${ref.id}}"`);
      continue;
    }
    const attributes = parseAttributes(section);
    if (attributes.length === 0) {
      report(
        section.line,
        `concept section "${ref.id}" has no attributes: add ### headings such as "What it is", "Purpose", "Scope", "Example"`,
      );
    }
    concepts.push({ ...ref, sectionId: section.id, attributes });
  }

  const comparisonSection = sections.find((s) => s.id === SECTION_IDS.comparison);
  const comparison = comparisonSection
    ? parseComparison(comparisonSection, frontmatter.concepts, doc.body, doc.bodyLine, report)
    : null;

  attachRowQuestions(frontmatter.rowQuestions, comparison, report);
  const keyPointSection = sections.find((s) => s.id === SECTION_IDS.keyPoints);
  const keyPoints: KeyPoint[] = keyPointSection
    ? listItems(keyPointSection.tokens).map((text) => ({ text, sectionId: keyPointSection.id }))
    : [];
  if (keyPointSection && keyPoints.length === 0)
    report(keyPointSection.line, "the key points section has no list items");

  const stepsSection = sections.find((s) => s.id === SECTION_IDS.steps);
  const steps = stepsSection ? listItems(stepsSection.tokens, "ordered_list_open") : [];
  if (stepsSection && steps.length < 2)
    report(stepsSection.line, "the steps section needs an ordered list of at least two steps");

  const sectionIds = new Set(toc.map((t) => t.id));
  const authoredCards: AuthoredCard[] = [];
  frontmatter.cards.forEach((card, i) => {
    const sectionId = card.section ?? concepts[0]?.sectionId ?? "";
    if (card.section && !sectionIds.has(card.section))
      report(2, `frontmatter cards.${i}.section: no section has the id "${card.section}"`);
    authoredCards.push({ front: card.front, back: card.back, sectionId });
  });
  const authoredQuestions = resolveQuestions(
    frontmatter.questions,
    frontmatter.concepts,
    sectionIds,
    doc.lineOf,
    report,
  );

  const cardSection = sections.find((s) => s.id === SECTION_IDS.flashcards);
  if (cardSection) {
    const items = listItems(cardSection.tokens);
    if (items.length === 0)
      report(cardSection.line, 'the flashcards section has no list items (write each card as "front :: back")');
    for (const item of items) {
      const [front, back, ...extra] = item.split("::").map((part) => part.trim());
      if (!front || !back || extra.length) report(cardSection.line, `flashcard "${item}" must read "front :: back"`);
      else authoredCards.push({ front, back, sectionId: cardSection.id });
    }
  }

  const { crossLinks, wordCount } = scanText(tokens, lineOf, report);

  if (problems.length > 0) return { lesson: null, problems };
  return {
    lesson: {
      ...frontmatter,
      sourcePath,
      toc,
      concepts,
      comparison,
      keyPoints,
      steps,
      authoredCards,
      authoredQuestions,
      body: doc.body,
      bodyLine: doc.bodyLine,
      crossLinks,
      wordCount,
    },
    problems,
  };
}

const countWords = (text: string): number => text.match(/[\p{L}\p{N}][^\s]*/gu)?.length ?? 0;

/** Cross links (`glossary:` and `lesson:` hrefs) with their lines, and the number of words, code included. */
function scanText(tokens: Token[], lineOf: (token: Token) => number, report: (line: number, message: string) => void) {
  const crossLinks: CrossLinkAt[] = [];
  let wordCount = 0;
  for (const token of tokens) {
    if (token.type === "fence" || token.type === "code_block") wordCount += countWords(token.content);
    if (token.type !== "inline") continue;
    wordCount += countWords(inlineText(token));
    for (const child of token.children ?? []) {
      const href = child.type === "link_open" ? String(child.attrGet("href") ?? "") : "";
      if (!isCrossLinkHref(href)) continue;
      const link = parseCrossLink(href);
      if (link) crossLinks.push({ ...link, line: lineOf(token) });
      else
        report(
          lineOf(token),
          `link "${href}" is not a glossary or lesson link: write glossary:term-id, lesson:slug or lesson:slug#section-id`,
        );
    }
  }
  return { crossLinks, wordCount };
}

/** Each ### inside a concept section is one attribute; its list items (or paragraphs) its statements. */
function parseAttributes(section: Section) {
  const attributes: Concept["attributes"] = [];
  let current: Token[] | null = null;
  const flush = (label: string, id: string, body: Token[]) => {
    const statements = listItems(body);
    const texts = statements.length > 0 ? statements : paragraphs(body);
    attributes.push({ key: slugify(label), label, statements: texts, sectionId: id });
  };
  let label = "";
  let id = "";
  const all = section.tokens;
  for (let i = 0; i < all.length; i++) {
    const token = all[i];
    if (token.type === "heading_open" && token.tag === "h3") {
      if (current) flush(label, id, current);
      label = inlineText(all[i + 1]);
      id = String(token.attrGet("id") ?? "");
      current = [];
      i += 2; // skip inline + heading_close
      continue;
    }
    current?.push(token);
  }
  if (current) flush(label, id, current);
  return attributes.filter((a) => a.statements.length > 0);
}

/** Text of every list item's own paragraphs (nested items become items of their own). */
function listItems(tokens: Token[], listType?: "ordered_list_open" | "bullet_list_open"): string[] {
  const items: string[] = [];
  let depth = 0;
  let inWanted = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === "bullet_list_open" || t.type === "ordered_list_open") {
      depth++;
      if (depth === 1 && (!listType || t.type === listType)) inWanted = 1;
    } else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") {
      depth--;
      if (depth === 0) inWanted = 0;
    } else if (inWanted && t.type === "inline" && tokens[i - 1]?.type === "paragraph_open") {
      const text = inlineText(t);
      if (text) items.push(text);
    }
  }
  return items;
}

function paragraphs(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === "inline" && tokens[i - 1]?.type === "paragraph_open") {
      const text = inlineText(tokens[i]);
      if (text) out.push(text);
    }
  }
  return out;
}

/** The frontmatter's questions checked against the lesson: concepts it names, sections it has, one prompt once. */
function resolveQuestions(
  questions: LessonFrontmatter["questions"],
  concepts: LessonFrontmatter["concepts"],
  sectionIds: Set<string>,
  lineOf: (path: readonly PropertyKey[]) => number,
  report: (line: number, message: string) => void,
): AuthoredQuestion[] {
  const conceptIds = new Set(concepts.map((c) => c.id));
  const prompts = new Map<string, number>();
  return questions.map(({ section, ...question }, i) => {
    const at = (...path: PropertyKey[]) => lineOf(["questions", i, ...path]);
    question.concepts.forEach((id, j) => {
      if (!conceptIds.has(id))
        report(
          at("concepts", j),
          `frontmatter questions.${i}.concepts: "${id}" is not one of the lesson's concepts (${[...conceptIds].join(", ")})`,
        );
    });
    if (!sectionIds.has(section))
      report(at("section"), `frontmatter questions.${i}.section: no section has the id "${section}"`);
    const key = question.prompt.toLowerCase();
    const first = prompts.get(key);
    if (first !== undefined)
      report(at("prompt"), `frontmatter questions.${i}.prompt: the same prompt as questions.${first}`);
    else prompts.set(key, i);
    return { ...question, sectionId: section, line: at() };
  });
}

/** Gives each comparison row the author's question from frontmatter `rowQuestions`, by feature name. */
function attachRowQuestions(
  rowQuestions: Record<string, string>,
  comparison: ComparisonTable | null,
  report: (line: number, message: string) => void,
): void {
  for (const [feature, question] of Object.entries(rowQuestions)) {
    const row = comparison?.rows.find((r) => r.featureId === slugify(feature));
    const wrong = rowQuestionProblem(question);
    if (!row) report(2, `frontmatter rowQuestions: the comparison has no row "${feature}"`);
    else if (wrong) report(2, `frontmatter rowQuestions."${feature}": ${wrong}`);
    else row.question = question;
  }
}

function parseComparison(
  section: Section,
  concepts: { id: string; name: string }[],
  body: string,
  bodyLine: number,
  report: (line: number, message: string) => void,
): ComparisonTable | null {
  const tokens = section.tokens;
  const tableStart = tokens.findIndex((t) => t.type === "table_open");
  if (tableStart < 0) {
    report(section.line, "the comparison section has no table");
    return null;
  }
  const tableOpen = tokens[tableStart];
  const tableLine = bodyLine + (tableOpen.map?.[0] ?? 0);
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] | null = null;
  let rowLine = 0;
  for (let i = tableStart + 1; i < tokens.length && tokens[i].type !== "table_close"; i++) {
    const t = tokens[i];
    if (t.type === "tr_open") {
      cells = [];
      rowLine = bodyLine + (t.map?.[0] ?? 0);
    } else if (t.type === "tr_close" && cells) {
      rows.push({ cells, line: rowLine });
    } else if (t.type === "inline" && cells) {
      cells.push(inlineText(t));
    }
  }
  const [header, ...bodyRows] = rows;
  const conceptIds: string[] = [];
  header.cells.slice(1).forEach((name, index) => {
    const concept = concepts.find((c) => c.name.toLowerCase() === name.toLowerCase() || c.id === slugify(name));
    if (!concept)
      report(
        tableLine,
        `comparison column ${index + 2} "${name}" is not one of the lesson's concepts (${concepts.map((c) => c.name).join(", ")})`,
      );
    else conceptIds.push(concept.id);
  });
  if (header.cells.length < 3)
    report(tableLine, "the comparison table needs a feature column and at least two concept columns");

  // markdown-it pads short rows and drops extra cells, so count the cells in the source itself.
  const sourceLines = body.split("\n");
  const expected = header.cells.length;
  const comparisonRows: ComparisonRow[] = [];
  const seenFeatures = new Set<string>();
  for (const row of bodyRows) {
    const raw = sourceLines[row.line - bodyLine] ?? "";
    const rawCount = raw
      .trim()
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split(/(?<!\\)\|/).length;
    if (rawCount !== expected) report(row.line, `comparison row has ${rawCount} cells, the header has ${expected}`);
    const feature = row.cells[0] ?? "";
    if (!feature) report(row.line, "comparison row has no feature name in its first cell");
    const featureId = slugify(feature);
    if (seenFeatures.has(featureId)) report(row.line, `comparison feature "${feature}" appears twice`);
    seenFeatures.add(featureId);
    const values: Record<string, string> = {};
    conceptIds.forEach((id, index) => {
      const value = row.cells[index + 1] ?? "";
      if (!value) report(row.line, `comparison cell for "${feature}" / "${id}" is empty`);
      values[id] = value;
    });
    comparisonRows.push({ featureId, feature, values, line: row.line });
  }
  if (comparisonRows.length === 0) report(tableLine, "the comparison table has no rows");
  return { sectionId: section.id, conceptIds, rows: comparisonRows };
}
