import type { Cluster } from "../cluster";
import { mountsHostRoot, runInPod } from "../kubectl/commands/exec";
import type { FileReader } from "../kubectl/context";
import { line as outputLine } from "../kubectl/line";
import { endMainProcess } from "../kubectl/one-shot";
import type { CommandResult } from "../types";
import { closeShell, type ShellSession } from "./session";
import { tokenize } from "./tokenize";

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });

/**
 * One line typed into the open interactive shell. `exit` leaves a `chroot /host` shell first, then
 * the session: a pod whose main process was the shell completes (restartPolicy Never, so kubectl
 * prints nothing more; with `kubectl run --rm` it deletes the pod). `chroot /host` alone enters the
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
    !cluster.runtime.has(pod.metadata.uid)
  ) {
    closeShell(cluster);
    return null;
  }
  const tokens = tokenize(text.trim());
  if (!Array.isArray(tokens)) return { output: "sh: syntax error: unterminated quoted string\n", exitCode: 2 };
  if (tokens.length === 0 || tokens[0].startsWith("#")) return ok("");
  cluster.advance(1);
  const container = pod.spec.containers.find((c) => c.name === session.container) ?? pod.spec.containers[0];
  const [program, ...args] = tokens;
  if (program === "exit") {
    const code = Number(args[0] ?? 0);
    const exitCode = Number.isInteger(code) ? code & 0xff : 2;
    if (session.chroots > 0) {
      session.chroots--;
      return { output: "", exitCode };
    }
    closeShell(cluster);
    if (session.ends === "exec") return { output: "", exitCode };
    endMainProcess(cluster, pod, exitCode);
    if (!session.removeAfter) return { output: "", exitCode };
    cluster.deletePod(pod);
    return { output: outputLine(`pod "${pod.metadata.name}" deleted`), exitCode };
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
