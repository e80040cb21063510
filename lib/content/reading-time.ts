import type { Lesson } from "./types";

/**
 * Reading speed for the estimate when a lesson gives no `minutes:`. Technical text with tables is
 * read slower than prose (often quoted at 200 to 250 words a minute); we take the slow end.
 */
export const WORDS_PER_MINUTE = 200;

export interface ReadingTime {
  minutes: number;
  /** "author" when the lesson's frontmatter says so, "word-count" when derived. */
  source: "author" | "word-count";
}

export function readingTime(lesson: Pick<Lesson, "minutes" | "wordCount">): ReadingTime {
  if (lesson.minutes !== undefined) return { minutes: lesson.minutes, source: "author" };
  return { minutes: Math.max(1, Math.ceil(lesson.wordCount / WORDS_PER_MINUTE)), source: "word-count" };
}
