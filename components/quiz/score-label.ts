import { formatPercent } from "@/lib/format";

/** How a graded answer is announced: right, partly right with its share, or wrong. */
export const scoreLabel = (score: number, correct: boolean) =>
  correct ? "Correct" : score > 0 ? `Partly right (${formatPercent(score)})` : "Not quite";
