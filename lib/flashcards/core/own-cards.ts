import type { Flashcard } from "./cards";

// Cards a learner made: typed in, imported from a deck, or turned from a quiz question they missed.
// They are scheduled like a lesson's cards, under an id no lesson card can have (lesson card ids
// start with the lesson's slug, which has no "~").

export const OWN_CARD_PREFIX = "own~";

/** What a learner may store: long enough for a real card, short enough that one import cannot flood a table. */
export const OWN_CARD_LIMITS = { front: 1_000, back: 2_000, perLearner: 5_000, perImport: 1_000 } as const;

/**
 * A deck file is read whole; 900 kB holds far more than the per-import card limit and leaves room,
 * under the 1 MB cap on any request body (proxy.ts), for the rest of the form. Here, not with the
 * forms' zod schemas, because the import form checks the size in the browser too.
 */
export const DECK_FILE_MAX_BYTES = 900_000;
export const deckFileTooLarge = (bytes: number) =>
  `That file is ${Math.ceil(bytes / 1000)} kB; a deck file can be at most ${DECK_FILE_MAX_BYTES / 1000} kB.`;

export const OWN_CARD_SOURCES = ["typed", "import", "missed-question"] as const;
export type OwnCardSource = (typeof OWN_CARD_SOURCES)[number];

export interface OwnCardRecord {
  id: string;
  front: string;
  back: string;
  lessonSlug: string | null;
  source: OwnCardSource;
  sourceRef: string | null;
  createdAt: Date;
}

export const ownCardId = (id: string) => `${OWN_CARD_PREFIX}${id}`;
export const isOwnCardId = (cardId: string) => cardId.startsWith(OWN_CARD_PREFIX);
export const ownRecordId = (cardId: string) => cardId.slice(OWN_CARD_PREFIX.length);

/** The lesson key a learner's own card files under when it belongs to no lesson (FlashcardState.lessonSlug). */
export const OWN_DECK = "";

export function ownFlashcard(card: OwnCardRecord): Flashcard {
  return {
    id: ownCardId(card.id),
    lessonSlug: card.lessonSlug ?? OWN_DECK,
    sectionId: "",
    front: card.front,
    back: card.back,
    concepts: [],
    source: "own",
  };
}
