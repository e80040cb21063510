import type { ContentLibrary } from "../../content/load-content";
import type { SrsSettingsRecord, StoredCardState } from "../../db/flashcard-repository";
import type { Repositories } from "../../db/repositories";
import { type Flashcard, lessonCards } from "../core/cards";
import { type CardState, newCardState, previewIntervals, type RatingName, rate } from "../core/scheduler";
import { buildQueue, startOfDay } from "../core/session";
import { type SrsStatistics, statistics } from "../core/stats";

/** One card as the review page needs it: both sides, where it comes from, and what each rating would do. */
export interface ReviewCard {
  id: string;
  front: string;
  back: string;
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  state: CardState["state"];
  /** 0 for a card never reviewed; echoed back with a rating so two tabs cannot both apply one. */
  version: number;
  due: string;
  intervals: Record<RatingName, string>;
}

export interface ReviewSessionView {
  cards: ReviewCard[];
  dueCount: number;
  newCount: number;
  nextDue: string | null;
  settings: SrsSettingsRecord;
}

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface FlashcardServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
}

export function createFlashcardService(deps: FlashcardServiceDeps) {
  const allCards = (lessonSlug?: string): Flashcard[] =>
    deps
      .library()
      .lessons.filter((l) => !lessonSlug || l.slug === lessonSlug)
      .flatMap(lessonCards);
  const lessonTitle = (slug: string) => deps.library().lessons.find((l) => l.slug === slug)?.title ?? slug;

  function toReviewCard(
    card: Flashcard,
    state: StoredCardState | null,
    now: Date,
    settings: SrsSettingsRecord,
  ): ReviewCard {
    const current = state ?? newCardState(now);
    return {
      id: card.id,
      front: card.front,
      back: card.back,
      lessonSlug: card.lessonSlug,
      lessonTitle: lessonTitle(card.lessonSlug),
      sectionId: card.sectionId,
      state: current.state,
      version: state?.version ?? 0,
      due: current.due.toISOString(),
      intervals: previewIntervals(current, now, settings),
    };
  }

  return {
    /** Due cards first, then new cards up to what is left of today's limit. */
    async session(userId: string, lessonSlug?: string): Promise<ReviewSessionView> {
      const now = deps.now();
      const [states, settings, introduced] = await Promise.all([
        deps.repos.flashcards.states(userId),
        deps.repos.flashcards.settings(userId),
        deps.repos.flashcards.newIntroducedSince(userId, startOfDay(now)),
      ]);
      const queue = buildQueue(allCards(lessonSlug), states, now, settings.dailyNewLimit - introduced);
      return {
        cards: queue.entries.map((e) => toReviewCard(e.card, states.get(e.card.id) ?? null, now, settings)),
        dueCount: queue.dueCount,
        newCount: queue.newCount,
        nextDue: queue.nextDue?.toISOString() ?? null,
        settings,
      };
    },

    /**
     * Applies a rating computed on the server. If the card moved on since the learner saw it (a
     * second tab, a double submit), nothing is stored and the card's current state comes back.
     */
    async rate(
      userId: string,
      input: { cardId: string; rating: RatingName; expectedVersion: number },
    ): Promise<ServiceResult<{ card: ReviewCard; applied: boolean }>> {
      const card = allCards().find((c) => c.id === input.cardId);
      if (!card) return { ok: false, error: "That card no longer exists; reload to get the current cards." };
      const now = deps.now();
      const [settings, stored] = await Promise.all([
        deps.repos.flashcards.settings(userId),
        deps.repos.flashcards.state(userId, card.id),
      ]);
      if ((stored?.version ?? 0) !== input.expectedVersion)
        return { ok: true, value: { card: toReviewCard(card, stored, now, settings), applied: false } };
      const previous = stored ? (({ cardId: _c, lessonSlug: _l, version: _v, ...s }) => s)(stored) : null;
      const next = rate(previous ?? newCardState(now), input.rating, now, settings);
      const result = await deps.repos.flashcards.applyRating(
        userId,
        {
          cardId: card.id,
          lessonSlug: card.lessonSlug,
          expectedVersion: input.expectedVersion,
          previous,
          next,
          rating: input.rating,
        },
        now,
      );
      const state = result.ok ? result.state : result.conflict;
      return { ok: true, value: { card: toReviewCard(card, state, now, settings), applied: result.ok } };
    },

    async undo(userId: string): Promise<ServiceResult<{ card: ReviewCard }>> {
      const result = await deps.repos.flashcards.undoLast(userId, deps.now());
      if (!result.ok) return result;
      const card = allCards().find((c) => c.id === result.cardId);
      if (!card) return { ok: false, error: "The undone card no longer exists." };
      const settings = await deps.repos.flashcards.settings(userId);
      return { ok: true, value: { card: toReviewCard(card, result.state, deps.now(), settings) } };
    },

    async statistics(userId: string): Promise<SrsStatistics & { totalCards: number }> {
      const now = deps.now();
      const cards = allCards();
      const known = new Set(cards.map((c) => c.id));
      const [states, reviews] = await Promise.all([
        deps.repos.flashcards.states(userId),
        deps.repos.flashcards.reviews(userId, new Date(startOfDay(now).getTime() - 29 * 86_400_000)),
      ]);
      const current = [...states.values()].filter((s) => known.has(s.cardId));
      return { ...statistics({ totalCards: cards.length, states: current, reviews, now }), totalCards: cards.length };
    },
  };
}

export type FlashcardService = ReturnType<typeof createFlashcardService>;
