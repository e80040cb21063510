/** A small valid lesson; tests break one part of it at a time. */
export const validLesson = `---
title: Alpha vs Beta
slug: alpha-vs-beta
module: testing
order: 1
concepts:
  - id: alpha
    name: Alpha
  - id: beta
    name: Beta
summary: Two things compared.
---

Intro paragraph.

## Alpha {#alpha}

### What it is

- Alpha is the first thing.

### Scope

- Alpha lasts forever.
- Alpha is everywhere.

## Beta {#beta}

### What it is

Beta is the second thing, said in a paragraph.

## Comparison {#comparison}

| Feature | Alpha | Beta |
| --- | --- | --- |
| Lifetime | Forever | Short |
| Owner | The \`system\` | A **user** |

## Steps {#steps}

1. First do this.
2. Then that.

## Key points {#key-points}

- Alpha lasts.
- Beta does not.
`;

/** Replaces the first occurrence of `from` in the valid lesson; fails loudly if it is not there. */
export function lessonWith(from: string, to: string): string {
  if (!validLesson.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return validLesson.replace(from, to);
}

/** Hand-written questions for the fixture lesson, one of each kind an author can write. */
export const authoredQuestionsYaml = `questions:
  - kind: single
    prompt: Why does the first thing outlast the second?
    concepts: [alpha, beta]
    section: comparison
    options:
      - text: The system owns it and keeps it for good.
        correct: true
      - text: A user renews it every day.
        misconception: Thinks a user keeps it alive.
      - text: It is copied whenever it would expire.
        misconception: Thinks it is replaced rather than kept.
    explanation: The comparison says the system owns Alpha, and Alpha lasts forever.
  - kind: multiple
    prompt: Which of these hold for the first thing?
    concepts: [alpha]
    section: scope
    difficulty: 3
    options:
      - text: It lasts forever.
        correct: true
      - text: It is everywhere.
        correct: true
      - text: It is short-lived.
        misconception: Gives it the other thing's lifetime.
      - text: A user owns it.
        misconception: Gives it the other thing's owner.
    explanation: Its scope section says it lasts forever and is everywhere.
  - kind: true-false
    prompt: A user owns the first thing.
    answer: false
    misconception: Gives Alpha the owner of Beta.
    concepts: [alpha]
    section: comparison
    explanation: The system owns Alpha; a user owns Beta.
`;

/** The fixture lesson with `questions:` frontmatter (by default authoredQuestionsYaml). */
export const lessonWithQuestions = (yaml = authoredQuestionsYaml) =>
  lessonWith("summary: Two things compared.", `summary: Two things compared.\n${yaml.trimEnd()}`);

/** The 1-based line of the first line of `source` that contains `text`. */
export function lineContaining(source: string, text: string): number {
  const index = source.split("\n").findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(text)}`);
  return index + 1;
}
