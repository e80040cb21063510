// What the review of a finished attempt shows besides the answers: each question's outcome, the
// filters a learner narrows the list with, and the score per concept.

export type ReviewOutcome = "right" | "partly" | "wrong" | "unanswered";

export const REVIEW_FILTERS = ["all", "wrong", "unanswered"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export const parseReviewFilter = (value: unknown): ReviewFilter =>
  REVIEW_FILTERS.includes(value as ReviewFilter) ? (value as ReviewFilter) : "all";

export function outcomeOf(answer: { score?: number; correct?: boolean } | undefined): ReviewOutcome {
  if (!answer || answer.score === undefined) return "unanswered";
  if (answer.correct) return "right";
  return answer.score > 0 ? "partly" : "wrong";
}

/** "Wrong" is everything that did not earn full marks but was answered: partly right answers too. */
export function shownBy(filter: ReviewFilter, outcome: ReviewOutcome): boolean {
  if (filter === "wrong") return outcome === "wrong" || outcome === "partly";
  if (filter === "unanswered") return outcome === "unanswered";
  return true;
}

export interface ConceptScore {
  lessonSlug: string;
  conceptId: string;
  questions: number;
  /** Mean score of the questions about the concept; unanswered ones count 0. */
  score: number;
}

/** Score per concept over an attempt's questions, weakest first. */
export function scoreByConcept(
  items: { lessonSlug: string; concepts: string[]; score: number | null }[],
): ConceptScore[] {
  const byKey = new Map<string, ConceptScore & { total: number }>();
  for (const item of items)
    for (const conceptId of new Set(item.concepts)) {
      const key = `${item.lessonSlug}\u0000${conceptId}`;
      const entry = byKey.get(key) ?? { lessonSlug: item.lessonSlug, conceptId, questions: 0, score: 0, total: 0 };
      entry.questions += 1;
      entry.total += item.score ?? 0;
      byKey.set(key, entry);
    }
  return [...byKey.values()]
    .map(({ total, ...c }) => ({ ...c, score: total / c.questions }))
    .sort((a, b) => a.score - b.score || a.conceptId.localeCompare(b.conceptId));
}
