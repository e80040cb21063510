import { createCluster, type SimCluster } from "../../../sim";
import type { Outcome } from "../../../sim/shell/read-output";
import type { ClusterOptions } from "../../../sim/types";
import type { Observation } from "../types";

/**
 * A scenario being played on a fresh simulated cluster: `show` runs a command the learner sees
 * before answering, `observe` runs one whose output decides the answer (revealed afterwards).
 */
export class Script {
  readonly sim: SimCluster;
  readonly context: Observation[] = [];
  readonly evidence: Observation[] = [];
  private readonly files: Map<string, string>;
  /** `files` are the manifests `kubectl apply -f NAME` reads in this scenario; file() adds one the learner is shown. */
  constructor(options: ClusterOptions, files: Readonly<Record<string, string>> = {}) {
    this.files = new Map(Object.entries(files));
    // Pod addresses vary with the attempt's seed, as every other value a scenario shows does.
    this.sim = createCluster({ podIPStart: "seeded", ...options }, (name) => this.files.get(name) ?? null);
  }
  /** A manifest the learner is shown (as `cat NAME`) and that `kubectl apply -f NAME` reads. */
  file(name: string, text: string) {
    this.files.set(name, text);
    this.context.push({ command: `cat ${name}`, output: text });
  }
  private exec(command: string) {
    const result = this.sim.run(command);
    return { command, output: result.output, exitCode: result.exitCode };
  }
  /** Set-up the learner is shown, output included. */
  show(command: string) {
    const r = this.exec(command);
    if (r.exitCode !== 0 && !command.includes(" delete "))
      throw new Error(`scenario set-up failed: ${command}\n${r.output}`);
    this.context.push({ command: r.command, output: r.output });
    return r;
  }
  /** Set-up the learner is shown without its output; `kill 1` in a container ends with 137, for example. */
  showCommand(command: string, expectedExitCode = 0) {
    const r = this.exec(command);
    if (r.exitCode !== expectedExitCode) throw new Error(`scenario set-up failed: ${command}\n${r.output}`);
    this.context.push({ command, output: "" });
    return r;
  }
  /** The change and its consequences: the answer is computed from these. */
  observe(command: string) {
    const r = this.exec(command);
    this.evidence.push({ command: r.command, output: r.output });
    return r;
  }
  pods(prefix: string) {
    return this.sim.cluster
      .pods("default")
      .filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }
  /** The InternalIP of a node, by name. */
  nodeIP(name: string) {
    const node = this.sim.cluster.store.get("Node", undefined, name);
    if (!node) throw new Error(`scenario: no node ${name}`);
    return this.sim.cluster.nodeIP(node);
  }
  clusterIP(service: string) {
    return this.sim.cluster.store.get("Service", "default", service)?.spec.clusterIP ?? "";
  }
}

export const OUTCOME_TEXT: Record<Outcome, string> = {
  answered: "One of the pods answers with its name",
  refused: "The connection is refused at once",
  timeout: "The connection hangs until it times out",
  unresolved: "curl cannot resolve the name",
};

/**
 * One option per curl outcome listed in `shown` (in that order), with its text (OUTCOME_TEXT unless
 * given) and misconception, marked right when it is the outcome the simulator observed.
 */
export function outcomeCandidates(
  observed: Outcome,
  shown: Partial<Record<Outcome, { text?: string; misconception?: string }>>,
) {
  return (Object.entries(shown) as [Outcome, { text?: string; misconception?: string }][]).map(([outcome, o]) => ({
    text: o.text ?? OUTCOME_TEXT[outcome],
    correct: outcome === observed,
    misconception: o.misconception,
  }));
}
