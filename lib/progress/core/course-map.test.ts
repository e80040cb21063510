import { describe, expect, it } from "vitest";
import type { Lesson } from "../../content/types";
import { courseMap } from "./course-map";

const lesson = (slug: string, module: string, extra: Partial<Lesson> = {}): Lesson =>
  ({ slug, title: `Title ${slug}`, module, prerequisites: [], wordCount: 450, ...extra }) as Lesson;
const a = lesson("a", "m1", { minutes: 12 });
const b = lesson("b", "m1", { prerequisites: ["a", "not-a-lesson"] });
const c = lesson("c", "m2", { prerequisites: ["b"], wordCount: 2001 });
const library = {
  modules: [
    { id: "m1", title: "One", order: 1, description: "d", lessons: [a, b] },
    { id: "m2", title: "Two", order: 2, description: "d", lessons: [c] },
  ],
  lessons: [a, b, c],
};
const record = (lessonSlug: string, completed: boolean) => ({
  lessonSlug,
  startedAt: new Date(0),
  lastViewedAt: new Date(0),
  completedAt: completed ? new Date(1) : null,
  timeSpentSec: 0,
  lastSectionId: null,
});

describe("courseMap", () => {
  it("lists modules and lessons in order with reading times, module totals and known prerequisites", () => {
    const map = courseMap(library);
    expect(map.map((m) => [m.id, m.minutes, m.lessons.map((l) => l.lesson.slug)])).toEqual([
      ["m1", 12 + 3, ["a", "b"]],
      ["m2", 11, ["c"]],
    ]);
    expect(map[0].lessons[0].readingTime).toEqual({ minutes: 12, source: "author" });
    expect(map[0].lessons[1].prerequisites).toEqual([{ slug: "a", title: "Title a", completed: false }]);
    expect(map.flatMap((m) => m.lessons.map((l) => [l.status, l.bestQuizScore]))).toEqual([
      ["not-started", null],
      ["not-started", null],
      ["not-started", null],
    ]);
  });

  it("shows the learner's status, completed prerequisites and best quiz score per lesson", () => {
    const map = courseMap(library, [record("a", true), record("b", false)], new Map([["b", 0.8]]));
    expect(map.flatMap((m) => m.lessons.map((l) => [l.lesson.slug, l.status, l.bestQuizScore]))).toEqual([
      ["a", "completed", null],
      ["b", "in-progress", 0.8],
      ["c", "not-started", null],
    ]);
    expect(map[0].lessons[1].prerequisites[0].completed).toBe(true);
    expect(map.map((m) => m.completed)).toEqual([1, 0]);
  });
});
