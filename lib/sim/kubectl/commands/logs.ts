import type { Cluster } from "../../cluster";
import { containerLog } from "../../container-logs";
import { KubeError } from "../../errors";
import { matchesSelector } from "../../labels";
import type { Container, Pod } from "../../types";
import { type FlagSpec, flag, intFlag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { getObject, parseTargets } from "../resources";

const FLAGS: readonly FlagSpec[] = [
  { name: "container", short: "c", takesValue: true },
  { name: "tail", takesValue: true },
];

export const logsCommand: KubectlCommand = {
  name: "logs",
  summary: "Print the logs for a container in a pod",
  group: "Troubleshooting and Debugging Commands",
  usage: "logs (POD | TYPE/NAME) [-c CONTAINER] [--tail=N] [flags]",
  flags: FLAGS,
  args: [{ kind: "objects", resource: "Pod" }, { kind: "none" }],
  run: kubectlLogs,
};

const readyTime = (pod: Pod) =>
  pod.status.conditions.find((c) => c.type === "Ready" && c.status === "True")?.lastTransitionTime;
const restarts = (pod: Pod) => Math.max(0, ...pod.status.containerStatuses.map((s) => s.restartCount));
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/**
 * Which of a workload's pods `kubectl logs deploy/NAME` reads (kubectl util/podutils ByLogging):
 * scheduled first, Running before Pending, ready first, ready for longer first, more restarts
 * first, older first. Upstream's sort is not stable; ties here go by name so the choice is fixed.
 */
function byLogging(a: Pod, b: Pod): number {
  const key = (p: Pod) => [
    p.spec.nodeName ? 0 : 1,
    PHASE_RANK[p.status.phase] ?? 3,
    readyTime(p) ? 0 : 1,
    readyTime(p) ?? "",
    -restarts(p),
    p.metadata.creationTimestamp,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return a.metadata.name.localeCompare(b.metadata.name);
}

/** The pod a TYPE/NAME names: the pod itself, or one of the workload's pods (logsforobject.go). */
function podFor(cluster: Cluster, target: string, namespace: string): { pod: Pod; note: string } {
  const [{ type, name }] = parseTargets(target.includes("/") ? [target] : ["pod", target]);
  let object: ReturnType<typeof getObject>;
  try {
    object = getObject(cluster, type, namespace, name);
  } catch (err) {
    // logs.go wraps a NotFound from the builder with the namespace it looked in.
    if (err instanceof KubeError && err.message.startsWith("Error from server (NotFound): "))
      throw new KubeError(
        `error: error from server (NotFound): ${err.message.slice("Error from server (NotFound): ".length)} in namespace "${namespace}"`,
      );
    throw err;
  }
  if (object.kind === "Pod") return { pod: object, note: "" };
  // polymorphichelpers SelectorsForObject: the workloads' selectors, and a Service's.
  const selector =
    object.kind === "Deployment" || object.kind === "ReplicaSet" || object.kind === "DaemonSet"
      ? object.spec.selector
      : object.kind === "Service"
        ? object.spec.selector
        : undefined;
  if (!selector)
    throw new KubeError(
      `error: cannot get the logs from *v1.${object.kind}: selector for *v1.${object.kind} not implemented`,
    );
  const pods = cluster
    .pods(namespace)
    .filter((p) => matchesSelector(p.metadata.labels, selector))
    .sort(byLogging);
  if (!pods[0]) throw new KubeError("error: timed out waiting for the condition");
  // kubectl writes this note to stderr; the terminal shows both streams.
  const note = pods.length > 1 ? `Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n` : "";
  return { pod: pods[0], note };
}

/** podcmd.FindOrDefaultContainerByName: -c, else the default-container annotation, else the first. */
function containerFor(pod: Pod, name: string | undefined): { container: Container; note: string } {
  const names = pod.spec.containers.map((c) => c.name);
  if (name) {
    const container = pod.spec.containers.find((c) => c.name === name);
    if (!container) throw new KubeError(`error: container ${name} is not valid for pod ${pod.metadata.name}`);
    return { container, note: "" };
  }
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  const byAnnotation = pod.spec.containers.find((c) => c.name === annotated);
  if (byAnnotation) return { container: byAnnotation, note: "" };
  const note = names.length > 1 ? `Defaulted container "${names[0]}" out of: ${names.join(", ")}\n` : "";
  return { container: pod.spec.containers[0], note };
}

/** The last `count` lines of a log (the kubelet's tailLines; a negative count means all). */
function tail(log: string, count: number | undefined): string {
  if (count === undefined || count < 0) return log;
  if (count === 0) return "";
  const lines = log.split(/(?<=\n)/);
  return lines.slice(-count).join("");
}

/** kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [--tail=N] */
function kubectlLogs(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "logs");
  const namespace = namespaceOf(ctx, args);
  const [target, inlineContainer, extra] = args.positional;
  if (!target || extra !== undefined)
    throw new KubeError(
      `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`,
    );
  const containerFlag = flag(args, "container");
  if (containerFlag && inlineContainer)
    throw new KubeError("error: only one of -c or an inline [CONTAINER] arg is allowed");
  const { pod, note } = podFor(ctx.cluster, target, namespace);
  const chosen = containerFor(pod, containerFlag ?? inlineContainer);
  if (pod.status.phase === "Pending")
    throw new KubeError(
      `Error from server (BadRequest): container "${chosen.container.name}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating`,
    );
  return note + chosen.note + tail(containerLog(ctx.cluster, pod, chosen.container.name), intFlag(args, "tail"));
}
