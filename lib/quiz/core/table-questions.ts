import type { Lesson } from "../../content/types";
import { blankedNote, giveawaysIn, neutralise } from "./giveaways";
import type { MatchingQuestion } from "./kinds/matching";
import type { MultipleQuestion } from "./kinds/multiple";
import type { SingleQuestion } from "./kinds/single";
import type { TrueFalseQuestion } from "./kinds/true-false";
import { aConcept, conceptName, entryOf, options, rowExplanation, rowQuestion, same } from "./lesson-options";
import { opaqueId, type Rng, sample, shuffle } from "./seeded";
import type { Question } from "./types";

// Questions from a lesson's comparison table. Every distractor comes from the same table (same row,
// same column), so a wrong option is always a real entry of the lesson attached to the wrong thing.
// Texts a learner picks between go through `neutralise`, so no concept name gives the answer away.

/** "Which of these does “Assigned to: A Service” describe?" — a table cell back to its concept. */
export function whichConcept(lesson: Lesson): Question[] {
  const table = lesson.comparison;
  if (!table) return [];
  const out: Question[] = [];
  for (const row of table.rows) {
    const distinct =
      new Set(table.conceptIds.map((id) => row.values[id].toLowerCase())).size === table.conceptIds.length;
    // A row label that names one concept ("Sees a Service created later" beside "Service
    // environment variables") points at it in every such question, so the row asks none.
    if (!distinct || giveawaysIn(lesson, [row.feature]).length > 0) continue;
    for (const conceptId of table.conceptIds) {
      const id = `table-concept:${row.featureId}:${conceptId}`;
      const others = table.conceptIds.filter((c) => c !== conceptId);
      const built = options(
        id,
        [conceptName(lesson, conceptId)],
        others.map((o) => ({
          text: conceptName(lesson, o),
          misconception: `Mixes up ${entryOf(row)} of ${aConcept(lesson, conceptId)} and ${aConcept(lesson, o)}.`,
        })),
      );
      const [value] = neutralise(lesson, [row.values[conceptId]]);
      out.push({
        id,
        kind: "single",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 1,
        concepts: [conceptId],
        prompt: `Which of these does “${row.feature}: ${value}” describe?${blankedNote([value])}`,
        options: built.options,
        answer: built.ids[0],
        explanation: rowExplanation(lesson, row),
      } satisfies SingleQuestion);
    }
  }
  return out;
}

/** "Who allocates a Pod IP's address?" (the row's own question) — distractors from the same row, then the same column. */
export function cellValue(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table) return [];
  const out: Question[] = [];
  for (const row of table.rows) {
    for (const conceptId of table.conceptIds) {
      const id = `table-value:${row.featureId}:${conceptId}`;
      const aName = aConcept(lesson, conceptId);
      const rowDistractors = table.conceptIds
        .filter((c) => c !== conceptId)
        .map((c) => ({
          text: row.values[c],
          misconception: `Gives ${aName} ${entryOf(row)} of ${aConcept(lesson, c)}.`,
        }));
      const columnDistractors = sample(
        table.rows.filter((r) => r !== row),
        3,
        rng,
      ).map((r) => ({
        text: r.values[conceptId],
        misconception: `Confuses ${entryOf(row)} of ${aName} with its “${r.feature}” entry.`,
      }));
      const picked = options(id, [row.values[conceptId]], [...rowDistractors, ...columnDistractors]).options.slice(
        0,
        4,
      );
      const texts = neutralise(
        lesson,
        picked.map((o) => o.text),
      );
      const built = options(
        id,
        [texts[0]],
        picked.slice(1).map((o, i) => ({ text: texts[i + 1], misconception: o.misconception ?? "" })),
      );
      if (built.options.length < 3) continue;
      const asked = rowQuestion(lesson, row, conceptId) ?? `Which of these completes “${row.feature}: …” for ${aName}?`;
      out.push({
        id,
        kind: "single",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 2,
        concepts: [conceptId],
        prompt: `${asked}${blankedNote(texts)}`,
        options: built.options,
        answer: built.ids[0],
        explanation: rowExplanation(lesson, row),
      } satisfies SingleQuestion);
    }
  }
  return out;
}

/** A table cell stated as a fact, either as written or swapped with a sibling concept's value. */
export function trueFalse(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table) return [];
  const out: Question[] = [];
  for (const row of table.rows) {
    for (const conceptId of table.conceptIds) {
      const swapFrom = table.conceptIds.filter((c) => c !== conceptId && !same(row.values[c], row.values[conceptId]));
      const swap = swapFrom.length > 0 && rng.next() < 0.5 ? swapFrom[rng.int(swapFrom.length)] : null;
      const id = `table-tf:${row.featureId}:${conceptId}${swap ? `:from-${swap}` : ""}`;
      const written = swap ? row.values[swap] : row.values[conceptId];
      const [value] = neutralise(lesson, [written]);
      const asked = rowQuestion(lesson, row, conceptId);
      const claim = asked
        ? `The answer to “${asked}” is “${value}”.`
        : `For ${aConcept(lesson, conceptId)}, “${row.feature}: ${value}”.`;
      out.push({
        id,
        kind: "true-false",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 1,
        concepts: [conceptId],
        prompt: `True or false? ${claim}${blankedNote([value])}`,
        options: [
          { id: "true", text: "True" },
          {
            id: "false",
            text: "False",
            ...(swap ? {} : { misconception: `Thinks ${entryOf(row)} belongs to another concept.` }),
          },
        ],
        answer: swap ? "false" : "true",
        explanation: swap
          ? `False: “${written}” is ${entryOf(row)} of ${aConcept(lesson, swap)}. ${rowExplanation(lesson, row)}`
          : `True. ${rowExplanation(lesson, row)}`,
      } satisfies TrueFalseQuestion);
    }
  }
  return out;
}

/** "Which of these describe a ClusterIP?" — some of its cells and some of its siblings'. */
export function describesConcept(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table || table.rows.length < 3) return [];
  const out: Question[] = [];
  for (const conceptId of table.conceptIds) {
    const aName = aConcept(lesson, conceptId);
    for (let variant = 0; variant < 2; variant++) {
      const id = `table-multi:${conceptId}:${variant}`;
      const rows = sample(table.rows, Math.min(table.rows.length, 4), rng);
      const correct = rows.slice(0, 2).map((r) => `${r.feature}: ${r.values[conceptId]}`);
      const wrong = rows
        .slice(2)
        .flatMap((r) => table.conceptIds.filter((c) => c !== conceptId).map((c) => ({ row: r, c })))
        .filter(({ row: r, c }) => !same(r.values[c], r.values[conceptId]))
        .slice(0, 2)
        .map(({ row: r, c }) => ({
          text: `${r.feature}: ${r.values[c]}`,
          misconception: `Takes ${entryOf(r)} of ${aConcept(lesson, c)} for that of ${aName}.`,
        }));
      const texts = neutralise(lesson, [...correct, ...wrong.map((w) => w.text)]);
      const built = options(
        id,
        texts.slice(0, correct.length),
        wrong.map((w, i) => ({ ...w, text: texts[correct.length + i] })),
      );
      if (built.options.length < 3 || built.ids.length < 2) continue;
      out.push({
        id,
        kind: "multiple",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 2,
        concepts: [conceptId],
        prompt: `Which of these describe ${aName}? Select all that apply.${blankedNote(texts)}`,
        options: built.options,
        answer: built.ids,
        explanation: rows.map((r) => rowExplanation(lesson, r)).join(" "),
      } satisfies MultipleQuestion);
    }
  }
  return out;
}

/** Cells from two or three rows, each to be matched with its concept. */
export function matchCells(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table || table.rows.length < 2) return [];
  const usable = table.rows.filter(
    (r) => new Set(table.conceptIds.map((c) => r.values[c].toLowerCase())).size === table.conceptIds.length,
  );
  const out: Question[] = [];
  for (let variant = 0; variant < 3 && usable.length >= 2; variant++) {
    const rows = sample(usable, Math.min(usable.length, table.conceptIds.length > 2 ? 2 : 3), rng);
    const id = `table-match:${rows
      .map((r) => r.featureId)
      .sort()
      .join("+")}`;
    if (out.some((q) => q.id === id)) continue;
    const cells = rows.flatMap((r) =>
      table.conceptIds.map((c) => ({ text: `${r.feature}: ${r.values[c]}`, conceptId: c })),
    );
    const texts = neutralise(
      lesson,
      cells.map((c) => c.text),
    );
    if (new Set(texts.map((t) => t.toLowerCase())).size < texts.length) continue; // blanking made two alike
    const items = shuffle(
      cells.map((cell, i) => ({ ...cell, text: texts[i] })),
      rng,
    ).map((cell) => ({
      id: opaqueId(id, cell.text),
      text: cell.text,
      conceptId: cell.conceptId,
    }));
    const choices = table.conceptIds.map((c) => ({
      id: opaqueId(`${id}:choice`, c),
      text: conceptName(lesson, c),
      conceptId: c,
    }));
    out.push({
      id,
      kind: "matching",
      lessonSlug: lesson.slug,
      sectionId: table.sectionId,
      source: "lesson",
      difficulty: 2,
      concepts: [...table.conceptIds],
      prompt: `Match each entry of the comparison with what it describes.${blankedNote(texts)}`,
      items: items.map(({ id: itemId, text }) => ({ id: itemId, text })),
      choices: choices.map(({ id: choiceId, text }) => ({ id: choiceId, text })),
      answer: Object.fromEntries(items.map((it) => [it.id, choices.find((c) => c.conceptId === it.conceptId)!.id])),
      explanation: rows.map((r) => rowExplanation(lesson, r)).join(" "),
    } satisfies MatchingQuestion);
  }
  return out;
}
