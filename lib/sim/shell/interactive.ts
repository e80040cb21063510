import type { Cluster } from "../cluster";
import { containerNamed, endEphemeralContainer, ephemeralRunning } from "../ephemeral-containers";
import { imageProfile, nodeRootProfile } from "../images";
import { mountsHostRoot, runInPod } from "../kubectl/commands/exec";
import { endAttachedRun } from "../kubectl/commands/run";
import type { FileReader } from "../kubectl/context";
import { line as outputLine } from "../kubectl/line";
import { endMainProcess } from "../kubectl/one-shot";
import type { CommandResult } from "../types";
import { closeShell, currentShell, type ShellSession } from "./session";
import { tokenize } from "./tokenize";

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });

/**
 * One line typed into the open interactive shell. `exit` leaves a `chroot /host` shell first, then
 * the session: a pod whose main process was the shell completes (kubectl debug prints nothing more;
 * kubectl run deletes it with --rm and reports a failed Never pod), one whose restartPolicy is
 * Always gets its shell restarted. `chroot /host` alone enters the
 * node's root filesystem; anything else runs as `sh -c` would run it in the container.
 * Returns null when the shell's pod is gone, so the line runs at the learner's own prompt.
 */
export function runInShell(
  cluster: Cluster,
  session: ShellSession,
  text: string,
  readFile: FileReader,
): CommandResult | null {
  const pod = cluster.store.get("Pod", session.namespace, session.pod);
  if (
    !pod ||
    pod.metadata.uid !== session.uid ||
    pod.status.phase !== "Running" ||
    !cluster.runtime.has(pod.metadata.uid) ||
    !ephemeralRunning(pod, session.container)
  ) {
    closeShell(cluster);
    return null;
  }
  const tokens = tokenize(text.trim());
  if (!Array.isArray(tokens)) return { output: "sh: syntax error: unterminated quoted string\n", exitCode: 2 };
  if (tokens.length === 0 || tokens[0].startsWith("#")) return ok("");
  cluster.advance(1);
  const found = containerNamed(pod, session.container);
  const container = found?.container ?? pod.spec.containers[0];
  const [program, ...args] = tokens;
  if (program === "exit") {
    const code = Number(args[0] ?? 0);
    const exitCode = Number.isInteger(code) ? code & 0xff : 2;
    if (session.chroots > 0) {
      session.chroots--;
      return { output: "", exitCode };
    }
    closeShell(cluster);
    if (session.attachedBy === "exec") return { output: "", exitCode };
    const policy = pod.spec.restartPolicy ?? "Always";
    if (found?.ephemeral) {
      // The debug container's process ends for good; the pod runs on (attach.go reattachMessage,
      // printed only for a pod whose restartPolicy is Always).
      endEphemeralContainer(cluster, pod, container.name, exitCode);
      return {
        output:
          policy === "Always"
            ? outputLine(
                `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' if it is still running`,
              )
            : "",
        exitCode,
      };
    }
    if (policy === "Always") {
      // attach.go: the kubelet restarts the shell, and kubectl says how to get back to it.
      cluster.restartContainers(pod);
      return {
        output: outputLine(
          `Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' command when the pod is running`,
        ),
        exitCode: 0,
      };
    }
    // Simplification as in one-shot.ts: an OnFailure shell that fails is left running.
    if (policy === "Never" || exitCode === 0) endMainProcess(cluster, pod, exitCode);
    if (session.attachedBy === "debug") return { output: "", exitCode };
    return endAttachedRun({ cluster, readFile }, pod, { output: "", exitCode }, session.removeAfter ?? false);
  }
  if (program === "cd") return ok("");
  const root = session.chroots > 0 ? "host" : "container";
  if (
    program === "chroot" &&
    args.length === 1 &&
    root === "container" &&
    mountsHostRoot(pod, container) &&
    args[0].replace(/\/$/, "") === "/host"
  ) {
    session.chroots++;
    return ok("");
  }
  return runInPod({ cluster, readFile }, pod, container, tokens, true, root);
}

/**
 * What the open shell can run, for Tab completion: the image's programs (the node's after
 * `chroot /host`) and the shell's own `exit` and `cd`; null when no shell is open.
 */
export function shellProgramsOf(cluster: Cluster): string[] | null {
  const session = currentShell(cluster);
  if (!session) return null;
  const pod = cluster.store.get("Pod", session.namespace, session.pod);
  const container = pod && containerNamed(pod, session.container)?.container;
  if (!container) return null;
  const profile = session.chroots > 0 ? nodeRootProfile(cluster.options.proxyMode) : imageProfile(container.image);
  return [...profile.programs, "exit", "cd"];
}

/**
 * The command a line typed into the open shell amounts to, as typed on the learner's machine:
 * `wget -qO- web` in pod client's shell is `kubectl exec client -- wget -qO- web` (with -n and -c
 * when they are not the defaults, and `chroot /host` in front on the node's filesystem). Without an
 * open shell the line is itself.
 */
export function lineAtMachine(cluster: Cluster, line: string): string {
  const session = currentShell(cluster);
  const pod = session && cluster.store.get("Pod", session.namespace, session.pod);
  if (!session || !pod) return line;
  const namespace = session.namespace === "default" ? "" : ` -n ${session.namespace}`;
  const container = pod.spec.containers[0]?.name === session.container ? "" : ` -c ${session.container}`;
  const chroot = session.chroots > 0 ? "chroot /host " : "";
  return `kubectl exec${namespace} ${session.pod}${container} -- ${chroot}${line.trim()}`;
}
