import { type DrillRun, replay, type TranscriptLine } from "./drill-run";
import { currentStep } from "./public-drill";
import { type ClusterSnapshot, clusterSnapshot } from "./snapshot";
import type { Drill, DrillEvent } from "./types";

/** A prediction's prompt and options as the learner reads them (placeholders filled; no answer). */
export interface PredictionView {
  prompt: string;
  options: string[];
}

/**
 * What the drill page shows of a run, as plain data: the server renders it from its own replay, so
 * the page reads right before the browser has the simulator; once it has, the browser derives the
 * same view from its own run after every command.
 */
export interface DrillView {
  /** The learner's commands and predictions' commands as they ran, with their output. */
  transcript: TranscriptLine[];
  /** What the next command is typed at ("$ ", or a container's shell). */
  prompt: string;
  snapshot: ClusterSnapshot;
  /** Each visible prediction: a committed one as it read when answered, the open one as it reads now. */
  predictions: Record<string, PredictionView>;
  /** Each visible task's prompt, its placeholders filled from the cluster now. */
  tasks: Record<string, string>;
  /** The task open now: its hints (filled) and its live goal on the cluster now. */
  openTask: { id: string; hints: string[]; passed: boolean; goal: { passed: boolean; message: string }[] } | null;
}

/**
 * The view of `run` for a learner who has finished the steps in `finished`. `frozen` holds each
 * committed prediction as it read before its change ran (replay fills it).
 */
export function viewOf(
  run: DrillRun,
  drill: Drill,
  finished: ReadonlySet<string>,
  frozen: ReadonlyMap<string, PredictionView>,
): DrillView {
  const current = currentStep(drill, finished);
  const predictions: Record<string, PredictionView> = {};
  const tasks: Record<string, string> = {};
  let openTask: DrillView["openTask"] = null;
  for (const step of drill.steps) {
    if (!finished.has(step.id) && step !== current) continue;
    if (step.type === "predict") predictions[step.id] = frozen.get(step.id) ?? run.predictionView(step);
    else {
      tasks[step.id] = run.resolve(step.prompt);
      if (step === current) {
        const live = run.checkTask(step);
        openTask = {
          id: step.id,
          hints: step.hints.map((hint) => run.resolve(hint)),
          passed: live.passed,
          goal: live.results.map((r) => ({ passed: r.passed, message: r.message })),
        };
      }
    }
  }
  return {
    transcript: [...run.transcript],
    prompt: run.sim.prompt(),
    snapshot: clusterSnapshot(run.sim.cluster),
    predictions,
    tasks,
    openTask,
  };
}

/** Replays a saved run (the browser's copy of the drill and its events) into the view the page opens with. */
export function replayView(drill: Drill, events: readonly DrillEvent[], finished: ReadonlySet<string>): DrillView {
  const frozen = new Map<string, PredictionView>();
  return viewOf(replay(drill, events, frozen), drill, finished, frozen);
}
