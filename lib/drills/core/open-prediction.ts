// The open prediction as the drill page's first script knows it. Kept apart from prediction-guard.ts
// (the rule, which needs the simulator) so that importing these does not load lib/sim.

export const COMMIT_FIRST = "Commit your prediction first; this step runs that command for you.";

/** What the browser needs to guard the open prediction: the step's run lines, placeholders unfilled. */
export interface OpenPrediction {
  stepId: string;
  run: string[];
}
