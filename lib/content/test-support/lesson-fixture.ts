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
