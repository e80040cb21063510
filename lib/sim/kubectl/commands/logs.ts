import type { Cluster } from "../../cluster";
import { containerLog } from "../../container-logs";
import { containerNamed } from "../../ephemeral-containers";
import { KubeError } from "../../errors";
import type { Container, Pod } from "../../types";
import { type FlagSpec, flag, intFlag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { byLogging, podsSelected, selectorOf } from "../pod-choice";
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
  const found = selectorOf(object);
  if ("reason" in found) throw new KubeError(`error: cannot get the logs from *v1.${object.kind}: ${found.reason}`);
  const pods = podsSelected(cluster, namespace, found.selector, byLogging);
  if (!pods[0]) throw new KubeError("error: timed out waiting for the condition");
  // kubectl writes this note to stderr; the terminal shows both streams.
  const note = pods.length > 1 ? `Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n` : "";
  return { pod: pods[0], note };
}

/** podcmd.FindOrDefaultContainerByName: -c, else the default-container annotation, else the first. */
function containerFor(pod: Pod, name: string | undefined): { container: Container; note: string } {
  // AllContainerNames: the containers, then the ephemeral ones marked "(ephem)".
  const names = [
    ...pod.spec.containers.map((c) => c.name),
    ...(pod.spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
  ];
  if (name) {
    const container = containerNamed(pod, name)?.container;
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
  if (pod.status.phase === "Pending") {
    // kubelet_pods.go validateContainerLogStatus: the waiting reason, the two image-pull ones in words.
    const status = pod.status.containerStatuses.find((c) => c.name === chosen.container.name);
    const reason = status?.state.waiting?.reason ?? "ContainerCreating";
    const why =
      reason === "ErrImagePull"
        ? "image can't be pulled"
        : reason === "ImagePullBackOff"
          ? "trying and failing to pull image"
          : reason;
    throw new KubeError(
      `Error from server (BadRequest): container "${chosen.container.name}" in pod "${pod.metadata.name}" is waiting to start: ${why}`,
    );
  }
  return note + chosen.note + tail(containerLog(ctx.cluster, pod, chosen.container.name), intFlag(args, "tail"));
}
