import type { PublicQuestion, Response } from "@/lib/quiz/core/types";

/** A response or an answer key (same shape) in words, for feedback and the review page. */
export function answerText(q: PublicQuestion, given: Response): string[] {
  const label = (id: string) =>
    ("options" in q ? q.options.find((o) => o.id === id)?.text : undefined) ?? "(unknown option)";
  if ("optionId" in given) return [label(given.optionId)];
  if ("optionIds" in given) return given.optionIds.map(label);
  if ("pairs" in given && q.kind === "matching") {
    return q.items.map(
      (item) => `${item.text} → ${q.choices.find((c) => c.id === given.pairs[item.id])?.text ?? "(not matched)"}`,
    );
  }
  if ("text" in given) return [given.text];
  if ("order" in given && q.kind === "ordering")
    return given.order.map((id, i) => `${i + 1}. ${q.items.find((it) => it.id === id)?.text ?? id}`);
  return [];
}

export const scoreLabel = (score: number, correct: boolean) =>
  correct ? "Correct" : score > 0 ? `Partly right (${Math.round(score * 100)}%)` : "Not quite";
