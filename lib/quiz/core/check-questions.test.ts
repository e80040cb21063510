import { describe, expect, it } from "vitest";
import { lessonWith } from "../../content/test-support/lesson-fixture";
import { checkLessonQuestions } from "./check-questions";
import { fixture, lessons } from "./test-support/quiz-fixtures";

describe("the content check's quiz part", () => {
  for (const lesson of lessons) {
    it(`${lesson.slug}: passes the content check`, () => expect(checkLessonQuestions(lesson)).toEqual([]));
  }

  it("fails the content check for a lesson that yields too few questions, and for an unknown scenario", () => {
    const thin = fixture(`---
title: Lonely
slug: lonely
module: testing
order: 1
concepts:
  - { id: only, name: Only }
summary: One concept.
---

## Only {#only}

### What it is

- Only is alone.
`);
    expect(checkLessonQuestions(thin)[0].message).toMatch(/only \d+ quiz questions? can be generated/);
    const unknown = fixture(
      lessonWith("summary: Two things compared.", "summary: Two things compared.\nscenarios: [no-such-scenario]"),
    );
    expect(checkLessonQuestions(unknown)[0].message).toContain('unknown scenario "no-such-scenario"');
  });
});
