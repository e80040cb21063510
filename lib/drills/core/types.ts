import type { Check } from "./check-schema";

// Drills: a cluster set up by commands, then steps. A prediction's answer and a task's success are
// always computed by running the simulator; a drill file never states them.

export interface DrillOption {
  text: string;
  /** Compared with what the simulator shows; may use placeholders such as {{clusterIP:web}}. */
  value: string;
}

/**
 * What a prediction compares its options with, read from the step's `run` commands:
 * output (the last command's output, trimmed), outcome (answered | refused | timeout | unresolved,
 * from the last command's exit code), address-count (addresses in the last nslookup answer),
 * distinct-outputs (how many different outputs the commands gave), same-output ("true" or "false":
 * whether every command gave the same output; for a rule such as "the answering pod varies per
 * connection", where a count would hang on the seed's luck), contains:<text> ("true" or "false":
 * whether the last output contains the text).
 */
export type ObserveMode = string;

export interface PredictStep {
  id: string;
  type: "predict";
  prompt: string;
  options: DrillOption[];
  /** The change and the observation, run once the learner has committed an answer. */
  run: string[];
  observe: ObserveMode;
  explanation: string;
}

export type { Check } from "./check-schema";

export interface TaskStep {
  id: string;
  type: "task";
  prompt: string;
  /** Help in stages, each more specific than the one before; none gives away a solution command. */
  hints: string[];
  check: Check[];
  /** Commands that complete the task: content:check runs them to prove the task can be done. */
  solution: string[];
  explanation: string;
}

export type DrillStep = PredictStep | TaskStep;

export interface Drill {
  slug: string;
  title: string;
  lesson: string;
  module: string;
  order: number;
  summary: string;
  seed: number;
  cluster: { workers?: number; proxyMode?: "iptables" | "ipvs" };
  /** Manifests `kubectl apply -f NAME` can read. */
  files: Record<string, string>;
  setup: string[];
  steps: DrillStep[];
  /** Markdown introduction. */
  body: string;
  sourcePath: string;
}

/** What the learner did, in order: commands typed, and predictions committed (whose `run` changes the cluster). */
export type DrillEvent = { type: "command"; line: string } | { type: "predict"; stepId: string };

export class DrillError extends Error {}

/** How a learner finished one step of a drill. */
export interface StepResult {
  correct: boolean;
  /** The option index a learner committed to, for predictions. */
  choice?: number;
  at: string;
}
