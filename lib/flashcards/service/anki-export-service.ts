import type { ContentLibrary } from "../../content/load-content";
import type { Repositories } from "../../db/repositories";
import { dayKey } from "../../format";
import { fail, ok, type Result } from "../../result";
import { DEFAULT_TIME_ZONE } from "../../time-zones";
import { ankiCollection, type DeckCard } from "../core/anki/collection";
import { lessonCards } from "../core/cards";
import { ownFlashcard } from "../core/own-cards";
import { apkgPackage } from "./apkg-writer";
import { withCopy } from "./card-catalogue";
import { YOUR_DECK } from "./flashcard-service";

// Flashcards as an Anki package: a lesson's cards, all new (for anyone), or a signed-in learner's
// cards of every lesson with their FSRS scheduling and review log, their edited copies' text and
// their suspensions.

/** The type browsers and Anki's file association know an .apkg by (there is no registered one). */
export const APKG_CONTENT_TYPE = "application/apkg";

export interface AnkiExportDeps {
  repos: Repositories;
  library: () => Pick<ContentLibrary, "lessons">;
  now: () => Date;
}

export interface AnkiPackageFile {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
  cardCount: number;
  reviewCount: number;
}

export function createAnkiExportService(deps: AnkiExportDeps) {
  const deckCards = (slug?: string): DeckCard[] =>
    deps
      .library()
      .lessons.filter((l) => slug === undefined || l.slug === slug)
      .flatMap((lesson) => lessonCards(lesson).map((card) => ({ card, lessonTitle: lesson.title })));

  return {
    /** A lesson's cards as a deck of new cards: no account needed (a signed-in learner's zone sets its day). */
    lessonDeck(slug: string, timeZone = DEFAULT_TIME_ZONE): Result<AnkiPackageFile> {
      if (!deps.library().lessons.some((l) => l.slug === slug)) return fail(`There is no lesson "${slug}".`);
      const now = deps.now();
      const cards = deckCards(slug);
      return ok({
        filename: `kubelearn-${slug}.apkg`,
        contentType: APKG_CONTENT_TYPE,
        body: apkgPackage(ankiCollection({ cards, now, timeZone }), now),
        cardCount: cards.length,
        reviewCount: 0,
      });
    },

    /**
     * Every lesson's cards and the learner's own, with their scheduling and every rating they have
     * not undone, with review days counted in the learner's time zone.
     */
    async learnerDeck(userId: string): Promise<AnkiPackageFile> {
      const now = deps.now();
      const [user, states, log, settings, own, copies] = await Promise.all([
        deps.repos.users.findById(userId),
        deps.repos.flashcards.states(userId),
        deps.repos.flashcards.reviewLog(userId),
        deps.repos.flashcards.settings(userId),
        deps.repos.ownCards.list(userId),
        deps.repos.cardOverrides.list(userId),
      ]);
      const titles = new Map(deps.library().lessons.map((l) => [l.slug, l.title]));
      // Lesson cards in the learner's own wording where they edited them (the card browser's
      // "Edit your copy"); the learner's own cards go with them, in their lesson's deck or a deck of their own.
      const cards = [
        ...deckCards().map(({ card, lessonTitle }) => ({ card: withCopy(card, copies.get(card.id)), lessonTitle })),
        ...own.map((c) => ({
          card: ownFlashcard(c),
          lessonTitle: (c.lessonSlug && titles.get(c.lessonSlug)) || YOUR_DECK,
        })),
      ];
      const timeZone = user?.timeZone ?? DEFAULT_TIME_ZONE;
      const rows = ankiCollection({
        cards,
        now,
        timeZone,
        scheduling: {
          states,
          reviews: log.filter((r) => r.undoneAt === null),
          desiredRetention: settings.desiredRetention,
          dailyNewLimit: settings.dailyNewLimit,
        },
      });
      return {
        filename: `kubelearn-flashcards-${dayKey(now, timeZone)}.apkg`,
        contentType: APKG_CONTENT_TYPE,
        body: apkgPackage(rows, now),
        cardCount: cards.length,
        reviewCount: rows.revlog.length,
      };
    },
  };
}

export type AnkiExportService = ReturnType<typeof createAnkiExportService>;
