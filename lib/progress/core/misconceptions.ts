// Which misunderstandings a learner's wrong answers point to, and whether they have since been
// put right. Every distractor names the misconception that makes someone pick it; a wrong answer
// that chose one is a sighting of it. Pure: the caller reads the answers.

/** A wrong quiz answer whose chosen option carries a misconception. */
export interface MisconceptionSighting {
  misconception: string;
  lessonSlug: string;
  /** The lesson section the question was about: where the correction is taught. */
  sectionId: string;
  concepts: string[];
  at: Date;
}

/** A later answer on the same concepts: right ones after the last sighting put it right. */
export interface ConceptAnswer {
  lessonSlug: string;
  concepts: string[];
  correct: boolean;
  at: Date;
}

export interface MisconceptionProfileEntry {
  misconception: string;
  lessonSlug: string;
  sectionId: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
  /** True once the learner answered questions on the same concepts right this many times since. */
  resolved: boolean;
}

/** Right answers on the same concepts, after the last sighting, that count a misconception as put right. */
export const RESOLVED_AFTER = 2;

const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** One misconception of one lesson, however its text is spaced or capitalised: the grouping key. */
export const misconceptionKey = (lessonSlug: string, misconception: string) =>
  `${lessonSlug}\u0000${normalise(misconception)}`;

/** The learner's misconceptions: open ones first, each group newest first. */
export function misconceptionProfile(
  sightings: MisconceptionSighting[],
  answers: ConceptAnswer[],
): MisconceptionProfileEntry[] {
  const groups = new Map<string, MisconceptionSighting[]>();
  for (const s of sightings) {
    const k = misconceptionKey(s.lessonSlug, s.misconception);
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const entries = [...groups.values()].map((group): MisconceptionProfileEntry => {
    const sorted = [...group].sort((a, b) => a.at.getTime() - b.at.getTime());
    const last = sorted[sorted.length - 1];
    const concepts = new Set(sorted.flatMap((s) => s.concepts));
    const rightSince = answers.filter(
      (a) =>
        a.correct &&
        a.lessonSlug === last.lessonSlug &&
        a.at.getTime() > last.at.getTime() &&
        a.concepts.some((c) => concepts.has(c)),
    ).length;
    return {
      misconception: last.misconception,
      lessonSlug: last.lessonSlug,
      sectionId: last.sectionId,
      count: sorted.length,
      firstSeen: sorted[0].at,
      lastSeen: last.at,
      resolved: rightSince >= RESOLVED_AFTER,
    };
  });
  return entries.sort((a, b) => Number(a.resolved) - Number(b.resolved) || b.lastSeen.getTime() - a.lastSeen.getTime());
}
