import type { Cluster } from "../cluster";
import { appendLog } from "../container-logs";
import { imageProfile } from "../images";
import type { CommandResult, Pod } from "../types";
import { runInPod } from "./commands/exec";
import type { KubectlContext } from "./context";

/** A main process that keeps running (a sleep, a loop, tail -f) rather than exiting at once. */
export function keepsRunning(command: string[]): boolean {
  const script = command.join(" ");
  return /\bsleep\s+(?!0\b)(\d+|infinity)\b|\btail\s+-f\b|\bwhile\s+true\b/.test(script);
}

/**
 * Runs the main process of a pod whose restartPolicy lets it end (Never, OnFailure), as the
 * kubelet would once the container starts: its output goes to the container log, and when it exits
 * the container is terminated (reason Completed for exit code 0, Error otherwise: the reasons the
 * kubelet's runtime reports) and the pod's phase becomes Succeeded or Failed (pkg/kubelet
 * kubelet_pods.go getPhase). A process that keeps running leaves the pod Running. An image with no
 * command runs its default: a shell with no input for the client images (it exits 0 at once), a
 * server for the rest. Returns the process's result, or null while it runs.
 *
 * Simplification: an OnFailure pod whose process fails is left as it is (upstream restarts the
 * container with back-off).
 */
export function runToCompletion(ctx: KubectlContext, pod: Pod): CommandResult | null {
  const container = pod.spec.containers[0];
  const policy = pod.spec.restartPolicy ?? "Always";
  if (policy === "Always" || pod.status.phase !== "Running") return null;
  const command = [...(container.command ?? []), ...(container.args ?? [])];
  if (command.length === 0 && imageProfile(container.image).server !== null) return null;
  if (keepsRunning(command)) return null;
  const result = command.length ? runInPod(ctx, pod, pod.spec.containers[0], command) : { output: "", exitCode: 0 };
  appendLog(ctx.cluster, pod, container.name, result.output);
  if (policy === "OnFailure" && result.exitCode !== 0) return result;
  endMainProcess(ctx.cluster, pod, result.exitCode);
  return result;
}

/**
 * The main process of a pod that is not restarted (restartPolicy Never, or OnFailure after success)
 * exits with `exitCode`: its containers are terminated (reason Completed for 0, Error otherwise) and
 * the pod ends Succeeded or Failed.
 */
export function endMainProcess(cluster: Cluster, pod: Pod, exitCode: number): void {
  const now = cluster.timestamp();
  pod.status.phase = exitCode === 0 ? "Succeeded" : "Failed";
  for (const status of pod.status.containerStatuses) {
    status.ready = false;
    status.started = false;
    status.state = {
      terminated: {
        exitCode,
        reason: exitCode === 0 ? "Completed" : "Error",
        startedAt: status.state.running?.startedAt ?? now,
        finishedAt: now,
      },
    };
  }
  for (const condition of pod.status.conditions) {
    if (condition.type === "Ready" || condition.type === "ContainersReady") {
      condition.status = "False";
      condition.lastTransitionTime = now;
    }
  }
  cluster.save(pod);
  cluster.reconcile();
}
