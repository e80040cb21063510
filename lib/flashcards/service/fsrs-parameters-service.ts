import type { Repositories } from "../../db/repositories";
import { fail, ok, type Result } from "../../result";
import {
  cardHistories,
  evaluationItems,
  isParameterSet,
  MIN_TRAINING_REVIEWS,
  predictedRecall,
  type TrainingReview,
  trainingItems,
} from "../core/fsrs-training";
import { DEFAULT_PARAMETERS } from "../core/scheduler";
import type { Learner } from "./flashcard-service";
import type { FitEvaluation, FsrsOptimiser } from "./fsrs-optimiser";

// Personal FSRS weights, as Anki's "Optimize" does it: fit the weights to the learner's own review
// log, measure the weights in use and the new ones on that same log, and keep the new ones only if
// they predict it better. The scheduler then uses them for every rating and preview.

export interface FsrsParametersDeps {
  repos: Repositories;
  now: () => Date;
  optimiser: FsrsOptimiser;
}

/** What the statistics page says before the button is pressed. */
export interface ParameterStatus {
  /** Whether the learner is scheduled with their own weights (else FSRS's defaults). */
  own: boolean;
  optimisedAt: Date | null;
  /** Ratings of cards on a later day than the card's first rating: what the optimiser learns from. */
  trainingReviews: number;
  /** How many more of those are needed before optimising (0 when there are enough). */
  moreNeeded: number;
}

export interface WeightsOnLog extends FitEvaluation {
  /** The mean recall probability these weights gave the ratings measured (see PredictedRecall). */
  predictedRecall: number;
}

export interface OptimisationReport {
  trainingReviews: number;
  /** Whether the new weights predicted the log better and now schedule the learner's cards. */
  saved: boolean;
  /** The weights in use before: the learner's own from an earlier run, or the defaults. */
  previous: WeightsOnLog & { own: boolean };
  optimised: WeightsOnLog;
  /** Ratings on a later day than the card's previous rating: what log loss, RMSE and recall are measured on. */
  measuredReviews: number;
  /** The share of those the learner recalled. */
  actualRecall: number;
}

export const tooFewReviews = (have: number) =>
  `Optimising needs at least ${MIN_TRAINING_REVIEWS} ratings of cards on a later day than you first rated them; ` +
  `you have ${have}, so ${MIN_TRAINING_REVIEWS - have} more are needed.`;

// One optimisation per learner at a time in this process: a second press while one runs would only
// train the same weights twice on the thread pool.
const running = new Set<string>();

/**
 * At most this many optimisations at once in the process, whoever asks: each holds a libuv thread
 * (4 by default, shared with file and crypto work) and a core for as long as it trains. A request
 * beyond the cap is refused at once with BUSY rather than queued, so no request waits unbounded.
 */
export const MAX_CONCURRENT_OPTIMISATIONS = 2;
export const OPTIMISER_BUSY =
  "The optimiser is busy with other learners' reviews right now; try again in a moment. Your schedule is unchanged.";

async function learnerItems(deps: FsrsParametersDeps, learner: Learner) {
  const log = await deps.repos.flashcards.reviews(learner.id, new Date(0));
  const histories = cardHistories(log, learner.timeZone);
  return { histories, items: trainingItems(histories) };
}

function measure(
  deps: FsrsParametersDeps,
  parameters: readonly number[],
  histories: readonly TrainingReview[][],
  measured: readonly TrainingReview[][],
): WeightsOnLog | null {
  try {
    return {
      ...deps.optimiser.evaluate(parameters, measured),
      predictedRecall: predictedRecall(histories, parameters).predicted,
    };
  } catch {
    // fsrs-rs sets outliers aside before measuring and refuses when too few items remain.
    return null;
  }
}

async function optimise(deps: FsrsParametersDeps, learner: Learner): Promise<Result<OptimisationReport>> {
  const [settings, { histories, items }] = await Promise.all([
    deps.repos.flashcards.settings(learner.id),
    learnerItems(deps, learner),
  ]);
  if (items.length < MIN_TRAINING_REVIEWS) return fail(tooFewReviews(items.length));
  const fitted = await deps.optimiser.compute(items);
  if (!isParameterSet(fitted)) return fail("The optimiser gave no usable parameters; your schedule is unchanged.");
  const current = settings.parameters ?? DEFAULT_PARAMETERS;
  const measured = evaluationItems(items);
  const previous = measure(deps, current, histories, measured);
  const optimised = measure(deps, fitted, histories, measured);
  if (!previous || !optimised)
    return fail(
      "Too few of your reviews could be measured yet (the optimiser sets unusual intervals aside). " +
        "Keep reviewing for a few more days and try again; your schedule is unchanged.",
    );
  // Better on both of Anki's measures: lower log loss, and an RMSE no higher.
  const saved = optimised.logLoss < previous.logLoss && optimised.rmse <= previous.rmse;
  if (saved) await deps.repos.flashcards.saveParameters(learner.id, fitted, deps.now());
  const actual = predictedRecall(histories, fitted);
  return ok({
    trainingReviews: items.length,
    saved,
    previous: { ...previous, own: settings.parameters !== null },
    optimised,
    measuredReviews: actual.reviews,
    actualRecall: actual.actual,
  });
}

export function createFsrsParametersService(deps: FsrsParametersDeps) {
  return {
    async status(learner: Learner): Promise<ParameterStatus> {
      const [settings, { items }] = await Promise.all([
        deps.repos.flashcards.settings(learner.id),
        learnerItems(deps, learner),
      ]);
      return {
        own: settings.parameters !== null,
        optimisedAt: settings.parametersOptimisedAt,
        trainingReviews: items.length,
        moreNeeded: Math.max(0, MIN_TRAINING_REVIEWS - items.length),
      };
    },

    /** Fits weights to the learner's log (undone ratings left out) and keeps them if they predict it better. */
    async optimise(learner: Learner): Promise<Result<OptimisationReport>> {
      if (running.has(learner.id))
        return fail("Your parameters are already being optimised; the result is on its way.");
      if (running.size >= MAX_CONCURRENT_OPTIMISATIONS) return fail(OPTIMISER_BUSY);
      running.add(learner.id);
      try {
        return await optimise(deps, learner);
      } finally {
        running.delete(learner.id);
      }
    },

    /** Back to FSRS's default weights, from the next rating. */
    async reset(userId: string): Promise<Result<null>> {
      await deps.repos.flashcards.saveParameters(userId, null, deps.now());
      return ok(null);
    },
  };
}

export type FsrsParametersService = ReturnType<typeof createFsrsParametersService>;
