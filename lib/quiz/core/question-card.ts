import { OWN_CARD_LIMITS } from "../../flashcards/core/own-cards";
import { answerText } from "./answer-text";
import { answerKey } from "./grade";
import { toPublicQuestion } from "./public-question";
import type { Question } from "./types";

// "Add missed questions to my flashcards": a question as a card to recall. The front asks what the
// question asked (with the cluster set-up a scenario showed, as far as it fits); the back is the
// right answer in words, as the review page says it, and why. Options are not copied: recalling the
// answer without them is the point of a card.

const ELLIPSIS = "…";
const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}${ELLIPSIS}`;

export function questionCard(q: Question): { front: string; back: string } {
  const setup = (q.context ?? []).map((o) => `$ ${o.command}\n${o.output}`.trimEnd()).join("\n");
  const front = setup ? `${q.prompt}\n\nThe cluster set-up:\n${setup}` : q.prompt;
  const key = answerText(toPublicQuestion(q, "card"), answerKey(q)).join("\n");
  return {
    front: clip(front, OWN_CARD_LIMITS.front),
    back: clip(q.explanation ? `${key}\n\n${q.explanation}` : key, OWN_CARD_LIMITS.back),
  };
}

/** What a card made from a question remembers, so the same question is not added twice. */
export const questionCardRef = (q: Pick<Question, "lessonSlug" | "id">) => `question:${q.lessonSlug}/${q.id}`;
