import { DrillRun } from "../../drills/core/drill-run";
import type { Drill, DrillEvent, StepResult } from "../../drills/core/types";
import type { Rng } from "../../quiz/core/seeded";
import type { Knowledge } from "./demo-knowledge";
import { between, chance } from "./demo-random";
import type { DemoDrillProgress } from "./demo-types";

// Drill progress of generated learners. A drill is walked once on the simulator the way a learner
// who follows the solutions walks it (as content:check does): the commands typed, with placeholders
// filled from the cluster at that moment, and each prediction's right option. A learner's stored
// events are a prefix of that walk, so they replay on the server exactly as a real learner's do.

interface WalkedStep {
  id: string;
  /** Every event of the run once this step is recorded. */
  events: DrillEvent[];
  /** For a prediction: the option the simulator shows to be right, and how many there are. */
  prediction: { correctIndex: number; options: number } | null;
}

function walk(drill: Drill): WalkedStep[] {
  const run = new DrillRun(drill);
  const events: DrillEvent[] = [];
  return drill.steps.map((step) => {
    if (step.type === "predict") {
      const { correctIndex } = run.commitPrediction(step);
      events.push({ type: "predict", stepId: step.id });
      return { id: step.id, events: [...events], prediction: { correctIndex, options: step.options.length } };
    }
    for (const line of step.solution) {
      const command = run.resolve(line);
      run.run(command);
      events.push({ type: "command", line: command });
    }
    return { id: step.id, events: [...events], prediction: null };
  });
}

/** The walks of a class's drills, each made when first needed (a walk runs the simulator). */
export class DrillWalks {
  private readonly walks = new Map<string, WalkedStep[]>();
  of(drill: Drill): WalkedStep[] {
    let steps = this.walks.get(drill.slug);
    if (!steps) {
      steps = walk(drill);
      this.walks.set(drill.slug, steps);
    }
    return steps;
  }
}

const MINUTE = 60_000;

/**
 * Works through a drill from where the learner left it: up to `steps` more steps, each a few
 * minutes apart, before `limit`. A prediction is right with the learner's chance on the lesson's
 * concepts; a task is recorded once done, as the drill service records only passed tasks.
 */
export function workOnDrill(
  drill: Drill,
  walked: WalkedStep[],
  progress: DemoDrillProgress | undefined,
  learner: { rng: Rng; knowledge: Knowledge; concepts: string[] },
  start: Date,
  limit: Date,
  steps: number,
): { progress: DemoDrillProgress | undefined; end: Date } {
  const { rng, knowledge, concepts } = learner;
  let t = start.getTime();
  let current = progress;
  const done = Object.keys(current?.results ?? {}).length;
  for (const step of walked.slice(done, done + steps)) {
    t += between(rng, 1, 6) * MINUTE;
    if (t >= limit.getTime()) break;
    let result: StepResult = { correct: true, at: new Date(t).toISOString() };
    if (step.prediction) {
      const { correctIndex, options } = step.prediction;
      const right = chance(rng, knowledge.chance(drill.lesson, concepts, 2, true));
      const choice = right ? correctIndex : (correctIndex + 1 + rng.int(options - 1)) % options;
      result = { correct: right, choice, at: result.at };
      knowledge.practised(drill.lesson, concepts, right ? 0.5 : 0.25);
    } else knowledge.practised(drill.lesson, concepts, 0.5);
    const results = { ...(current?.results ?? {}), [step.id]: result };
    const at = new Date(t);
    current = {
      drillSlug: drill.slug,
      events: step.events,
      results,
      stepStart: step.events.length,
      version: (current?.version ?? 0) + 1,
      startedAt: current?.startedAt ?? new Date(start.getTime() + MINUTE / 2),
      updatedAt: at,
      completedAt: Object.keys(results).length === drill.steps.length ? at : null,
    };
  }
  return { progress: current, end: new Date(Math.min(t, limit.getTime())) };
}
