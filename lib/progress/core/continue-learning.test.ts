import { describe, expect, it } from "vitest";
import type { Lesson } from "../../content/types";
import { continueLearning } from "./continue-learning";

const lesson = (slug: string, prerequisites: string[] = []): Lesson =>
  ({
    slug,
    title: slug,
    prerequisites,
    toc: [
      { id: "intro", title: "Intro", level: 2 },
      { id: "table", title: "Table", level: 2 },
    ],
  }) as Lesson;
const lessons = [lesson("one"), lesson("two"), lesson("three")];
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe("continueLearning", () => {
  it("suggests the first lesson to a new learner", () => {
    expect(continueLearning(lessons, [])).toEqual({ kind: "next", lesson: lessons[0] });
  });

  it("resumes the most recently viewed unfinished lesson at its section", () => {
    const progress = [
      { lessonSlug: "one", lastViewedAt: at(1), completedAt: null, lastSectionId: "intro" },
      { lessonSlug: "three", lastViewedAt: at(5), completedAt: null, lastSectionId: "table" },
      { lessonSlug: "two", lastViewedAt: at(9), completedAt: at(9), lastSectionId: null },
    ];
    expect(continueLearning(lessons, progress)).toEqual({ kind: "resume", lesson: lessons[2], sectionId: "table" });
  });

  it("ignores a remembered section that no longer exists", () => {
    const progress = [{ lessonSlug: "two", lastViewedAt: at(1), completedAt: null, lastSectionId: "gone" }];
    expect(continueLearning(lessons, progress)).toEqual({ kind: "resume", lesson: lessons[1], sectionId: null });
  });

  it("moves on to the first uncompleted lesson when everything viewed is done", () => {
    const progress = [{ lessonSlug: "one", lastViewedAt: at(1), completedAt: at(2), lastSectionId: null }];
    expect(continueLearning(lessons, progress)).toEqual({ kind: "next", lesson: lessons[1] });
  });

  it("ignores progress on lessons that were removed, and says when all are done", () => {
    const done = lessons.map((l) => ({
      lessonSlug: l.slug,
      lastViewedAt: at(1),
      completedAt: at(1),
      lastSectionId: null,
    }));
    const stale = { lessonSlug: "removed", lastViewedAt: at(9), completedAt: null, lastSectionId: null };
    expect(continueLearning(lessons, [...done, stale])).toEqual({ kind: "all-done" });
    expect(continueLearning([], [])).toEqual({ kind: "no-lessons" });
  });

  it("offers next the first lesson in course order whose prerequisites are all completed", () => {
    const course = [lesson("one"), lesson("two", ["three"]), lesson("three", ["one"]), lesson("four")];
    const done = (...slugs: string[]) =>
      slugs.map((slug) => ({ lessonSlug: slug, lastViewedAt: at(1), completedAt: at(2), lastSectionId: null }));
    expect(continueLearning(course, [])).toEqual({ kind: "next", lesson: course[0] });
    // "two" comes first in order but needs "three", which is now open.
    expect(continueLearning(course, done("one"))).toEqual({ kind: "next", lesson: course[2] });
    expect(continueLearning(course, done("one", "three"))).toEqual({ kind: "next", lesson: course[1] });
    // A prerequisite that is not a lesson (removed, or a draft) does not block.
    expect(continueLearning([lesson("a", ["gone"])], [])).toEqual({ kind: "next", lesson: lesson("a", ["gone"]) });
  });
});
