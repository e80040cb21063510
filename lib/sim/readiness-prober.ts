import type { Probe } from "./types";

// The kubelet's readiness prober (pkg/kubelet/prober/worker.go, defaults from
// pkg/apis/core/v1/defaults.go SetDefaults_Probe). A container with a readiness probe starts
// not ready (results.Failure is the initial readiness value). The first probe runs once the
// container has been running initialDelaySeconds (the kubelet triggers one as soon as the
// container is up: prober_manager.go UpdatePodStatus), then every periodSeconds. It becomes ready
// after successThreshold successes in a row, and not ready again only after failureThreshold
// failures in a row. timeoutSeconds does not matter to the model: its probes answer at once.

export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

export function probeTiming(probe: Probe) {
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds,
    periodSeconds: probe.periodSeconds ?? PROBE_DEFAULTS.periodSeconds,
    timeoutSeconds: probe.timeoutSeconds ?? PROBE_DEFAULTS.timeoutSeconds,
    successThreshold: probe.successThreshold ?? PROBE_DEFAULTS.successThreshold,
    failureThreshold: probe.failureThreshold ?? PROBE_DEFAULTS.failureThreshold,
  };
}

/** One container's prober worker: when it probes next and the run of equal results so far. */
export interface ProberState {
  nextMs: number;
  ready: boolean;
  successes: number;
  failures: number;
}

export function startProber(probe: Probe, startedMs: number): ProberState {
  return { nextMs: startedMs + probeTiming(probe).initialDelaySeconds * 1000, ready: false, successes: 0, failures: 0 };
}

/**
 * Runs every probe due by `nowMs`. Nothing a probe reads changes between two commands, so all the
 * probes due in one step of the clock get the same `passes`. Returns the time of the probe that
 * changed readiness, or null if readiness did not change.
 */
export function runDueProbes(state: ProberState, probe: Probe, nowMs: number, passes: boolean): number | null {
  if (state.nextMs > nowMs) return null;
  const t = probeTiming(probe);
  const periodMs = Math.max(1, t.periodSeconds) * 1000;
  const due = Math.floor((nowMs - state.nextMs) / periodMs) + 1;
  const first = state.nextMs;
  state.nextMs += due * periodMs;
  let changedAt: number | null = null;
  if (passes) {
    state.failures = 0;
    const needed = t.successThreshold - state.successes;
    if (!state.ready && due >= needed) {
      state.ready = true;
      changedAt = first + (Math.max(needed, 1) - 1) * periodMs;
    }
    state.successes += due;
  } else {
    state.successes = 0;
    const needed = t.failureThreshold - state.failures;
    if (state.ready && due >= needed) {
      state.ready = false;
      changedAt = first + (Math.max(needed, 1) - 1) * periodMs;
    }
    state.failures += due;
  }
  return changedAt;
}
