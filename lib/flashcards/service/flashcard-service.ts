import type { ContentLibrary } from "../../content/load-content";
import type { SrsSettingsRecord, StoredCardState } from "../../db/flashcard-repository";
import type { Repositories } from "../../db/repositories";
import { fail, ok, type Result } from "../../result";
import { DEFAULT_TIME_ZONE } from "../../time-zones";
import { type Flashcard, lessonCards } from "../core/cards";
import { isOwnCardId, OWN_DECK, type OwnCardRecord, ownFlashcard } from "../core/own-cards";
import { type CardState, newCardState, previewIntervals, type RatingName, rate } from "../core/scheduler";
import { buildQueue, startOfDay, startOfNextDay } from "../core/session";
import { type SrsStatistics, statistics } from "../core/stats";
import type { RateCardInput, SrsSettingsInput } from "./schemas";

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
  /** The learner's zone, and when their day ends in it: a card due before then comes back this session. */
  timeZone: string;
  dayEnds: string;
}

export interface FlashcardServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
}

const DAY_MS = 86_400_000;

/** What the review page calls the learner's cards that belong to no lesson. */
export const YOUR_DECK = "Your own cards";

/**
 * The cards of every lesson (or of one) and the learner's own (those of that lesson, or all of them),
 * and how to show a card with its stored state.
 */
function cardCatalogue(library: ContentLibrary, own: readonly OwnCardRecord[] = []) {
  const titles = new Map(library.lessons.map((l) => [l.slug, l.title]));
  const ownCards = own.map(ownFlashcard);
  return {
    // The learner's own first: new cards are introduced in this order, and a card someone wrote or
    // imported is one they chose to learn now.
    cards: (lessonSlug?: string): Flashcard[] => [
      ...ownCards.filter((c) => !lessonSlug || c.lessonSlug === lessonSlug),
      ...library.lessons.filter((l) => !lessonSlug || l.slug === lessonSlug).flatMap(lessonCards),
    ],
    find: (cardId: string) =>
      isOwnCardId(cardId)
        ? ownCards.find((c) => c.id === cardId)
        : library.lessons.flatMap(lessonCards).find((c) => c.id === cardId),
    view(card: Flashcard, state: StoredCardState | null, now: Date, settings: SrsSettingsRecord): ReviewCard {
      const current = state ?? newCardState(now);
      return {
        id: card.id,
        front: card.front,
        back: card.back,
        lessonSlug: card.lessonSlug,
        lessonTitle: titles.get(card.lessonSlug) ?? (card.lessonSlug === OWN_DECK ? YOUR_DECK : card.lessonSlug),
        sectionId: card.sectionId,
        state: current.state,
        version: state?.version ?? 0,
        due: current.due.toISOString(),
        intervals: previewIntervals(current, now, settings),
      };
    },
  };
}

/** Whose cards, and the zone whose midnight starts their day (the account's setting). */
export interface Learner {
  id: string;
  timeZone: string;
}

/** A learner given by id alone has their account's zone read (UTC if the account is gone). */
async function learnerOf(deps: FlashcardServiceDeps, learner: Learner | string): Promise<Learner> {
  if (typeof learner !== "string") return learner;
  const user = await deps.repos.users.findById(learner);
  return { id: learner, timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE };
}

/** Due cards first, then new cards up to what is left of today's limit (today in the learner's zone). */
async function session(deps: FlashcardServiceDeps, learner: Learner, lessonSlug?: string): Promise<ReviewSessionView> {
  const now = deps.now();
  const [states, settings, introduced, own] = await Promise.all([
    deps.repos.flashcards.states(learner.id),
    deps.repos.flashcards.settings(learner.id),
    deps.repos.flashcards.newIntroducedSince(learner.id, startOfDay(now, learner.timeZone)),
    deps.repos.ownCards.list(learner.id),
  ]);
  const catalogue = cardCatalogue(deps.library(), own);
  const queue = buildQueue(
    catalogue.cards(lessonSlug),
    states,
    now,
    settings.dailyNewLimit - introduced,
    learner.timeZone,
  );
  return {
    cards: queue.entries.map((e) => catalogue.view(e.card, states.get(e.card.id) ?? null, now, settings)),
    dueCount: queue.dueCount,
    newCount: queue.newCount,
    nextDue: queue.nextDue?.toISOString() ?? null,
    settings,
    timeZone: learner.timeZone,
    dayEnds: startOfNextDay(now, learner.timeZone).toISOString(),
  };
}

/**
 * Applies a rating computed on the server. If the card moved on since the learner saw it (a
 * second tab, a double submit), nothing is stored and the card's current state comes back.
 */
async function rateCard(
  deps: FlashcardServiceDeps,
  userId: string,
  input: RateCardInput,
): Promise<Result<{ card: ReviewCard; applied: boolean }>> {
  const catalogue = cardCatalogue(
    deps.library(),
    isOwnCardId(input.cardId) ? await deps.repos.ownCards.list(userId) : [],
  );
  const card = catalogue.find(input.cardId);
  if (!card) return fail("That card no longer exists; reload to get the current cards.");
  const now = deps.now();
  const [settings, stored] = await Promise.all([
    deps.repos.flashcards.settings(userId),
    deps.repos.flashcards.state(userId, card.id),
  ]);
  if ((stored?.version ?? 0) !== input.expectedVersion)
    return ok({ card: catalogue.view(card, stored, now, settings), applied: false });
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
  return ok({ card: catalogue.view(card, state, now, settings), applied: result.ok });
}

async function undo(deps: FlashcardServiceDeps, userId: string): Promise<Result<{ card: ReviewCard }>> {
  const result = await deps.repos.flashcards.undoLast(userId, deps.now());
  if (!result.ok) return fail(result.error);
  const catalogue = cardCatalogue(
    deps.library(),
    isOwnCardId(result.cardId) ? await deps.repos.ownCards.list(userId) : [],
  );
  const card = catalogue.find(result.cardId);
  if (!card) return fail("The undone card no longer exists.");
  const settings = await deps.repos.flashcards.settings(userId);
  return ok({ card: catalogue.view(card, result.state, deps.now(), settings) });
}

/** Cards by state, reviews per day, true retention and the forecast, over the last 30 of the learner's days. */
async function cardStatistics(
  deps: FlashcardServiceDeps,
  learner: Learner,
): Promise<SrsStatistics & { totalCards: number }> {
  const now = deps.now();
  const { timeZone } = learner;
  const cards = cardCatalogue(deps.library(), await deps.repos.ownCards.list(learner.id)).cards();
  const known = new Set(cards.map((c) => c.id));
  // A day more than the chart shows: days are 23 to 25 hours long; the chart keeps only its own days.
  const [states, reviews] = await Promise.all([
    deps.repos.flashcards.states(learner.id),
    deps.repos.flashcards.reviews(learner.id, new Date(startOfDay(now, timeZone).getTime() - 30 * DAY_MS)),
  ]);
  const current = [...states.values()].filter((s) => known.has(s.cardId));
  return {
    ...statistics({ totalCards: cards.length, states: current, reviews, now, timeZone }),
    totalCards: cards.length,
  };
}

export function createFlashcardService(deps: FlashcardServiceDeps) {
  return {
    session: async (learner: Learner | string, lessonSlug?: string) =>
      session(deps, await learnerOf(deps, learner), lessonSlug),
    rate: (userId: string, input: RateCardInput) => rateCard(deps, userId, input),
    undo: (userId: string) => undo(deps, userId),
    statistics: async (learner: Learner | string) => cardStatistics(deps, await learnerOf(deps, learner)),

    /** The learner's desired retention and daily new-card limit (the defaults until they save their own). */
    settings: (userId: string): Promise<SrsSettingsRecord> => deps.repos.flashcards.settings(userId),
    /** Takes effect from the next rating and the next session. */
    saveSettings: (userId: string, input: SrsSettingsInput): Promise<SrsSettingsRecord> =>
      deps.repos.flashcards.saveSettings(userId, input),
  };
}

export type FlashcardService = ReturnType<typeof createFlashcardService>;
