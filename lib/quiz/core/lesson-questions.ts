import { findTerm } from "../../content/lesson-text";
import type { Concept, Lesson } from "../../content/types";
import type { ClozeQuestion } from "./kinds/cloze";
import type { MatchingQuestion } from "./kinds/matching";
import type { MultipleQuestion } from "./kinds/multiple";
import type { OrderingQuestion } from "./kinds/ordering";
import type { SingleQuestion } from "./kinds/single";
import type { TrueFalseQuestion } from "./kinds/true-false";
import { blankConceptNames, conceptName, options, rowExplanation, same } from "./lesson-options";
import { oddOneOutQuestions } from "./odd-one-out-questions";
import { hash32, normaliseTerm, opaqueId, Rng, sample, shuffle } from "./seeded";
import type { Question } from "./types";

// Questions built from a lesson's structure: its comparison table, concept attributes, key points
// and steps. Every distractor comes from the same lesson (same row, same column, sibling concept),
// so a wrong option is always a real statement from the lesson attached to the wrong thing.

/** "Assigned to: A Service. Which one is that?" — a table cell back to its concept. */
function whichConcept(lesson: Lesson): Question[] {
  const table = lesson.comparison;
  if (!table) return [];
  const out: Question[] = [];
  for (const row of table.rows) {
    const distinct =
      new Set(table.conceptIds.map((id) => row.values[id].toLowerCase())).size === table.conceptIds.length;
    if (!distinct) continue;
    for (const conceptId of table.conceptIds) {
      const id = `table-concept:${row.featureId}:${conceptId}`;
      const others = table.conceptIds.filter((c) => c !== conceptId);
      const built = options(
        id,
        [conceptName(lesson, conceptId)],
        others.map((o) => ({
          text: conceptName(lesson, o),
          misconception: `Mixes up the ${row.feature.toLowerCase()} of ${conceptName(lesson, conceptId)} and ${conceptName(lesson, o)}.`,
        })),
      );
      const q: SingleQuestion = {
        id,
        kind: "single",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 1,
        concepts: [conceptId],
        prompt: `${row.feature}: “${row.values[conceptId]}”. Which one does this describe?`,
        options: built.options,
        answer: built.ids[0],
        explanation: rowExplanation(lesson, row),
      };
      out.push(q);
    }
  }
  return out;
}

/** "For a Pod IP, which is the right Scope?" — distractors from the same row, then the same column. */
function cellValue(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table) return [];
  const out: Question[] = [];
  for (const row of table.rows) {
    for (const conceptId of table.conceptIds) {
      const id = `table-value:${row.featureId}:${conceptId}`;
      const name = conceptName(lesson, conceptId);
      const rowDistractors = table.conceptIds
        .filter((c) => c !== conceptId)
        .map((c) => ({
          text: row.values[c],
          misconception: `Gives ${name} the ${row.feature.toLowerCase()} of ${conceptName(lesson, c)}.`,
        }));
      const columnDistractors = sample(
        table.rows.filter((r) => r !== row),
        3,
        rng,
      ).map((r) => ({
        text: r.values[conceptId],
        misconception: `Confuses the ${row.feature.toLowerCase()} of ${name} with its ${r.feature.toLowerCase()}.`,
      }));
      const built = options(id, [row.values[conceptId]], [...rowDistractors, ...columnDistractors].slice(0, 3));
      if (built.options.length < 3) continue;
      out.push({
        id,
        kind: "single",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 2,
        concepts: [conceptId],
        prompt: `For a ${name}, which is the right “${row.feature}”?`,
        options: built.options,
        answer: built.ids[0],
        explanation: rowExplanation(lesson, row),
      } satisfies SingleQuestion);
    }
  }
  return out;
}

/** A table cell stated as a fact, either as written or swapped with a sibling concept's value. */
function trueFalse(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table) return [];
  const out: Question[] = [];
  for (const row of table.rows) {
    for (const conceptId of table.conceptIds) {
      const swapFrom = table.conceptIds.filter((c) => c !== conceptId && !same(row.values[c], row.values[conceptId]));
      const swap = swapFrom.length > 0 && rng.next() < 0.5 ? swapFrom[rng.int(swapFrom.length)] : null;
      const id = `table-tf:${row.featureId}:${conceptId}${swap ? `:from-${swap}` : ""}`;
      const value = swap ? row.values[swap] : row.values[conceptId];
      out.push({
        id,
        kind: "true-false",
        lessonSlug: lesson.slug,
        sectionId: table.sectionId,
        source: "lesson",
        difficulty: 1,
        concepts: [conceptId],
        prompt: `True or false? ${conceptName(lesson, conceptId)} — ${row.feature}: “${value}”.`,
        options: [
          { id: "true", text: "True" },
          {
            id: "false",
            text: "False",
            ...(swap ? {} : { misconception: `Thinks the ${row.feature.toLowerCase()} belongs to another concept.` }),
          },
        ],
        answer: swap ? "false" : "true",
        explanation: swap
          ? `False: “${value}” is the ${row.feature.toLowerCase()} of ${conceptName(lesson, swap)}. ${rowExplanation(lesson, row)}`
          : `True. ${rowExplanation(lesson, row)}`,
      } satisfies TrueFalseQuestion);
    }
  }
  return out;
}

/** "Which of these describe a ClusterIP?" — some of its cells and some of its siblings'. */
function describesConcept(lesson: Lesson, rng: Rng): Question[] {
  const table = lesson.comparison;
  if (!table || table.rows.length < 3) return [];
  const out: Question[] = [];
  for (const conceptId of table.conceptIds) {
    for (let variant = 0; variant < 2; variant++) {
      const id = `table-multi:${conceptId}:${variant}`;
      const rows = sample(table.rows, Math.min(table.rows.length, 4), rng);
      const correct = rows.slice(0, 2).map((r) => r.values[conceptId]);
      const wrong = rows
        .slice(2)
        .flatMap((r) => table.conceptIds.filter((c) => c !== conceptId).map((c) => ({ row: r, c })))
        .filter(({ row: r, c }) => !same(r.values[c], r.values[conceptId]))
        .map(({ row: r, c }) => ({
          text: `${r.feature}: ${r.values[c]}`,
          misconception: `Takes the ${r.feature.toLowerCase()} of ${conceptName(lesson, c)} for that of ${conceptName(lesson, conceptId)}.`,
        }));
      const built = options(
        id,
        rows.slice(0, 2).map((r, i) => `${r.feature}: ${correct[i]}`),
        wrong.slice(0, 2),
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
        prompt: `Which of these describe a ${conceptName(lesson, conceptId)}? Select all that apply.`,
        options: built.options,
        answer: built.ids,
        explanation: rows.map((r) => rowExplanation(lesson, r)).join(" "),
      } satisfies MultipleQuestion);
    }
  }
  return out;
}

/** Cells from two or three rows, each to be matched with its concept. */
function matchCells(lesson: Lesson, rng: Rng): Question[] {
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
    const items = shuffle(cells, rng).map((cell) => ({
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
      prompt: "Match each entry of the comparison with what it describes.",
      items: items.map(({ id: itemId, text }) => ({ id: itemId, text })),
      choices: choices.map(({ id: choiceId, text }) => ({ id: choiceId, text })),
      answer: Object.fromEntries(items.map((it) => [it.id, choices.find((c) => c.conceptId === it.conceptId)!.id])),
      explanation: rows.map((r) => rowExplanation(lesson, r)).join(" "),
    } satisfies MatchingQuestion);
  }
  return out;
}

/** "Which statement describes the scope of a Pod IP?" — distractors from the same attribute of sibling concepts. */
function attributeStatements(lesson: Lesson, rng: Rng): Question[] {
  const out: Question[] = [];
  const byKey = (c: Concept, key: string) => c.attributes.find((a) => a.key === key);
  for (const concept of lesson.concepts) {
    for (const attribute of concept.attributes) {
      attribute.statements.forEach((statement, index) => {
        const id = `attribute:${concept.id}:${attribute.key}:${index}`;
        const siblings = lesson.concepts.filter((c) => c.id !== concept.id);
        const distractors = siblings.flatMap((s) =>
          (byKey(s, attribute.key)?.statements ?? []).map((text) => ({
            text: blankConceptNames(lesson, text),
            misconception: `Attributes a property of ${s.name} (${attribute.label.toLowerCase()}) to ${concept.name}.`,
          })),
        );
        const built = options(id, [blankConceptNames(lesson, statement)], sample(distractors, 3, rng));
        if (built.options.length < 2) return;
        out.push({
          id,
          kind: "single",
          lessonSlug: lesson.slug,
          sectionId: attribute.sectionId,
          source: "lesson",
          difficulty: 2,
          concepts: [concept.id],
          prompt: `${attribute.label} — which statement is about a ${concept.name}? (Concept names are blanked out as ▢.)`,
          options: built.options,
          answer: built.ids[0],
          explanation: `From “${concept.name} · ${attribute.label}”: ${statement}`,
        } satisfies SingleQuestion);
      });
    }
  }
  return out;
}

/** Terms worth blanking in a key point, longest first so "Pod IP" wins over "Pod". */
export const KEY_TERMS = [
  "ClusterIP",
  "Pod IP",
  "Service",
  "kube-proxy",
  "NodePort",
  "LoadBalancer",
  "EndpointSlice",
  "Deployment",
  "container",
  "node",
  "namespace",
  "DNS",
  "Ingress",
  "CNI",
  "API server",
  "headless",
  "ReplicaSet",
  "Pod",
];

function cloze(lesson: Lesson): Question[] {
  const out: Question[] = [];
  const terms = [...new Set([...lesson.concepts.map((c) => c.name), ...KEY_TERMS])].sort((a, b) => b.length - a.length);
  lesson.keyPoints.forEach((point, index) => {
    const hit = findTerm(point.text, terms);
    if (hit) {
      const { term, found, at } = hit;
      const conceptIds = lesson.concepts
        .filter((c) => point.text.toLowerCase().includes(c.name.toLowerCase()))
        .map((c) => c.id);
      out.push({
        id: `cloze:${index}:${normaliseTerm(term)}`,
        kind: "cloze",
        lessonSlug: lesson.slug,
        sectionId: point.sectionId,
        source: "lesson",
        difficulty: 2,
        concepts: conceptIds.length ? conceptIds : lesson.concepts.map((c) => c.id),
        prompt: "Fill in the missing term.",
        before: point.text.slice(0, at),
        after: point.text.slice(at + found.length),
        answer: found,
        accepted: [term],
        explanation: `The key point reads: ${point.text}`,
      } satisfies ClozeQuestion);
    }
  });
  return out;
}

function ordering(lesson: Lesson): Question[] {
  if (lesson.steps.length < 3) return [];
  const id = "steps:order";
  const items = lesson.steps.map((text, i) => ({ id: opaqueId(id, `${i}:${text}`), text }));
  const section = lesson.toc.find((t) => t.id === "steps")?.id ?? lesson.concepts[0].sectionId;
  return [
    {
      id,
      kind: "ordering",
      lessonSlug: lesson.slug,
      sectionId: section,
      source: "lesson",
      difficulty: 2,
      concepts: lesson.concepts.map((c) => c.id),
      prompt: "Put these steps in the order they happen.",
      items,
      answer: items.map((i) => i.id),
      explanation: lesson.steps.map((s, i) => `${i + 1}. ${s}`).join(" "),
    } satisfies OrderingQuestion,
  ];
}

/** Every question the lesson's structure yields, deterministic for a seed. */
export function lessonQuestions(lesson: Lesson, seed: number): Question[] {
  const rng = new Rng(seed);
  return [
    ...whichConcept(lesson),
    ...cellValue(lesson, rng),
    ...trueFalse(lesson, rng),
    ...describesConcept(lesson, rng),
    ...matchCells(lesson, rng),
    ...attributeStatements(lesson, rng),
    ...cloze(lesson),
    ...ordering(lesson),
    // Its own random stream, so adding it left every earlier question exactly as it was.
    ...oddOneOutQuestions(lesson, new Rng(hash32(`odd-one-out:${seed}`))),
  ];
}
