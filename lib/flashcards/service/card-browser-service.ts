import type { ContentLibrary } from "../../content/load-content";
import type { Repositories } from "../../db/repositories";
import { fail, ok, type Result } from "../../result";
import { type BrowsedCard, type BrowseFilter, type BrowsePage, browseCards } from "../core/card-browser";
import { isOwnCardId } from "../core/own-cards";
import { newCardState } from "../core/scheduler";
import { cardCatalogue } from "./card-catalogue";
import type { CardCopyInput } from "./schemas";

// The card browser's use cases: list every card of the learner with its schedule, suspend and
// unsuspend, and keep the learner's own copy of a lesson card's text.

export interface CardBrowserServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
}

/** A browsed card and, for an edited lesson card, the lesson's own text (what a reset brings back). */
export interface BrowserRow extends BrowsedCard {
  original: { front: string; back: string } | null;
}

export interface BrowserView extends Omit<BrowsePage, "cards"> {
  cards: BrowserRow[];
}

const GONE = "That card is no longer among your cards; reload the page.";

export function createCardBrowserService(deps: CardBrowserServiceDeps) {
  async function catalogue(userId: string) {
    const [own, copies] = await Promise.all([deps.repos.ownCards.list(userId), deps.repos.cardOverrides.list(userId)]);
    return cardCatalogue(deps.library(), own, copies);
  }

  return {
    /** Every card of the learner (their own first, then the lessons' in course order), filtered and paged. */
    async browse(userId: string, filter: BrowseFilter): Promise<BrowserView> {
      const [cat, states, lastRatings] = await Promise.all([
        catalogue(userId),
        deps.repos.flashcards.states(userId),
        deps.repos.flashcards.lastRatings(userId),
      ]);
      const page = browseCards(
        cat.cards().map((card) => ({
          card,
          lessonTitle: cat.lessonTitle(card.lessonSlug),
          edited: cat.edited(card.id),
          state: states.get(card.id) ?? null,
          lastRating: lastRatings.get(card.id),
        })),
        filter,
      );
      return {
        ...page,
        cards: page.cards.map((c) => {
          const original = c.edited ? cat.original(c.card.id) : undefined;
          return { ...c, original: original ? { front: original.front, back: original.back } : null };
        }),
      };
    },

    /**
     * Suspends or unsuspends any of the learner's cards. The FSRS state is kept as it was; a lesson
     * card never rated is stored as a New card that is suspended, and is new again once unsuspended.
     */
    async setSuspended(userId: string, cardId: string, suspended: boolean): Promise<Result<{ suspended: boolean }>> {
      const card = (await catalogue(userId)).find(cardId);
      if (!card) return fail(GONE);
      const state = await deps.repos.flashcards.setSuspended(
        userId,
        { cardId: card.id, lessonSlug: card.lessonSlug },
        suspended,
        newCardState(deps.now()),
      );
      return ok({ suspended: state?.suspended ?? false });
    },

    /** The learner's wording of a lesson card; the card keeps its id and schedule. Own cards are edited directly. */
    async saveCopy(userId: string, input: CardCopyInput): Promise<Result<null>> {
      if (isOwnCardId(input.cardId)) return fail("This is your own card: edit it directly.");
      const original = cardCatalogue(deps.library()).original(input.cardId);
      if (!original) return fail(GONE);
      if (original.front === input.front && original.back === input.back) {
        // The same as the lesson's: there is nothing to keep apart.
        await deps.repos.cardOverrides.remove(userId, input.cardId);
        return ok(null);
      }
      await deps.repos.cardOverrides.save(userId, input.cardId, { front: input.front, back: input.back });
      return ok(null);
    },

    /** Back to the lesson's text: the copy goes, the schedule stays. */
    async resetCopy(userId: string, cardId: string): Promise<Result<null>> {
      return (await deps.repos.cardOverrides.remove(userId, cardId))
        ? ok(null)
        : fail("That card already shows the lesson's text.");
    },
  };
}

export type CardBrowserService = ReturnType<typeof createCardBrowserService>;
