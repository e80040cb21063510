import { listeningPorts } from "./images";
import type { Container, Pod, Probe } from "./types";

/**
 * The container of a pod whose process listens on `port`, if any (all containers share the pod's
 * network). Only a running container listens: not one still in ContainerCreating, nor one that exited.
 */
export const containerListeningOn = (pod: Pod, port: number): Container | undefined =>
  pod.spec.containers.find(
    (c, i) => pod.status.containerStatuses[i]?.state.running !== undefined && listeningPorts(c).includes(port),
  );

export const podListensOn = (pod: Pod, port: number) => containerListeningOn(pod, port) !== undefined;

/**
 * Resolves a Service targetPort (number or container port name) against one pod, as FindPort does
 * (staging/src/k8s.io/endpointslice/utils.go): a name matches a container port of that name and protocol.
 */
export function resolveTargetPort(pod: Pod, target: number | string, protocol = "TCP"): number | null {
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers)
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  return null;
}

/** Files a container starts with: the kubelet's mounts plus anything its command `touch`es. */
export function initialFiles(pod: Pod): Set<string> {
  const files = new Set(["/etc/resolv.conf", "/etc/hosts", "/etc/hostname"]);
  for (const c of pod.spec.containers) {
    const script = [...(c.command ?? []), ...(c.args ?? [])].join(" ");
    for (const m of script.matchAll(/\btouch\s+((?:\/[\w.-]+)+)/g)) files.add(m[1]);
  }
  return files;
}

/**
 * Evaluates a readiness probe the way the kubelet would against our container model: an exec
 * probe that reads a file (cat, test -e/-f, ls) passes while the file exists; httpGet and
 * tcpSocket probes pass while the container listens on the port.
 */
export function probePasses(pod: Pod, container: Container, probe: Probe | undefined, files: Set<string>): boolean {
  if (!probe) return true;
  if (probe.exec) {
    const paths = probe.exec.command
      .join(" ")
      .split(/\s+/)
      .filter((a) => a.startsWith("/") && !a.startsWith("/bin/"));
    return paths.every((p) => files.has(p));
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  if (port === undefined) return true;
  const number = resolveTargetPort(pod, port);
  return number !== null && listeningPorts(container).includes(number);
}
