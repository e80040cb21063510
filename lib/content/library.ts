import path from "node:path";
import { type ContentLibrary, loadContent } from "./load-content";
import type { Lesson } from "./types";

let cached: ContentLibrary | null = null;

/**
 * The published lessons, read from CONTENT_DIR (default ./content) once per server process.
 * In development every call reloads, so edits to lessons show up without a restart.
 */
export function contentLibrary(): ContentLibrary {
  if (cached && process.env.NODE_ENV === "production") return cached;
  cached = loadContent(path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? "content"));
  return cached;
}

export const findLesson = (slug: string): Lesson | undefined => contentLibrary().lessons.find((l) => l.slug === slug);
