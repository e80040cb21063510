import path from "node:path";
import { loadContent } from "../../../content/load-content";
import { parseLesson } from "../../../content/parse-lesson";
import { lessonWith } from "../../../content/test-support/lesson-fixture";
import type { Lesson } from "../../../content/types";

// Lessons the quiz tests share: the real content (drafts included) and small fixtures.

export const lessons = loadContent(path.resolve("content"), { includeDrafts: true }).lessons;

/** Seeds spread out enough that pools and draws differ between them. */
export const SEEDS = Array.from({ length: 12 }, (_, i) => i * 7919 + 1);

export function fixture(source: string): Lesson {
  const { lesson, problems } = parseLesson(source, "fixture.md");
  if (!lesson) throw new Error(JSON.stringify(problems));
  return lesson;
}

/** The fixture lesson with three steps, so it yields an ordering question. */
export const stepsLesson = () =>
  fixture(
    lessonWith("1. First do this.\n2. Then that.", "1. First do this.\n2. Then that.\n3. Finally the last thing."),
  );

/** Whether a text shown to learners is `written` with some words blanked as ▢ (giveaways.ts). */
export function isBlankedFrom(shown: string, written: string): boolean {
  const pattern = shown
    .split("▢")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\w-]+(?: [\\w-]+)?");
  return new RegExp(`^${pattern}$`, "i").test(written);
}
