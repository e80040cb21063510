import { describe, expect, it } from "vitest";
import {
  authoredQuestionsYaml,
  lessonWith,
  lessonWithQuestions,
  lineContaining,
} from "../../content/test-support/lesson-fixture";
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

  it("fails a hand-written question whose right option alone names a concept, at the question's line", () => {
    expect(checkLessonQuestions(fixture(lessonWithQuestions()))).toEqual([]);
    const source = lessonWithQuestions(
      authoredQuestionsYaml.replace("The system owns it and keeps it for good.", "The system owns Alpha for good."),
    );
    expect(checkLessonQuestions(fixture(source))).toEqual([
      {
        file: "fixture.md",
        line: lineContaining(source, "- kind: single"),
        message:
          "frontmatter questions.0: “Alpha” appears in the right options only, which gives the answer away; name it in a wrong option too, or in none",
      },
    ]);
    // Named in a wrong option too, it tells nothing apart.
    const both = source.replace("A user renews it every day.", "A user renews Alpha every day.");
    expect(checkLessonQuestions(fixture(both))).toEqual([]);
  });
});
