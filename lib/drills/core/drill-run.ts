import { createCluster, type SimCluster } from "../../sim";
import { NAMESPACE_QUOTA } from "../../sim/quota";
import { curlOutcome, nslookupAddresses } from "../../sim/shell/read-output";
import { outsideShell } from "../../sim/shell/session";
import type { CommandResult } from "../../sim/types";
import { type CheckResult, evaluateCheck } from "./checks";
import { resolvePlaceholders } from "./placeholders";
import { type Drill, DrillError, type DrillEvent, type PredictStep, type TaskStep } from "./types";

export interface Observation {
  command: string;
  output: string;
}

/** A line of the learner's terminal: a transcript rebuilt by replay shows each command at its own prompt. */
export interface TranscriptLine extends Observation {
  /** "$ " on the learner's machine, the shell's own (such as "/ # ") inside a pod or on a node. */
  prompt: string;
}

export interface PredictionOutcome {
  observations: Observation[];
  /** What the observe mode read from the observations, e.g. "refused" or "3". */
  observed: string;
  /** Index of the option that matches what happened. */
  correctIndex: number;
}

function observe(mode: string, results: (CommandResult & { command: string })[]): string {
  const last = results[results.length - 1];
  if (mode === "output") return last.output.trim();
  if (mode === "outcome") return curlOutcome(last.exitCode);
  if (mode === "address-count") return String(last.exitCode === 0 ? nslookupAddresses(last.output).length : 0);
  if (mode === "distinct-outputs") return String(new Set(results.map((r) => r.output.trim())).size);
  if (mode === "same-output") return String(new Set(results.map((r) => r.output.trim())).size === 1);
  if (mode.startsWith("contains:")) return String(last.output.includes(mode.slice("contains:".length)));
  throw new DrillError(`unknown observe mode ${mode}`);
}

/**
 * One learner's run through a drill on its own simulated cluster: the drill's seed and set-up,
 * then whatever the learner types. The browser and the server build the same run from the same
 * events, so the server's grade always matches what the learner saw.
 */
/**
 * The pod quota of every namespace of a drill cluster, as a namespace handed to a learner on a
 * shared cluster would have: it bounds what one command can make the simulator do (`kubectl scale
 * --replicas=100000` creates at most this many pods, then the ReplicaSet reports FailedCreate).
 */
export const DRILL_POD_QUOTA = 50;

export class DrillRun {
  readonly sim: SimCluster;
  readonly transcript: TranscriptLine[] = [];
  constructor(readonly drill: Drill) {
    this.sim = createCluster(
      {
        seed: drill.seed,
        podIPStart: "seeded",
        ...drill.cluster,
        namespaceQuota: { pods: String(DRILL_POD_QUOTA) },
      },
      (name) => drill.files[name] ?? null,
    );
    for (const line of drill.setup) {
      const r = this.sim.run(line);
      if (r.exitCode !== 0) throw new DrillError(`set-up command failed: ${line}\n${r.output}`);
    }
    // A drill whose set-up applies its own quota to a namespace teaches with that one alone there.
    const { store } = this.sim.cluster;
    const replaced = store
      .list("ResourceQuota")
      .filter(
        (q) => q.metadata.name === NAMESPACE_QUOTA && store.list("ResourceQuota", q.metadata.namespace).length > 1,
      );
    for (const preset of replaced) store.remove(preset);
    if (replaced.length) this.sim.cluster.reconcile();
  }

  run(line: string): CommandResult {
    const prompt = this.sim.prompt();
    const result = this.sim.run(line);
    this.transcript.push({ prompt, command: line, output: result.output });
    return result;
  }

  resolve(text: string): string {
    return resolvePlaceholders(this.sim.cluster, text);
  }

  step(id: string) {
    const step = this.drill.steps.find((s) => s.id === id);
    if (!step) throw new DrillError(`no step ${id}`);
    return step;
  }

  /** The prediction's prompt and options as the learner sees them now (no answer). */
  predictionView(step: PredictStep): { prompt: string; options: string[] } {
    return { prompt: this.resolve(step.prompt), options: step.options.map((o) => this.resolve(o.text)) };
  }

  /** Runs the step's change, reads what happened, and finds the one option that matches it. */
  commitPrediction(step: PredictStep): PredictionOutcome {
    const values = step.options.map((o) => this.resolve(o.value).trim());
    const mode = this.resolve(step.observe);
    // The step's commands are typed at the learner's own prompt, even while the learner is in a shell.
    const results = outsideShell(this.sim.cluster, () =>
      step.run.map((line) => {
        const command = this.resolve(line);
        return { command, ...this.run(command) };
      }),
    );
    const observed = observe(mode, results);
    const matches = values.flatMap((v, i) => (v === observed ? [i] : []));
    if (matches.length !== 1)
      throw new DrillError(
        `step ${step.id}: ${matches.length} options match what the simulator showed (${JSON.stringify(observed)}; options ${JSON.stringify(values)})`,
      );
    return {
      observations: results.map(({ command, output }) => ({ command, output })),
      observed,
      correctIndex: matches[0],
    };
  }

  checkTask(step: TaskStep): { passed: boolean; results: CheckResult[] } {
    const results = step.check.map((c) => evaluateCheck(this.sim.cluster, c));
    return { passed: results.every((r) => r.passed), results };
  }
}

/**
 * Rebuilds a run from its events: commands as typed, predictions as committed. `views` receives each
 * committed prediction as the learner saw it then (its placeholders filled before the change).
 */
export function replay(
  drill: Drill,
  events: readonly DrillEvent[],
  views?: Map<string, { prompt: string; options: string[] }>,
): DrillRun {
  const run = new DrillRun(drill);
  for (const e of events) {
    if (e.type === "command") run.run(e.line);
    else {
      const step = run.step(e.stepId);
      if (step.type !== "predict") throw new DrillError(`step ${e.stepId} is not a prediction`);
      views?.set(step.id, run.predictionView(step));
      run.commitPrediction(step);
    }
  }
  return run;
}
