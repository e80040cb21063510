// One mastery model per learner and concept, from everything the learner did that was graded:
// quiz answers, drill steps and flashcard recall. Pure: the caller reads the rows and the clock.
//
// Levels follow the spirit of Khan Academy's mastery levels (not started, attempted, familiar,
// proficient, mastered): each step up asks for a higher score *and* more evidence, so one lucky
// answer never makes a concept "mastered".

/** One graded thing the learner did about some concepts of a lesson. */
export interface PracticeEvidence {
  source: "quiz" | "drill";
  lessonSlug: string;
  concepts: string[];
  /** 0..1: the answer's score (partial credit counts), or 1/0 for a drill step right or wrong first time. */
  score: number;
  at: Date;
}

/** A flashcard the learner has reviewed: how likely they recall it now (FSRS retrievability). */
export interface CardRecall {
  lessonSlug: string;
  concepts: string[];
  retrievability: number;
}

export const MASTERY_LEVELS = ["not-started", "attempted", "familiar", "proficient", "mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

/**
 * The documented thresholds (README, "Mastery"). `recentWeight`: each older piece of evidence
 * counts this much of the next newer one, so the last five answers carry about three quarters of
 * the weight and an old mistake fades as the learner gets it right.
 */
export const MASTERY_RULES = {
  recentWeight: 0.75,
  /** How much flashcard recall counts next to practice, when there is both. */
  recallShare: 0.2,
  familiar: { score: 0.6, evidence: 1 },
  proficient: { score: 0.8, evidence: 3 },
  /** Mastered also needs the evidence to span a day: knowledge that lasted, not one sitting. */
  mastered: { score: 0.9, evidence: 5, spanMs: 24 * 60 * 60 * 1000 },
} as const;

export interface ConceptMastery {
  lessonSlug: string;
  conceptId: string;
  level: MasteryLevel;
  /** 0..1, or null before any evidence. */
  score: number | null;
  /** How many quiz answers and drill steps are about the concept. */
  evidence: number;
  /** Mean recall of the concept's reviewed cards, or null when none was reviewed. */
  recall: number | null;
  lastPracticed: Date | null;
}

const key = (lessonSlug: string, conceptId: string) => `${lessonSlug}\u0000${conceptId}`;

function weightedScore(evidence: PracticeEvidence[]): number {
  // Newest first: the newest weighs 1, the one before recentWeight, then recentWeight², ...
  let weight = 1;
  let sum = 0;
  let total = 0;
  for (const e of [...evidence].sort((a, b) => b.at.getTime() - a.at.getTime())) {
    sum += weight * e.score;
    total += weight;
    weight *= MASTERY_RULES.recentWeight;
  }
  return sum / total;
}

export function levelFor(score: number | null, evidence: PracticeEvidence[]): MasteryLevel {
  if (score === null) return "not-started";
  const count = evidence.length;
  const times = evidence.map((e) => e.at.getTime());
  const span = count ? Math.max(...times) - Math.min(...times) : 0;
  const { familiar, proficient, mastered } = MASTERY_RULES;
  if (score >= mastered.score && count >= mastered.evidence && span >= mastered.spanMs) return "mastered";
  if (score >= proficient.score && count >= proficient.evidence) return "proficient";
  if (score >= familiar.score && count >= familiar.evidence) return "familiar";
  return "attempted";
}

/**
 * Mastery of every concept of the course, in the order given. Evidence about a concept the lesson
 * does not have (a renamed concept, a stale attempt) is ignored.
 */
export function conceptMastery(
  concepts: { lessonSlug: string; conceptId: string }[],
  practice: PracticeEvidence[],
  cards: CardRecall[],
): ConceptMastery[] {
  const evidenceBy = new Map<string, PracticeEvidence[]>();
  for (const e of practice)
    for (const c of new Set(e.concepts)) {
      const list = evidenceBy.get(key(e.lessonSlug, c)) ?? [];
      list.push(e);
      evidenceBy.set(key(e.lessonSlug, c), list);
    }
  const recallBy = new Map<string, number[]>();
  for (const card of cards)
    for (const c of new Set(card.concepts)) {
      const list = recallBy.get(key(card.lessonSlug, c)) ?? [];
      list.push(card.retrievability);
      recallBy.set(key(card.lessonSlug, c), list);
    }
  return concepts.map(({ lessonSlug, conceptId }) => {
    const evidence = evidenceBy.get(key(lessonSlug, conceptId)) ?? [];
    const recalls = recallBy.get(key(lessonSlug, conceptId)) ?? [];
    const recall = recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : null;
    const practiced = evidence.length ? weightedScore(evidence) : null;
    const share = MASTERY_RULES.recallShare;
    const score = practiced === null ? recall : recall === null ? practiced : (1 - share) * practiced + share * recall;
    const lastPracticed = evidence.length ? new Date(Math.max(...evidence.map((e) => e.at.getTime()))) : null;
    return {
      lessonSlug,
      conceptId,
      level: levelFor(score, evidence),
      score,
      evidence: evidence.length,
      recall,
      lastPracticed,
    };
  });
}

/** A group of concepts (a module's) summarised: the mean score, counting untouched concepts as 0, and how many sit at each level. */
export function summarise(concepts: ConceptMastery[]): { score: number; levels: Record<MasteryLevel, number> } {
  const levels = Object.fromEntries(MASTERY_LEVELS.map((l) => [l, 0])) as Record<MasteryLevel, number>;
  for (const c of concepts) levels[c.level] += 1;
  const score = concepts.length ? concepts.reduce((sum, c) => sum + (c.score ?? 0), 0) / concepts.length : 0;
  return { score, levels };
}

/** The concepts most worth practising next: started but weakest first, then the oldest practised. */
/** How many of the weakest concepts "Practise next" lists and its practice quiz is about. */
export const PRACTICE_CONCEPTS = 3;

export function weakestConcepts<C extends ConceptMastery>(concepts: C[], count: number): C[] {
  return concepts
    .filter((c) => c.level !== "not-started" && c.level !== "mastered")
    .sort(
      (a, b) =>
        (a.score ?? 0) - (b.score ?? 0) || (a.lastPracticed?.getTime() ?? 0) - (b.lastPracticed?.getTime() ?? 0),
    )
    .slice(0, count);
}

/** What each level is called on the page. */
export const LEVEL_LABELS: Record<MasteryLevel, string> = {
  "not-started": "Not started",
  attempted: "Attempted",
  familiar: "Familiar",
  proficient: "Proficient",
  mastered: "Mastered",
};
