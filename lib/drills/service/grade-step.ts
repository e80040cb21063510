import { type Observation, replay } from "../core/drill-run";
import { type DrillView, replayView } from "../core/drill-view";
import { replayGuarded } from "../core/prediction-guard";
import { type Drill, DrillError, type DrillEvent } from "../core/types";

// The CPU-heavy half of grading (rebuild the learner's cluster from their events and run the step)
// and of opening the drill page (rebuild it and say what the page shows). It runs in a replay worker (replay-worker.ts), never on the server's request thread, so it takes
// only plain data in and gives plain data back.

export type GradeJob =
  /** `from`: where in `events` the step opened; commands from there on may not be the step's own. */
  | { kind: "prediction"; drill: Drill; events: DrillEvent[]; stepId: string; from: number }
  | { kind: "task"; drill: Drill; events: DrillEvent[]; stepId: string }
  /** The page's first view of a saved run: `drill` is the browser's copy, `finished` the steps with a result. */
  | { kind: "view"; drill: Drill; events: DrillEvent[]; finished: string[] };

export type GradeReply =
  | { kind: "prediction"; correctIndex: number; observations: Observation[] }
  | { kind: "task"; passed: boolean; checks: { passed: boolean; message: string }[] }
  | { kind: "view"; view: DrillView }
  /** The learner ran one of the open prediction's own commands before committing. */
  | { kind: "revealed"; command: string }
  /** The drill cannot continue from these events (content changed under a saved run). */
  | { kind: "drill-error"; message: string };

export function gradeStep(job: GradeJob): GradeReply {
  try {
    if (job.kind === "view") return { kind: "view", view: replayView(job.drill, job.events, new Set(job.finished)) };
    const step = job.drill.steps.find((s) => s.id === job.stepId);
    if (!step) throw new DrillError(`no step ${job.stepId}`);
    if (job.kind === "prediction") {
      if (step.type !== "predict") throw new DrillError(`step ${step.id} is not a prediction`);
      const guarded = replayGuarded(job.drill, job.events, { run: step.run, from: job.from });
      if (!guarded.ok) return { kind: "revealed", command: guarded.command };
      const outcome = guarded.run.commitPrediction(step);
      return { kind: "prediction", correctIndex: outcome.correctIndex, observations: outcome.observations };
    }
    if (step.type !== "task") throw new DrillError(`step ${step.id} is not a task`);
    const check = replay(job.drill, job.events).checkTask(step);
    return {
      kind: "task",
      passed: check.passed,
      checks: check.results.map((r) => ({ passed: r.passed, message: r.message })),
    };
  } catch (err) {
    if (err instanceof DrillError) return { kind: "drill-error", message: err.message };
    throw err;
  }
}
