import type { Flashcard } from "./cards";
import type { CardState, RatingName, StateName } from "./scheduler";

// The card browser (like Anki's): every card the learner has, lessons' and their own, with its
// schedule, found by text, lesson and state. Pure: the service hands in the cards, states and the
// last rating of each card.

/** A card's schedule as the browser and custom study read it. */
export interface BrowsedState extends CardState {
  suspended: boolean;
}

export const BROWSE_STATES = ["new", "learning", "review", "relearning", "suspended", "forgotten"] as const;
export type BrowseState = (typeof BROWSE_STATES)[number];

export const BROWSE_STATE_LABELS: Record<BrowseState, string> = {
  new: "New",
  learning: "Learning",
  review: "Review",
  relearning: "Relearning",
  suspended: "Suspended",
  forgotten: "Forgotten",
};

/** Shown beside the filter: what "forgotten" means, in the learner's words. */
export const FORGOTTEN_DEFINITION =
  "Forgotten: a card you have lapsed at least once (rated Again when it was due for review), or whose latest rating was Again.";

/**
 * Forgotten: FSRS counted a lapse (a Review card rated Again, `lapses` ≥ 1), or the latest rating
 * that was not undone is Again (a new or learning card failed at its last showing). A card never
 * rated is not forgotten.
 */
export function isForgotten(state: CardState | null, lastRating: RatingName | undefined): boolean {
  if (!state) return false;
  return state.lapses > 0 || lastRating === "again";
}

/** Whether `isForgotten` needs the card's last rating: only for a card rated and never lapsed. */
export const forgottenNeedsLastRating = (state: CardState | null): boolean => state !== null && state.lapses === 0;

const STATE_FILTER: Record<Exclude<BrowseState, "suspended" | "forgotten">, StateName> = {
  new: "New",
  learning: "Learning",
  review: "Review",
  relearning: "Relearning",
};

export interface BrowsedCard {
  card: Flashcard;
  lessonTitle: string;
  /** The learner edited their copy of this lesson card (the card shows the copy's text). */
  edited: boolean;
  state: StateName;
  suspended: boolean;
  forgotten: boolean;
  /** When the card comes due; null for a card never rated (new cards come in course order). */
  due: Date | null;
  lapses: number;
  reps: number;
}

export interface BrowseEntry {
  card: Flashcard;
  lessonTitle: string;
  edited: boolean;
  state: BrowsedState | null;
  lastRating: RatingName | undefined;
}

export interface BrowseFilter {
  /** Words to find in the front or back, case-insensitive; "" for all. */
  query: string;
  /** A lesson's slug, "" for the learner's own deck (cards filed under no lesson), or null for all. */
  lesson: string | null;
  state: BrowseState | null;
  /** 1-based. */
  page: number;
}

export const BROWSE_PAGE_SIZE = 50;

export interface BrowsePage {
  cards: BrowsedCard[];
  /** Cards matching the filter, over every page. */
  matched: number;
  /** Every card the learner has. */
  total: number;
  page: number;
  pages: number;
}

/** The state filter: New … Relearning by FSRS state (suspended cards included), or suspended, or forgotten. */
function matchesState(c: BrowsedCard, state: BrowseState | null): boolean {
  if (state === null) return true;
  if (state === "suspended") return c.suspended;
  if (state === "forgotten") return c.forgotten;
  return c.state === STATE_FILTER[state];
}

export function browsedCard(e: BrowseEntry): BrowsedCard {
  return {
    card: e.card,
    lessonTitle: e.lessonTitle,
    edited: e.edited,
    state: e.state?.state ?? "New",
    suspended: e.state?.suspended ?? false,
    forgotten: isForgotten(e.state, e.lastRating),
    due: e.state && e.state.state !== "New" ? e.state.due : null,
    lapses: e.state?.lapses ?? 0,
    reps: e.state?.reps ?? 0,
  };
}

/** The page of cards matching the filter, in the given (course) order; a page past the last shows the last. */
export function browseCards(
  entries: readonly BrowseEntry[],
  filter: BrowseFilter,
  pageSize = BROWSE_PAGE_SIZE,
): BrowsePage {
  const needle = filter.query.trim().toLocaleLowerCase("en");
  const matched = entries
    .map(browsedCard)
    .filter(
      (c) =>
        (filter.lesson === null || c.card.lessonSlug === filter.lesson) &&
        matchesState(c, filter.state) &&
        (!needle ||
          c.card.front.toLocaleLowerCase("en").includes(needle) ||
          c.card.back.toLocaleLowerCase("en").includes(needle)),
    );
  const pages = Math.max(1, Math.ceil(matched.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filter.page)), pages);
  return {
    cards: matched.slice((page - 1) * pageSize, page * pageSize),
    matched: matched.length,
    total: entries.length,
    page,
    pages,
  };
}

export const CUSTOM_STUDY_KINDS = ["lesson", "forgotten"] as const;
export type CustomStudyKind = (typeof CUSTOM_STUDY_KINDS)[number];
/** At most this many cards in one custom session (Anki's custom study asks for a number; this is ours). */
export const CUSTOM_STUDY_CAP = 100;

/**
 * Custom study, ahead of schedule: the cards already studied (not New) and not suspended — of one
 * lesson, or only the forgotten ones — due or not, the soonest due first. New cards stay in the
 * normal session, so the daily new-card limit keeps its meaning.
 */
export function customStudyCards(
  entries: readonly BrowseEntry[],
  kind: CustomStudyKind,
  cap = CUSTOM_STUDY_CAP,
): BrowseEntry[] {
  return entries
    .filter((e): e is BrowseEntry & { state: BrowsedState } => !!e.state && e.state.state !== "New")
    .filter((e) => !e.state.suspended && (kind === "lesson" || isForgotten(e.state, e.lastRating)))
    .sort((a, b) => a.state.due.getTime() - b.state.due.getTime())
    .slice(0, cap);
}
