import type { Cluster } from "./cluster";
import { invalid } from "./errors";
import { involvedObject } from "./events";
import { alreadyPresentMessage, defaultPullPolicy, pulledMessage, pullMilliseconds } from "./image-pull";
import { dnsLabelError } from "./names";
import type { Container, ContainerStatus, EphemeralContainer, Pod } from "./types";

// Ephemeral containers (KEP-277, GA in v1.25): `kubectl debug POD --image=...` patches the pod's
// pods/ephemeralcontainers subresource with one more entry in spec.ephemeralContainers. The API server
// checks it as ValidatePodEphemeralContainersUpdate does (pkg/apis/core/validation): a name unique among
// the pod's containers, a targetContainerName that names one of them, and no removal or change of an
// entry once added. The kubelet starts it in the pod's sandbox, so it shares the pod's network namespace
// (`localhost` is the pod); it has no probes (Ready stays false) and is never restarted
// (kuberuntime_manager.go computePodActions starts each ephemeral container only once).
// Simplification: it starts at once; under Always the kubelet's Pulling/Pulled events are recorded as
// for a pod's containers (image-pull.ts), but the pull takes no simulated time.

/** FindContainerByName (kubectl's podcmd): a container or an ephemeral container of the pod. */
export function containerNamed(pod: Pod, name: string): { container: Container; ephemeral: boolean } | undefined {
  const regular = pod.spec.containers.find((c) => c.name === name);
  if (regular) return { container: regular, ephemeral: false };
  const ephemeral = pod.spec.ephemeralContainers?.find((c) => c.name === name);
  return ephemeral ? { container: ephemeral, ephemeral: true } : undefined;
}

export const ephemeralStatus = (pod: Pod, name: string): ContainerStatus | undefined =>
  pod.status.ephemeralContainerStatuses?.find((s) => s.name === name);

/** Whether an ephemeral container's process still runs (true for any regular container). */
export const ephemeralRunning = (pod: Pod, name: string): boolean => {
  const status = ephemeralStatus(pod, name);
  return status === undefined || status.state.running !== undefined;
};

/** The API server's checks on the new entry, in validateEphemeralContainers' words. */
function validate(pod: Pod, container: EphemeralContainer): string[] {
  const index = pod.spec.ephemeralContainers?.length ?? 0;
  const path = `spec.ephemeralContainers[${index}]`;
  const errors: string[] = [];
  const nameError = dnsLabelError(container.name);
  if (nameError) errors.push(`${path}.name: Invalid value: "${container.name}": ${nameError}`);
  else if (containerNamed(pod, container.name)) errors.push(`${path}.name: Duplicate value: "${container.name}"`);
  const target = container.targetContainerName;
  if (target !== undefined && !pod.spec.containers.some((c) => c.name === target))
    errors.push(`${path}.targetContainerName: Not found: "${target}"`);
  return errors;
}

/** Adds the container through the subresource and lets the pod's kubelet start it. */
export function addEphemeralContainer(cluster: Cluster, pod: Pod, container: EphemeralContainer): void {
  const errors = validate(pod, container);
  if (errors.length) throw invalid("Pod", pod.metadata.name, errors);
  const added: EphemeralContainer = {
    imagePullPolicy: defaultPullPolicy(container.image),
    ...container,
  };
  pod.spec.ephemeralContainers = [...(pod.spec.ephemeralContainers ?? []), added];
  const status: ContainerStatus = {
    name: added.name,
    image: added.image,
    ready: false,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: cluster.timestamp() } },
  };
  pod.status.ephemeralContainerStatuses = [...(pod.status.ephemeralContainerStatuses ?? []), status];
  const source = { component: "kubelet", host: pod.spec.nodeName ?? "" };
  const object = involvedObject(pod, `spec.ephemeralContainers{${added.name}}`);
  if (added.imagePullPolicy === "Always") {
    cluster.events.record(object, "Normal", "Pulling", `Pulling image "${added.image}"`, source);
    cluster.events.record(
      object,
      "Normal",
      "Pulled",
      pulledMessage(added.image, pullMilliseconds(added.image)),
      source,
    );
  } else cluster.events.record(object, "Normal", "Pulled", alreadyPresentMessage(added.image), source);
  cluster.events.record(object, "Normal", "Created", `Created container ${added.name}`, source);
  cluster.events.record(object, "Normal", "Started", `Started container ${added.name}`, source);
  cluster.save(pod);
}

/** Its process exited: the status turns Terminated for good (an ephemeral container is not restarted). */
export function endEphemeralContainer(cluster: Cluster, pod: Pod, name: string, exitCode: number): void {
  const status = ephemeralStatus(pod, name);
  const startedAt = status?.state.running?.startedAt;
  if (!status || !startedAt) return;
  status.state = {
    terminated: {
      exitCode,
      reason: exitCode === 0 ? "Completed" : "Error",
      startedAt,
      finishedAt: cluster.timestamp(),
    },
  };
  cluster.save(pod);
}
