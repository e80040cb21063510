import type { Cluster } from "../cluster";

// The terminal is attached to at most one interactive shell at a time: `kubectl exec -it POD -- sh`,
// `kubectl run -it` with a shell, or `kubectl debug node/NAME -it`. While it is open, every line the
// learner types runs in that shell (lib/sim/shell/interactive.ts) until `exit`, as in a real
// terminal. The state lives beside the cluster, like the other per-cluster state of the shell tools.

export interface ShellSession {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  /** The shell's flavour, which decides its prompt and its "not found" wording. */
  shell: "ash" | "dash";
  /** Shells started by `chroot /host` inside it; `exit` leaves the innermost one first. */
  chroots: number;
  /**
   * Who opened it, which decides what the last `exit` ends: kubectl debug and kubectl run attach to
   * the pod's main process (so the pod then completes, and run prints what it prints after an
   * attached run); kubectl exec ends only the exec'd shell (the pod runs on).
   */
  attachedBy: "debug" | "run" | "exec";
  /** kubectl run --rm: kubectl deletes the pod once the session ends. */
  removeAfter?: boolean;
}

const sessions = new WeakMap<Cluster, ShellSession>();

export const currentShell = (cluster: Cluster): ShellSession | null => sessions.get(cluster) ?? null;

export function openShell(cluster: Cluster, session: Omit<ShellSession, "chroots">): void {
  sessions.set(cluster, { ...session, chroots: 0 });
}

export function closeShell(cluster: Cluster): void {
  sessions.delete(cluster);
}

/**
 * The prompt the terminal shows: the learner's own shell, BusyBox ash's "/ # " for root in /, or
 * dash's "# " (Debian's /bin/sh, and the node's shell after `chroot /host`).
 */
export function shellPrompt(cluster: Cluster): string {
  const session = currentShell(cluster);
  if (!session) return "$ ";
  return session.chroots === 0 && session.shell === "ash" ? "/ # " : "# ";
}

/**
 * Runs `work` at the learner's own prompt while the open shell waits, then returns to that shell:
 * a drill's prediction runs its commands as typed on the learner's machine, wherever the learner is,
 * as if in a terminal of their own (a shell they open is left behind when it ends).
 */
export function outsideShell<T>(cluster: Cluster, work: () => T): T {
  const held = sessions.get(cluster);
  sessions.delete(cluster);
  try {
    return work();
  } finally {
    sessions.delete(cluster);
    if (held) sessions.set(cluster, held);
  }
}
