import { withArticle } from "../../content/articles";
import { findTerm } from "../../content/lesson-text";
import type { Concept, Lesson } from "../../content/types";
import { blankedNote, neutralise } from "./giveaways";
import type { ClozeQuestion } from "./kinds/cloze";
import type { OrderingQuestion } from "./kinds/ordering";
import type { SingleQuestion } from "./kinds/single";
import { options } from "./lesson-options";
import { oddOneOutQuestions } from "./odd-one-out-questions";
import { hash32, normaliseTerm, opaqueId, Rng, sample } from "./seeded";
import { cellValue, describesConcept, matchCells, trueFalse, whichConcept } from "./table-questions";
import type { Question } from "./types";

// Questions built from a lesson's structure: its comparison table (table-questions.ts), concept
// attributes, key points and steps. Every distractor comes from the same lesson (sibling concept),
// so a wrong option is always a real statement from the lesson attached to the wrong thing.

/** "Which statement describes the scope of a Pod IP?" — distractors from the same attribute of sibling concepts. */
function attributeStatements(lesson: Lesson, rng: Rng): Question[] {
  const out: Question[] = [];
  const byKey = (c: Concept, key: string) => c.attributes.find((a) => a.key === key);
  for (const concept of lesson.concepts) {
    const aName = withArticle(concept.name, concept.article);
    for (const attribute of concept.attributes) {
      attribute.statements.forEach((statement, index) => {
        const id = `attribute:${concept.id}:${attribute.key}:${index}`;
        const siblings = lesson.concepts.filter((c) => c.id !== concept.id);
        const distractors = siblings.flatMap((s) =>
          (byKey(s, attribute.key)?.statements ?? []).map((text) => ({
            text,
            misconception: `Attributes a property of ${withArticle(s.name, s.article)} (${attribute.label.toLowerCase()}) to ${aName}.`,
          })),
        );
        const chosen = sample(distractors, 3, rng);
        const texts = neutralise(lesson, [statement, ...chosen.map((d) => d.text)]);
        const built = options(
          id,
          [texts[0]],
          chosen.map((d, i) => ({ ...d, text: texts[i + 1] })),
        );
        if (built.options.length < 2) return;
        out.push({
          id,
          kind: "single",
          lessonSlug: lesson.slug,
          sectionId: attribute.sectionId,
          source: "lesson",
          difficulty: 2,
          concepts: [concept.id],
          prompt: `${attribute.label} — which statement is about ${aName}?${blankedNote(texts)}`,
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
