import { imageProfile } from "./images";
import type { Container, LifecycleHandler, Pod } from "./types";

// Graceful termination as the kubelet does it (pkg/kubelet/kuberuntime/kuberuntime_container.go
// killContainer, Kubernetes v1.31): the preStop hook runs first, for at most the grace period; then
// the runtime sends the image's stop signal and waits what is left of the grace period (never less
// than minimumGracePeriodInSeconds, 2 s) before SIGKILL. Whether the main process exits on the signal
// is up to the process, and a PID 1 with no handler for a signal never gets it: the kernel drops
// signals to a namespace's init that it has not asked for.

/** The API server's default (pkg/apis/core/v1/defaults.go): 30 seconds. */
export const DEFAULT_GRACE_SECONDS = 30;
/** kuberuntime_container.go minimumGracePeriodInSeconds: the runtime always waits this long before SIGKILL. */
export const MINIMUM_GRACE_SECONDS = 2;
/** After the last container exits, the kubelet notices (PLEG) and its status manager deletes the pod object. */
export const REMOVAL_SECONDS = 1;

/** What a container's main process does when the runtime sends its stop signal. */
export type StopBehaviour = "exits" | "ignores";

const SHELLS = /^(\/bin\/|\/usr\/bin\/)?(sh|ash|bash|dash|zsh)$/;

/** Images whose ENTRYPOINT is empty, so args alone name the program (the shell-and-tools images). */
const NO_ENTRYPOINT = new Set(["busybox", "alpine", "distro", "dnsutils", "netshoot"]);

/**
 * Whether the container's main process exits on the stop signal, from what it runs:
 *  - a shell or a plain program (sleep, tail) as PID 1 installs no handler, so it ignores SIGTERM
 *    and runs until SIGKILL, unless the script `trap`s TERM;
 *  - otherwise the image's own main process decides:
 *    nginx (and nginx:alpine, echoserver, which is nginx with a Lua handler): the image's STOPSIGNAL is
 *    SIGQUIT, nginx's graceful quit, which closes idle connections and exits at once;
 *    agnhost (a Go program): the Go runtime handles SIGTERM and exits the process;
 *    the ingress-nginx controller: it handles SIGTERM, stops nginx and exits;
 *    busybox, alpine, debian/ubuntu, dnsutils, netshoot and curlimages/curl by default run a shell
 *    (curl's entrypoint script runs curl, which ends at once): ignores;
 *    an image the catalog does not know is modelled as a web server that handles SIGTERM: exits.
 */
export function stopBehaviour(container: Container): StopBehaviour {
  const profile = imageProfile(container.image);
  const program =
    container.command?.[0] ?? (NO_ENTRYPOINT.has(profile.family) ? container.args?.[0] : undefined) ?? null;
  if (program !== null) {
    const script = [...(container.command ?? []), ...(container.args ?? [])].join(" ");
    // `exec PROGRAM` in a shell script replaces the shell: PROGRAM becomes PID 1.
    const execed = SHELLS.test(program)
      ? [...script.matchAll(/(?:^|&&|;|\|\||-c)\s*exec\s+([\w./-]+)/g)].at(-1)?.[1]
      : undefined;
    if (execed) return stopBehaviour({ ...container, command: [execed], args: [] });
    if (SHELLS.test(program)) return /\btrap\b[^;]*\b(TERM|SIGTERM|15)\b/.test(script) ? "exits" : "ignores";
    if (/(^|\/)(sleep|tail|cat)$/.test(program)) return "ignores";
    if (/(^|\/)(nginx|agnhost)$/.test(program)) return "exits";
  }
  switch (profile.family) {
    case "nginx":
    case "nginx-alpine":
    case "echoserver":
    case "agnhost":
    case "ingress-nginx":
    case "app":
      return "exits";
    default:
      return "ignores";
  }
}

/** Seconds a preStop hook takes: a sleep handler, or an exec of `sleep N` (alone or in `sh -c`); else none. */
export function hookSeconds(hook: LifecycleHandler | undefined): number {
  if (!hook) return 0;
  if (hook.sleep) return Math.max(0, hook.sleep.seconds);
  const script = hook.exec?.command.join(" ") ?? "";
  const sleeps = [...script.matchAll(/\bsleep\s+(\d+)\b/g)].map((m) => Number(m[1]));
  return sleeps.reduce((a, b) => a + b, 0);
}

/** The grace period a deletion gets: the one asked for, else the pod's terminationGracePeriodSeconds. */
export const gracePeriodOf = (pod: Pod) =>
  pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;

/**
 * Seconds after the kubelet starts stopping a running container until its process is gone: the
 * preStop hook (at most the grace period), then at once if the process exits on the signal, else what
 * remains of the grace period (at least MINIMUM_GRACE_SECONDS) until SIGKILL.
 */
export function secondsToStop(container: Container, grace: number): { seconds: number; killed: boolean } {
  const hook = Math.min(hookSeconds(container.lifecycle?.preStop), grace);
  if (stopBehaviour(container) === "exits") return { seconds: hook, killed: false };
  return { seconds: hook + Math.max(grace - hook, MINIMUM_GRACE_SECONDS), killed: true };
}
