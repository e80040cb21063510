import type { AssignmentInfo, FinishedAttempt, MemberInfo } from "./results";

// Drills and flashcard reviews as the results table counts them: each finished piece of work
// becomes a FinishedAttempt, so one rule (results.ts: what counts, on time or late, the best score)
// serves quizzes, drills and reviews alike. Pure.

/** What a class's work assignments name, and the earliest time work can count for one of them. */
export interface WorkWindow {
  lessons: readonly string[];
  drills: readonly string[];
  since: Date;
}

/** A learner's run through a drill: finished when every step is done. */
export interface DrillRun {
  userId: string;
  drillSlug: string;
  startedAt: Date;
  completedAt: Date | null;
  /** Each finished step: right or not (a prediction right first time, a task that passed). */
  results: Record<string, { correct: boolean }>;
}

/**
 * A finished drill run as an attempt at its drill: its score is the share of steps right. A run is
 * one per learner and drill; one started before the learner joined or before it was assigned is
 * practice and does not count (results.ts `countsFor`): they reset the drill to do it again.
 */
export function drillAttempts(runs: readonly DrillRun[]): FinishedAttempt[] {
  return runs.flatMap((r) => {
    const steps = Object.values(r.results);
    if (!r.completedAt || steps.length === 0) return [];
    return [
      {
        id: `drill:${r.userId}:${r.drillSlug}`,
        userId: r.userId,
        scope: "drill",
        target: r.drillSlug,
        score: steps.filter((s) => s.correct).length / steps.length,
        startedAt: r.startedAt,
        completedAt: r.completedAt,
      },
    ];
  });
}

/** A flashcard rating that was not undone. */
export interface Rating {
  userId: string;
  cardId: string;
  rating: "again" | "hard" | "good" | "easy";
  review: Date;
}

/** A card a learner has suspended in the card browser (as it stands now). */
export interface SuspendedCard {
  userId: string;
  cardId: string;
}

/**
 * A review assignment of a lesson's cards is done when the learner has rated every one of them
 * since joining and since it was assigned; it is handed in at the rating that completed the set,
 * and its score is the share of cards recalled at their first rating in that time (not "again").
 * One attempt per member and review assignment of one class.
 *
 * Cards the learner has suspended do not count: a suspended card never comes up in a session
 * (core/session.ts), so requiring it would make the assignment impossible to finish. They are left
 * out of what must be rated and of the score; a learner who suspended every card of the lesson has
 * nothing left to rate and the assignment stays open until they unsuspend one.
 */
export function reviewAttempts(input: {
  members: readonly MemberInfo[];
  assignments: readonly AssignmentInfo[];
  ratings: readonly Rating[];
  /** The lesson's card ids (generated and authored; a learner's own cards are not part of it). */
  cardsOf: (lessonSlug: string) => readonly string[];
  /** The members' suspended cards; none when left out. */
  suspended?: readonly SuspendedCard[];
}): FinishedAttempt[] {
  const out: FinishedAttempt[] = [];
  const sorted = [...input.ratings].sort((a, b) => a.review.getTime() - b.review.getTime());
  const suspendedBy = new Map<string, Set<string>>();
  for (const s of input.suspended ?? []) {
    const mine = suspendedBy.get(s.userId) ?? new Set<string>();
    mine.add(s.cardId);
    suspendedBy.set(s.userId, mine);
  }
  for (const a of input.assignments) {
    if (a.scope !== "review") continue;
    const lessonCards = input.cardsOf(a.target);
    for (const m of input.members) {
      const suspended = suspendedBy.get(m.userId);
      const cards = new Set(suspended ? lessonCards.filter((id) => !suspended.has(id)) : lessonCards);
      if (cards.size === 0) continue;
      const from = Math.max(m.joinedAt.getTime(), a.createdAt.getTime());
      const first = new Map<string, Rating>();
      for (const r of sorted) {
        if (r.userId !== m.userId || !cards.has(r.cardId) || r.review.getTime() < from) continue;
        if (!first.has(r.cardId)) first.set(r.cardId, r);
        if (first.size === cards.size) break;
      }
      if (first.size < cards.size) continue;
      const firsts = [...first.values()];
      out.push({
        id: `review:${m.userId}:${a.id}`,
        userId: m.userId,
        scope: "review",
        target: a.target,
        score: firsts.filter((r) => r.rating !== "again").length / firsts.length,
        startedAt: firsts[0].review,
        completedAt: firsts[firsts.length - 1].review,
      });
    }
  }
  return out;
}
