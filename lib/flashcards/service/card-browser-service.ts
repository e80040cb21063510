import type { ContentLibrary } from "../../content/load-content";
import type { Repositories } from "../../db/repositories";
import { fail, ok, type Result } from "../../result";
import {
  type BrowsedCard,
  type BrowseEntry,
  type BrowseFilter,
  type BrowsePage,
  browseCards,
  browsedCard,
  forgottenNeedsLastRating,
} from "../core/card-browser";
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
      const [cat, states] = await Promise.all([catalogue(userId), deps.repos.flashcards.states(userId)]);
      const entries: BrowseEntry[] = cat.cards().map((card) => ({
        card,
        lessonTitle: cat.lessonTitle(card.lessonSlug),
        edited: cat.edited(card.id),
        state: states.get(card.id) ?? null,
        lastRating: undefined,
      }));
      // The review log decides only whether a rated card that never lapsed is "forgotten": read the
      // last ratings of the cards that need one, of the page's cards only unless the filter is by
      // forgotten cards, and never the whole log.
      const needing = (list: readonly BrowseEntry[]) =>
        list.filter((e) => forgottenNeedsLastRating(e.state)).map((e) => e.card.id);
      const withLastRatings = async (list: readonly BrowseEntry[]) => {
        const ids = needing(list);
        const last = ids.length ? await deps.repos.flashcards.lastRatings(userId, ids) : new Map();
        return list.map((e) => ({ ...e, lastRating: last.get(e.card.id) }));
      };
      let page: BrowsePage;
      if (filter.state === "forgotten") {
        page = browseCards(await withLastRatings(entries), filter);
      } else {
        const found = browseCards(entries, filter);
        const byId = new Map(entries.map((e) => [e.card.id, e]));
        const shown = await withLastRatings(found.cards.map((c) => byId.get(c.card.id) as BrowseEntry));
        page = { ...found, cards: shown.map(browsedCard) };
      }
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
