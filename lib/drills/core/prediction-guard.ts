import type { Cluster } from "../../sim/cluster";
import { lineAtMachine } from "../../sim/shell/interactive";
import { commandKey } from "./command-key";
import { type DrillRun, replay } from "./drill-run";
import { resolvePlaceholders } from "./placeholders";
import { type Drill, DrillError, type DrillEvent } from "./types";

// The rule: while a prediction is open (the current step, not yet committed), the learner may explore
// the cluster freely but may not run the step's own `run` commands, because committing runs them and
// running them first shows the answer. "The step's own commands" are its run lines with placeholders
// filled from the cluster as it is at the moment the learner types (so `{{pod:web:0}}` means the pod
// that is number 0 then), compared by commandKey (the same command however it is spelled). The
// browser refuses such a command in the terminal; the server refuses a commit whose events, from the
// moment the step opened, contain one (only the learner's own browser could have let it through).

/** The keys of the step's run lines as they would run on `cluster` now. */
function stepCommandKeys(cluster: Cluster, run: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const line of run) {
    try {
      keys.add(commandKey(resolvePlaceholders(cluster, line), cluster));
    } catch (err) {
      // A placeholder that names nothing now (no such pod yet): no command typed now can be that line.
      if (!(err instanceof DrillError)) throw err;
    }
  }
  return keys;
}

/**
 * Whether typing `line` now would run one of the open prediction's own commands. Inside a container's
 * shell the line counts as the `kubectl exec` it amounts to.
 */
export function revealsPrediction(cluster: Cluster, run: readonly string[], line: string): boolean {
  return stepCommandKeys(cluster, run).has(commandKey(lineAtMachine(cluster, line), cluster));
}

export type GuardedReplay = { ok: true; run: DrillRun } | { ok: false; command: string };

/**
 * The server's side: replays `events`, checking each command typed since the step opened (the
 * events from `from` on, which are all commands) against the step's run lines as the cluster was
 * just before it. Stops at the first one that is the step's own.
 */
export function replayGuarded(
  drill: Drill,
  events: readonly DrillEvent[],
  open: { run: readonly string[]; from: number },
): GuardedReplay {
  const run = replay(drill, events.slice(0, open.from));
  for (const event of events.slice(open.from)) {
    if (event.type !== "command") throw new DrillError("a prediction was committed after the current step opened");
    if (revealsPrediction(run.sim.cluster, open.run, event.line)) return { ok: false, command: event.line };
    run.run(event.line);
  }
  return { ok: true, run };
}
