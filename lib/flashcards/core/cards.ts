import { withArticle } from "../../content/articles";
import { blankNames, findTerm } from "../../content/lesson-text";
import type { Lesson } from "../../content/types";

// Flashcards generated from a lesson's structure, plus the author's own. Ids are stable for the same
// lesson content, so a learner's scheduling survives a content update that keeps the card.

export interface Flashcard {
  id: string;
  lessonSlug: string;
  sectionId: string;
  front: string;
  back: string;
  concepts: string[];
  /** generated from the lesson, written by its author, or the learner's own (own-cards.ts). */
  source: "generated" | "authored" | "own";
}

const DEFINITION_KEYS = ["what-it-is", "definition", "what-they-are"];
/** Terms worth a card in key points, longest first. */
const TERMS = [
  "ClusterIP",
  "Pod IP",
  "kube-proxy",
  "NodePort",
  "LoadBalancer",
  "EndpointSlice",
  "Deployment",
  "container",
  "Service",
  "DNS",
  "Pod",
];

export function lessonCards(lesson: Lesson): Flashcard[] {
  const cards: Flashcard[] = [];
  const card = (
    id: string,
    sectionId: string,
    front: string,
    back: string,
    concepts: string[],
    source: Flashcard["source"] = "generated",
  ) => cards.push({ id: `${lesson.slug}:${id}`, lessonSlug: lesson.slug, sectionId, front, back, concepts, source });
  const names = lesson.concepts.map((c) => c.name);

  for (const concept of lesson.concepts) {
    const definition = concept.attributes.find((a) => DEFINITION_KEYS.includes(a.key)) ?? concept.attributes[0];
    if (!definition || definition.statements.length === 0) continue;
    const text = definition.statements.join(" ");
    card(`define:${concept.id}`, definition.sectionId, `What is ${withArticle(concept.name, concept.article)}?`, text, [
      concept.id,
    ]);
    if (lesson.concepts.length > 1)
      card(
        `recognise:${concept.id}`,
        definition.sectionId,
        `Which concept is this? ${blankNames(text, names)}`,
        concept.name,
        [concept.id],
      );
  }

  const table = lesson.comparison;
  if (table) {
    for (const row of table.rows) {
      for (const conceptId of table.conceptIds) {
        const name = lesson.concepts.find((c) => c.id === conceptId)?.name ?? conceptId;
        card(
          `cell:${row.featureId}:${conceptId}`,
          table.sectionId,
          `${name}: ${row.feature.toLowerCase()}?`,
          row.values[conceptId],
          [conceptId],
        );
      }
    }
  }

  lesson.keyPoints.forEach((point, i) => {
    const hit = findTerm(point.text, [...names, ...TERMS]);
    if (!hit) return;
    const { found } = hit;
    const concepts = lesson.concepts
      .filter((c) => point.text.toLowerCase().includes(c.name.toLowerCase()))
      .map((c) => c.id);
    card(
      `term:${i}`,
      point.sectionId,
      `Fill the gap: ${point.text.replace(found, "____")}`,
      found,
      concepts.length ? concepts : lesson.concepts.map((c) => c.id),
    );
  });

  for (const [i, c] of lesson.authoredCards.entries()) {
    const slug = c.front
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 40);
    card(
      `authored:${i}:${slug}`,
      c.sectionId,
      c.front,
      c.back,
      lesson.concepts.map((x) => x.id),
      "authored",
    );
  }
  return cards;
}
