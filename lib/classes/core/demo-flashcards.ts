import type { Flashcard } from "../../flashcards/core/cards";
import { type CardState, newCardState, type RatingName, rate, retrievability } from "../../flashcards/core/scheduler";
import type { Rng } from "../../quiz/core/seeded";
import type { Knowledge } from "./demo-knowledge";
import { between, chance } from "./demo-random";
import type { DemoCardReview, DemoCardState } from "./demo-types";

// Flashcard reviews of a generated learner, each through the real scheduler (FSRS, rate()): due
// cards first, then new ones of the lessons they have read, at most DAILY_NEW_LIMIT new a day (the
// default setting; days start at 00:00 UTC).

export const DAILY_NEW_LIMIT = 20;
const DAY = 86_400_000;

export class DemoDeck {
  private readonly states = new Map<string, DemoCardState>();
  readonly reviews: DemoCardReview[] = [];
  private readonly newOnDay = new Map<number, number>();

  constructor(
    private readonly rng: Rng,
    private readonly knowledge: Knowledge,
  ) {}

  /** Would the learner recall it: by the forgetting curve once reviewed, by what they know when new. */
  private recalls(card: Flashcard, state: DemoCardState | undefined, now: Date): boolean {
    if (!state) return chance(this.rng, this.knowledge.chance(card.lessonSlug, card.concepts, 1, true));
    const r = retrievability(state, now);
    return chance(this.rng, Math.min(0.98, Math.max(0.05, r + 0.05)));
  }

  private ratingFor(recalled: boolean): RatingName {
    if (!recalled) return "again";
    const r = this.rng.next();
    return r < 0.15 ? "hard" : r < 0.88 ? "good" : "easy";
  }

  private review(card: Flashcard, now: Date): void {
    const before = this.states.get(card.id);
    const rating = this.ratingFor(this.recalls(card, before, now));
    const previous: CardState | null = before ? stripped(before) : null;
    const after = rate(previous ?? newCardState(now), rating, now);
    const version = (before?.version ?? 0) + 1;
    this.states.set(card.id, { ...after, cardId: card.id, lessonSlug: card.lessonSlug, version });
    this.reviews.push({
      cardId: card.id,
      rating,
      stateBefore: previous?.state ?? "New",
      previous,
      after,
      resultVersion: version,
      review: now,
    });
    this.knowledge.practised(card.lessonSlug, card.concepts, rating === "again" ? 0.1 : 0.2);
  }

  /**
   * A review session from `start`: due cards (earliest due first), then new cards from `available`
   * within the day's limit, at most `max` in all, each some seconds apart, before `limit`.
   */
  session(available: readonly Flashcard[], start: Date, limit: Date, max: number): Date {
    let t = start.getTime();
    const due = available
      .filter((c) => {
        const s = this.states.get(c.id);
        return s !== undefined && s.due.getTime() <= t;
      })
      .sort((a, b) => this.states.get(a.id)!.due.getTime() - this.states.get(b.id)!.due.getTime());
    const day = Math.floor(t / DAY);
    const newLeft = Math.max(0, DAILY_NEW_LIMIT - (this.newOnDay.get(day) ?? 0));
    const fresh = available.filter((c) => !this.states.has(c.id)).slice(0, Math.min(newLeft, Math.ceil(max / 2)));
    for (const card of [...due, ...fresh].slice(0, max)) {
      t += between(this.rng, 6, 25) * 1000;
      if (t >= limit.getTime()) break;
      if (!this.states.has(card.id)) this.newOnDay.set(day, (this.newOnDay.get(day) ?? 0) + 1);
      this.review(card, new Date(t));
    }
    return new Date(Math.min(t, limit.getTime()));
  }

  cardStates(): DemoCardState[] {
    return [...this.states.values()];
  }
}

/** The scheduling state alone, as the review log keeps it (no row fields). */
function stripped(s: DemoCardState): CardState {
  const { cardId: _c, lessonSlug: _l, version: _v, ...state } = s;
  return state;
}
