import type { Lesson } from "../content/types";

// Flashcards generated from a lesson's structure, plus the author's own. Ids are stable for the same
// lesson content, so a learner's scheduling survives a content update that keeps the card.

export interface Flashcard {
  id: string;
  lessonSlug: string;
  sectionId: string;
  front: string;
  back: string;
  concepts: string[];
  source: "generated" | "authored";
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function blank(text: string, names: string[]): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) out = out.replace(new RegExp(`\\b${escape(name)}s?\\b`, "gi"), "▢");
  return out;
}

const DEFINITION_KEYS = ["what-it-is", "definition", "what-they-are"];
/** Terms worth a card in key points, longest first. */
const TERMS = ["ClusterIP", "Pod IP", "kube-proxy", "NodePort", "LoadBalancer", "EndpointSlice", "Deployment", "container", "Service", "DNS", "Pod"];

export function lessonCards(lesson: Lesson): Flashcard[] {
  const cards: Flashcard[] = [];
  const card = (id: string, sectionId: string, front: string, back: string, concepts: string[], source: Flashcard["source"] = "generated") =>
    cards.push({ id: `${lesson.slug}:${id}`, lessonSlug: lesson.slug, sectionId, front, back, concepts, source });
  const names = lesson.concepts.map((c) => c.name);

  for (const concept of lesson.concepts) {
    const definition = concept.attributes.find((a) => DEFINITION_KEYS.includes(a.key)) ?? concept.attributes[0];
    if (!definition || definition.statements.length === 0) continue;
    const text = definition.statements.join(" ");
    card(`define:${concept.id}`, definition.sectionId, `What is a ${concept.name}?`, text, [concept.id]);
    if (lesson.concepts.length > 1) card(`recognise:${concept.id}`, definition.sectionId, `Which concept is this? ${blank(text, names)}`, concept.name, [concept.id]);
  }

  const table = lesson.comparison;
  if (table) {
    for (const row of table.rows) {
      for (const conceptId of table.conceptIds) {
        const name = lesson.concepts.find((c) => c.id === conceptId)?.name ?? conceptId;
        card(`cell:${row.featureId}:${conceptId}`, table.sectionId, `${name}: ${row.feature.toLowerCase()}?`, row.values[conceptId], [conceptId]);
      }
    }
  }

  lesson.keyPoints.forEach((point, i) => {
    const term = [...names, ...TERMS].find((t) => (point.text.match(new RegExp(`\\b${escape(t)}\\b`, "gi")) ?? []).length === 1);
    if (!term) return;
    const found = point.text.match(new RegExp(`\\b${escape(term)}\\b`, "i"))![0];
    const concepts = lesson.concepts.filter((c) => point.text.toLowerCase().includes(c.name.toLowerCase())).map((c) => c.id);
    card(`term:${i}`, point.sectionId, `Fill the gap: ${point.text.replace(found, "____")}`, found, concepts.length ? concepts : lesson.concepts.map((c) => c.id));
  });

  lesson.authoredCards.forEach((c, i) => card(`authored:${i}:${c.front.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40)}`, c.sectionId, c.front, c.back, lesson.concepts.map((x) => x.id), "authored"));
  return cards;
}
