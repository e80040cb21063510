import type { ContentLibrary } from "../../content/load-content";
import type { CardOverrideRecord } from "../../db/card-override-repository";
import type { SrsSettingsRecord, StoredCardState } from "../../db/flashcard-repository";
import { type Flashcard, lessonCards } from "../core/cards";
import { isOwnCardId, OWN_DECK, type OwnCardRecord, ownFlashcard } from "../core/own-cards";
import { type CardState, newCardState, previewIntervals, type RatingName } from "../core/scheduler";

/** One card as the review page needs it: both sides, where it comes from, and what each rating would do. */
export interface ReviewCard {
  id: string;
  front: string;
  back: string;
  lessonSlug: string;
  lessonTitle: string;
  sectionId: string;
  state: CardState["state"];
  /** The learner's own copy of a lesson card's text is shown (card browser, "Edit your copy"). */
  edited: boolean;
  /** 0 for a card never reviewed; echoed back with a rating so two tabs cannot both apply one. */
  version: number;
  due: string;
  intervals: Record<RatingName, string>;
}

/** What the review page calls the learner's cards that belong to no lesson. */
export const YOUR_DECK = "Your own cards";

/** A lesson card with the learner's copy of its text, when they made one; the card's id and schedule stay. */
export const withCopy = (card: Flashcard, copy: CardOverrideRecord | undefined): Flashcard =>
  copy ? { ...card, front: copy.front, back: copy.back } : card;

/**
 * The cards of every lesson (or of one) and the learner's own (those of that lesson, or all of them),
 * each lesson card in the learner's copy where they edited it, and how to show a card with its stored state.
 */
export function cardCatalogue(
  library: ContentLibrary,
  own: readonly OwnCardRecord[] = [],
  copies: ReadonlyMap<string, CardOverrideRecord> = new Map(),
) {
  const titles = new Map(library.lessons.map((l) => [l.slug, l.title]));
  const ownCards = own.map(ownFlashcard);
  const lessonDeck = (lessonSlug?: string) =>
    library.lessons
      .filter((l) => !lessonSlug || l.slug === lessonSlug)
      .flatMap(lessonCards)
      .map((c) => withCopy(c, copies.get(c.id)));
  const lessonTitle = (lessonSlug: string) =>
    titles.get(lessonSlug) ?? (lessonSlug === OWN_DECK ? YOUR_DECK : lessonSlug);
  return {
    // The learner's own first: new cards are introduced in this order, and a card someone wrote or
    // imported is one they chose to learn now.
    cards: (lessonSlug?: string): Flashcard[] => [
      ...ownCards.filter((c) => !lessonSlug || c.lessonSlug === lessonSlug),
      ...lessonDeck(lessonSlug),
    ],
    find: (cardId: string) =>
      isOwnCardId(cardId) ? ownCards.find((c) => c.id === cardId) : lessonDeck().find((c) => c.id === cardId),
    /** The lesson's original text of a lesson card, whatever the learner's copy says. */
    original: (cardId: string) =>
      isOwnCardId(cardId) ? undefined : library.lessons.flatMap(lessonCards).find((c) => c.id === cardId),
    edited: (cardId: string) => copies.has(cardId),
    lessonTitle,
    view(card: Flashcard, state: StoredCardState | null, now: Date, settings: SrsSettingsRecord): ReviewCard {
      const current = state ?? newCardState(now);
      return {
        id: card.id,
        front: card.front,
        back: card.back,
        lessonSlug: card.lessonSlug,
        lessonTitle: lessonTitle(card.lessonSlug),
        sectionId: card.sectionId,
        state: current.state,
        edited: copies.has(card.id),
        version: state?.version ?? 0,
        due: current.due.toISOString(),
        intervals: previewIntervals(current, now, settings),
      };
    },
  };
}

export type CardCatalogue = ReturnType<typeof cardCatalogue>;
