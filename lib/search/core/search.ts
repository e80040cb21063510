import { crossLinkPath, glossaryAnchor } from "../../content/cross-links";
import { lessonSections } from "../../content/lesson-sections";
import type { GlossaryTerm, Lesson } from "../../content/types";
import type { Flashcard } from "../../flashcards/core/cards";

// Search over the content library: lesson sections, glossary terms and flashcards. Every word of the
// query must occur (any case, accents ignored) in a document's title or text; titles weigh more.

export type SearchKind = "lesson" | "glossary" | "card";

export interface SearchDocument {
  kind: SearchKind;
  title: string;
  /** Where the document sits: "Lesson title › Section title", or the glossary. */
  context: string;
  text: string;
  href: string;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  kind: SearchKind;
  title: string;
  context: string;
  href: string;
  snippet: SnippetPart[];
}

export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 8;
const SNIPPET_RADIUS = 90;

/** Lower case, accents dropped; keeps length for ASCII text, so offsets map back for snippets. */
const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** The words of a query, folded, longest first, at most MAX_WORDS. */
export function queryWords(query: string): string[] {
  const words = fold(query.slice(0, MAX_QUERY_LENGTH)).match(/[\p{L}\p{N}][\p{L}\p{N}._/:-]*/gu) ?? [];
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
}

export function buildSearchIndex(input: {
  lessons: Lesson[];
  glossary: GlossaryTerm[];
  cards: Flashcard[];
}): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const titles = new Map(input.lessons.map((l) => [l.slug, l.title]));
  for (const lesson of input.lessons)
    for (const section of lessonSections(lesson))
      docs.push({
        kind: "lesson",
        title: section.id ? section.title : lesson.title,
        context: section.id ? lesson.title : "Introduction",
        text: section.text,
        href: crossLinkPath({ kind: "lesson", slug: lesson.slug, ...(section.id ? { sectionId: section.id } : {}) }),
      });
  for (const term of input.glossary)
    docs.push({
      kind: "glossary",
      title: term.term,
      context: "Glossary",
      text: [term.definition, ...term.aliases].join(" "),
      href: `/glossary#${glossaryAnchor(term.id)}`,
    });
  for (const card of input.cards)
    docs.push({
      kind: "card",
      title: card.front,
      context: `Flashcard · ${titles.get(card.lessonSlug) ?? card.lessonSlug}`,
      text: card.back,
      href: crossLinkPath({ kind: "lesson", slug: card.lessonSlug, sectionId: card.sectionId }),
    });
  return docs;
}

/** The text around the first place a query word occurs, cut at word boundaries, matches marked. */
export function snippet(text: string, words: string[]): SnippetPart[] {
  const folded = fold(text);
  const canMap = folded.length === text.length;
  const first = Math.min(...words.map((w) => folded.indexOf(w)).filter((i) => i >= 0));
  const at = Number.isFinite(first) && canMap ? first : 0;
  let start = Math.max(0, at - SNIPPET_RADIUS);
  let end = Math.min(text.length, at + SNIPPET_RADIUS * 2);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
  const window = text.slice(start, end);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: "…", match: false });
  if (!canMap) parts.push({ text: window, match: false });
  else {
    const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    const foldedWindow = fold(window);
    let last = 0;
    for (const m of foldedWindow.matchAll(pattern)) {
      if (m.index > last) parts.push({ text: window.slice(last, m.index), match: false });
      parts.push({ text: window.slice(m.index, m.index + m[0].length), match: true });
      last = m.index + m[0].length;
    }
    if (last < window.length) parts.push({ text: window.slice(last), match: false });
  }
  if (end < text.length) parts.push({ text: "…", match: false });
  return parts;
}

/**
 * Documents holding every word of the query, best first: a title that is the query itself wins, a
 * word in the title counts three times a word in the text; ties keep index order (course order, then
 * glossary, then cards).
 */
export function search(index: SearchDocument[], query: string, limit = 30): SearchResult[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const phrase = words.length > 1 ? fold(query).trim().replace(/\s+/g, " ") : words[0];
  const scored: { doc: SearchDocument; score: number; order: number }[] = [];
  index.forEach((doc, order) => {
    const title = fold(doc.title);
    const text = fold(doc.text);
    let score = title === phrase ? 10 : 0;
    for (const word of words) {
      const inTitle = title.includes(word);
      if (!inTitle && !text.includes(word)) return;
      score += inTitle ? 3 : 1;
    }
    scored.push({ doc, score, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ doc }) => ({
      kind: doc.kind,
      title: doc.title,
      context: doc.context,
      href: doc.href,
      snippet: snippet(doc.text || doc.title, words),
    }));
}
