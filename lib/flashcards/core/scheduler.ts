import { type Card, createEmptyCard, default_w, fsrs, type Grade, generatorParameters, Rating, State } from "ts-fsrs";

// A thin wrapper around ts-fsrs (FSRS): our card state as plain data that a database row can hold,
// four ratings, previews of the next intervals, and nothing else.

export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];
export const STATES = ["New", "Learning", "Review", "Relearning"] as const;
export type StateName = (typeof STATES)[number];

export interface CardState {
  state: StateName;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface SchedulerSettings {
  /** The probability of recalling a card when it comes due (FSRS request_retention). */
  desiredRetention: number;
  /**
   * The learner's own FSRS-6 weights, fitted to their review log by the optimiser
   * (fsrs-parameters-service); null or absent: ts-fsrs's defaults.
   */
  parameters?: readonly number[] | null;
}

export const DEFAULT_SETTINGS: SchedulerSettings = { desiredRetention: 0.9 };

/** ts-fsrs's default FSRS-6 weights: what a learner without their own is scheduled with. */
export const DEFAULT_PARAMETERS: readonly number[] = default_w;
export const RETENTION_RANGE = [0.7, 0.97] as const;

const GRADE: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

function scheduler(settings: SchedulerSettings) {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      enable_fuzz: true,
      ...(settings.parameters ? { w: settings.parameters } : {}),
    }),
  );
}

const toCard = (s: CardState): Card => ({
  due: s.due,
  stability: s.stability,
  difficulty: s.difficulty,
  elapsed_days: s.elapsedDays,
  scheduled_days: s.scheduledDays,
  learning_steps: s.learningSteps,
  reps: s.reps,
  lapses: s.lapses,
  state: State[s.state],
  ...(s.lastReview ? { last_review: s.lastReview } : {}),
});

const fromCard = (c: Card): CardState => ({
  state: State[c.state] as StateName,
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  lastReview: c.last_review ?? null,
});

export const newCardState = (now: Date): CardState => fromCard(createEmptyCard(now));

/** The card's next state for a rating at `now`. */
export function rate(
  state: CardState,
  rating: RatingName,
  now: Date,
  settings: SchedulerSettings = DEFAULT_SETTINGS,
): CardState {
  return fromCard(scheduler(settings).next(toCard(state), now, GRADE[rating]).card);
}

/** How long until the card comes back for each rating, as "10m", "3h", "4d", "2.5mo", "1.2y". */
export function previewIntervals(
  state: CardState,
  now: Date,
  settings: SchedulerSettings = DEFAULT_SETTINGS,
): Record<RatingName, string> {
  const preview = scheduler(settings).repeat(toCard(state), now);
  return Object.fromEntries(
    RATINGS.map((r) => [r, formatInterval(preview[GRADE[r]].card.due.getTime() - now.getTime())]),
  ) as Record<RatingName, string>;
}

export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, "")}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, "")}y`;
}

// The forgetting curve does not depend on the learner's retention setting: one scheduler serves every
// call with the default weights.
let recallScheduler: ReturnType<typeof scheduler> | undefined;

/**
 * The probability, by FSRS's forgetting curve, that the learner recalls this card at `now`: 0 for
 * a card never reviewed (there is nothing to recall yet). `parameters`: weights other than the defaults.
 */
export function retrievability(state: CardState, now: Date, parameters?: readonly number[] | null): number {
  if (state.state === "New" || !state.lastReview) return 0;
  if (parameters) return scheduler({ ...DEFAULT_SETTINGS, parameters }).get_retrievability(toCard(state), now, false);
  recallScheduler ??= scheduler(DEFAULT_SETTINGS);
  return recallScheduler.get_retrievability(toCard(state), now, false);
}
