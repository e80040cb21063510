import type { ContentLibrary } from "../../content/load-content";
import type { SrsSettingsRecord } from "../../db/flashcard-repository";
import type { Repositories } from "../../db/repositories";
import { fail, ok, type Result } from "../../result";
import { DEFAULT_TIME_ZONE } from "../../time-zones";
import { type CustomStudyKind, customStudyCards } from "../core/card-browser";
import { isOwnCardId } from "../core/own-cards";
import { newCardState, rate } from "../core/scheduler";
import { buildQueue, startOfDay, startOfNextDay } from "../core/session";
import { type SrsStatistics, statistics } from "../core/stats";
import { cardCatalogue, type ReviewCard } from "./card-catalogue";
import type { RateCardInput, SrsSettingsInput } from "./schemas";

export { type ReviewCard, YOUR_DECK } from "./card-catalogue";

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

/** A custom study session: what it holds, for the page to say so. */
export interface CustomSessionView extends ReviewSessionView {
  kind: CustomStudyKind;
  lessonSlug: string | null;
}

export interface FlashcardServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
}

const DAY_MS = 86_400_000;

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

/** The catalogue a single card needs: the learner's own cards for an own card, their copies for a lesson card. */
async function catalogueFor(deps: FlashcardServiceDeps, userId: string, cardId: string) {
  return isOwnCardId(cardId)
    ? cardCatalogue(deps.library(), await deps.repos.ownCards.list(userId))
    : cardCatalogue(deps.library(), [], await deps.repos.cardOverrides.list(userId));
}

/**
 * Custom study ahead of schedule (customStudyCards): one lesson's studied cards, or only the forgotten
 * ones (of one lesson or of all), due or not. Its ratings are ordinary ratings: logged, undoable, and
 * they reschedule the card from the moment of the rating. FSRS reads how long it really was since the
 * last review, so a card rated Good well before it was due gains less stability than it would on its
 * due day; Again counts as a lapse as it would in a normal session.
 */
async function customSession(
  deps: FlashcardServiceDeps,
  learner: Learner,
  kind: CustomStudyKind,
  lessonSlug: string | null,
): Promise<Result<CustomSessionView>> {
  if (kind === "lesson" && !lessonSlug) return fail("Choose the lesson to study.", "lesson");
  if (lessonSlug && !deps.library().lessons.some((l) => l.slug === lessonSlug))
    return fail("Choose a lesson from the list.", "lesson");
  const now = deps.now();
  const [states, settings, own, copies, lastRatings] = await Promise.all([
    deps.repos.flashcards.states(learner.id),
    deps.repos.flashcards.settings(learner.id),
    deps.repos.ownCards.list(learner.id),
    deps.repos.cardOverrides.list(learner.id),
    deps.repos.flashcards.lastRatings(learner.id),
  ]);
  const catalogue = cardCatalogue(deps.library(), own, copies);
  const entries = catalogue.cards(lessonSlug ?? undefined).map((card) => ({
    card,
    lessonTitle: catalogue.lessonTitle(card.lessonSlug),
    edited: catalogue.edited(card.id),
    state: states.get(card.id) ?? null,
    lastRating: lastRatings.get(card.id),
  }));
  const chosen = customStudyCards(entries, kind);
  return ok({
    cards: chosen.map((e) => catalogue.view(e.card, states.get(e.card.id) ?? null, now, settings)),
    dueCount: chosen.length,
    newCount: 0,
    nextDue: null,
    settings,
    timeZone: learner.timeZone,
    dayEnds: startOfNextDay(now, learner.timeZone).toISOString(),
    kind,
    lessonSlug,
  });
}

/** Due cards first, then new cards up to what is left of today's limit (today in the learner's zone). */
async function session(deps: FlashcardServiceDeps, learner: Learner, lessonSlug?: string): Promise<ReviewSessionView> {
  const now = deps.now();
  const [states, settings, introduced, own, copies] = await Promise.all([
    deps.repos.flashcards.states(learner.id),
    deps.repos.flashcards.settings(learner.id),
    deps.repos.flashcards.newIntroducedSince(learner.id, startOfDay(now, learner.timeZone)),
    deps.repos.ownCards.list(learner.id),
    deps.repos.cardOverrides.list(learner.id),
  ]);
  const catalogue = cardCatalogue(deps.library(), own, copies);
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
  const catalogue = await catalogueFor(deps, userId, input.cardId);
  const card = catalogue.find(input.cardId);
  if (!card) return fail("That card no longer exists; reload to get the current cards.");
  const now = deps.now();
  const [settings, stored] = await Promise.all([
    deps.repos.flashcards.settings(userId),
    deps.repos.flashcards.state(userId, card.id),
  ]);
  if (stored?.suspended) return fail("That card is suspended; unsuspend it in the card browser to review it.");
  if ((stored?.version ?? 0) !== input.expectedVersion)
    return ok({ card: catalogue.view(card, stored, now, settings), applied: false });
  const previous = stored ? (({ cardId: _c, lessonSlug: _l, version: _v, suspended: _s, ...s }) => s)(stored) : null;
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
  const catalogue = await catalogueFor(deps, userId, result.cardId);
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
    customSession: async (learner: Learner | string, kind: CustomStudyKind, lessonSlug: string | null) =>
      customSession(deps, await learnerOf(deps, learner), kind, lessonSlug),
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
