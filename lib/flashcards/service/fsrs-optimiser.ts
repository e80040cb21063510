import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import type { TrainingReview } from "../core/fsrs-training";

// The FSRS optimiser (fsrs-rs compiled for Node by @open-spaced-repetition/binding) behind a small
// interface the service can be given. computeParameters is an async native task: the training runs
// on libuv's thread pool, not on the event loop (bench/learning.ts measures both the time it takes
// and how long the event loop is held meanwhile). evaluate is synchronous but takes milliseconds
// for thousands of items.

export interface FitEvaluation {
  /** Mean binary cross-entropy of the predicted recall against what the learner did (lower is better). */
  logLoss: number;
  /** fsrs-rs's RMSE over bins of predicted recall (lower is better). */
  rmse: number;
}

export interface FsrsOptimiser {
  /** The weights that fit these items best. */
  compute(items: readonly TrainingReview[][]): Promise<number[]>;
  /** How well `parameters` predict these items (each item's last rating must come on a later day). */
  evaluate(parameters: readonly number[], items: readonly TrainingReview[][]): FitEvaluation;
}

const toItem = (item: readonly TrainingReview[]) =>
  new FSRSBindingItem(item.map((r) => new FSRSBindingReview(r.rating, r.deltaT)));

export const fsrsOptimiser: FsrsOptimiser = {
  // Short-term parameters on: ts-fsrs schedules same-day learning steps with them (enable_short_term).
  // No `timeout`: in 0.5.0 a call given one took the whole timeout to return even when the training
  // was done in milliseconds (measured here); fsrs-rs trains a fixed number of epochs, so it ends anyway.
  compute: (items) => computeParameters(items.map(toItem), { enableShortTerm: true }),
  evaluate(parameters, items) {
    const result = new FSRSBinding([...parameters]).evaluate(items.map(toItem));
    return { logLoss: result.logLoss, rmse: result.rmseBins };
  },
};
