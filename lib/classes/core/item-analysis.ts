// Item analysis over a class's finished quiz attempts, per question template and target (the
// unit a quiz draws once per attempt; lib/quiz/core/templates.ts), with the statistics Moodle's
// quiz statistics report defines (docs.moodle.org, "Quiz statistics calculations"):
//
//   facility index       F = mean item score as a share of its maximum (here scores are 0..1)
//   discrimination index D = Pearson correlation between the item's score and the score on the
//                            rest of the attempt (the other questions), over the attempts that drew it
//
// Attempts draw different questions, so "the rest of the attempt" is the mean of the other
// questions' scores in that attempt, not a sum over a fixed paper. Pure.

/** One question as drawn in one finished attempt: unanswered questions score 0, as Moodle counts them. */
export interface DrawnItem {
  /** lib/quiz/core/templates.ts templateKey: generator or scenario, and the concepts asked about. */
  key: string;
  lessonSlug: string;
  /** A prompt of the template, to show the instructor what it asks. */
  prompt: string;
  score: number;
  /** The misconception of the distractor chosen, when the answer was wrong and it carries one. */
  misconception: string | null;
}

export interface FinishedAttemptItems {
  userId: string;
  items: DrawnItem[];
}

export interface ItemStatistics {
  key: string;
  lessonSlug: string;
  prompt: string;
  /** How many attempts drew the template. */
  attempts: number;
  /** 0..1 (Moodle shows it as a percentage). */
  facility: number;
  /** -1..1, or null when it cannot be computed (fewer than 3 attempts, or no spread in the scores). */
  discrimination: number | null;
  /** Wrong answers per misconception, most chosen first. */
  misconceptions: { misconception: string; count: number }[];
}

/** Below this many attempts a correlation says nothing. */
export const MIN_ATTEMPTS_FOR_DISCRIMINATION = 3;

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < MIN_ATTEMPTS_FOR_DISCRIMINATION) return null;
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Statistics per template, hardest (lowest facility) first. */
export function itemAnalysis(attempts: FinishedAttemptItems[]): ItemStatistics[] {
  const byKey = new Map<string, { item: DrawnItem; rest: number }[]>();
  for (const attempt of attempts) {
    const total = attempt.items.reduce((sum, i) => sum + i.score, 0);
    for (const item of attempt.items) {
      const others = attempt.items.length - 1;
      // An attempt of one question has no rest; it still counts towards facility.
      const rest = others > 0 ? (total - item.score) / others : Number.NaN;
      byKey.set(item.key, [...(byKey.get(item.key) ?? []), { item, rest }]);
    }
  }
  return [...byKey.entries()]
    .map(([key, drawn]): ItemStatistics => {
      const scores = drawn.map((d) => d.item.score);
      const paired = drawn.filter((d) => !Number.isNaN(d.rest));
      const counts = new Map<string, number>();
      for (const d of drawn)
        if (d.item.misconception) counts.set(d.item.misconception, (counts.get(d.item.misconception) ?? 0) + 1);
      return {
        key,
        lessonSlug: drawn[0].item.lessonSlug,
        prompt: drawn[0].item.prompt,
        attempts: drawn.length,
        facility: scores.reduce((a, b) => a + b, 0) / scores.length,
        discrimination: pearson(
          paired.map((d) => d.item.score),
          paired.map((d) => d.rest),
        ),
        misconceptions: [...counts.entries()]
          .map(([misconception, count]) => ({ misconception, count }))
          .sort((a, b) => b.count - a.count || a.misconception.localeCompare(b.misconception)),
      };
    })
    .sort((a, b) => a.facility - b.facility || a.key.localeCompare(b.key));
}
