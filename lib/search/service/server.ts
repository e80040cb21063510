import "server-only";
import { contentLibrary } from "../../content/library";
import type { ContentLibrary } from "../../content/load-content";
import { lessonCards } from "../../flashcards/core/cards";
import { buildSearchIndex, type SearchDocument, type SearchResult, search } from "../core/search";

// The index is rebuilt only when the content library is (once per process in production, on every
// request in development, where lessons reload).
let built: { library: ContentLibrary; index: SearchDocument[] } | null = null;

function indexFor(library: ContentLibrary): SearchDocument[] {
  if (built?.library !== library)
    built = {
      library,
      index: buildSearchIndex({
        lessons: library.lessons,
        glossary: library.glossary,
        cards: library.lessons.flatMap(lessonCards),
      }),
    };
  return built.index;
}

/** Lessons, glossary terms and flashcards matching the query, best first. */
export function searchContent(query: string): SearchResult[] {
  return search(indexFor(contentLibrary()), query);
}
