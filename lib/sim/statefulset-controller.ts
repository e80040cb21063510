import type { Cluster } from "./cluster";
import { involvedObject } from "./events";
import { matchesSelector } from "./labels";
import { templateHash } from "./names";
import { controllerRef } from "./owner-references";
import { quotaRefusal } from "./quota";
import type { Pod, StatefulSet } from "./types";

// The StatefulSet controller after pkg/controller/statefulset (stateful_set_control.go,
// stateful_set_utils.go, stateful_pod_control.go), without volume claims or rolling updates.

/** apps.StatefulSetPodNameLabel: lets a Service select one member of the set. */
export const POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
/** apps.PodIndexLabel (feature PodIndexLabel, on by default since v1.28). */
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

/** getPodName: "<set>-<ordinal>", the same name every time the ordinal is recreated. */
export const statefulPodName = (set: StatefulSet, ordinal: number) => `${set.metadata.name}-${ordinal}`;

/** getParentNameAndOrdinal (statefulPodRegex "(.*)-([0-9]+)$"): -1 for a pod that is not a member. */
export function ordinalOf(set: StatefulSet, pod: Pod): number {
  const match = /^(.*)-([0-9]+)$/.exec(pod.metadata.name);
  return match && match[1] === set.metadata.name ? Number(match[2]) : -1;
}

/** isHealthy: running, ready and not being deleted. */
const isHealthy = (cluster: Cluster, pod: Pod) =>
  pod.status.phase === "Running" && cluster.isPodReady(pod) && !pod.metadata.deletionTimestamp;

/** recordPodEvent: "create Pod web-0 in StatefulSet web successful" (or "... failed error: ..."). */
function reportPod(cluster: Cluster, set: StatefulSet, verb: "create" | "delete", pod: string, error?: string): void {
  const title = verb === "create" ? "Create" : "Delete";
  cluster.events.record(
    involvedObject(set),
    error ? "Warning" : "Normal",
    `${error ? "Failed" : "Successful"}${title}`,
    `${verb} Pod ${pod} in StatefulSet ${set.metadata.name} ${error ? `failed error: ${error}` : "successful"}`,
    { component: "statefulset-controller" },
  );
}

/**
 * newStatefulSetPod + initIdentity: the template's pod with the ordinal's name, the pod-name and
 * pod-index labels, hostname = pod name and subdomain = spec.serviceName, which is what gives the
 * pod the DNS name <pod>.<serviceName>.<ns>.svc.<zone> once the governing headless Service exists.
 * Returns false when the API server refuses the pod (a name taken by another pod, a quota).
 */
function createStatefulPod(cluster: Cluster, set: StatefulSet, ordinal: number): boolean {
  const namespace = set.metadata.namespace!;
  const name = statefulPodName(set, ordinal);
  const refusal = cluster.store.get("Pod", namespace, name)
    ? `pods "${name}" already exists`
    : quotaRefusal(cluster, namespace, "pods", name);
  if (refusal) {
    reportPod(cluster, set, "create", name, refusal);
    return false;
  }
  const template = set.spec.template;
  const labels = {
    ...template.metadata.labels,
    "controller-revision-hash": `${set.metadata.name}-${templateHash(template)}`,
    [POD_NAME_LABEL]: name,
    [POD_INDEX_LABEL]: String(ordinal),
  };
  const spec = {
    ...template.spec,
    hostname: name,
    ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}),
  };
  cluster.createPodObject(namespace, name, { metadata: { ...template.metadata, labels }, spec }, controllerRef(set));
  reportPod(cluster, set, "create", name);
  return true;
}

function condemn(cluster: Cluster, set: StatefulSet, pod: Pod): void {
  cluster.markForDeletion(pod);
  reportPod(cluster, set, "delete", pod.metadata.name);
}

/**
 * One sync (updateStatefulSet): missing ordinals below spec.replicas are created, ordinals at or
 * above it are deleted. With podManagementPolicy OrderedReady (the default) the controller creates
 * one pod at a time in ascending order and goes on only once every lower ordinal is Running and
 * Ready; it scales down one pod at a time from the highest ordinal, waiting until that pod is gone,
 * and only while all the pods it keeps are healthy. Parallel creates and deletes them all at once.
 * A deleted pod comes back under the same name (so the same hostname and DNS name) once the old
 * one has terminated; it is a new pod, with a new IP.
 */
export function reconcileStatefulSet(cluster: Cluster, set: StatefulSet): boolean {
  // ClaimPods: a pod relabelled out of the selector is released.
  for (const pod of cluster.store.podsOwnedBy(set.metadata.uid)) {
    if (!matchesSelector(pod.metadata.labels, set.spec.selector)) cluster.store.orphan(pod, set.metadata.uid);
  }
  const monotonic = set.spec.podManagementPolicy === "OrderedReady";
  const replicas = new Map<number, Pod>();
  const condemned: Pod[] = [];
  for (const pod of cluster.store.podsOwnedBy(set.metadata.uid)) {
    const ordinal = ordinalOf(set, pod);
    if (ordinal >= 0 && ordinal < set.spec.replicas) replicas.set(ordinal, pod);
    else condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));

  let blocked = false;
  let refused = false;
  for (let ordinal = 0; ordinal < set.spec.replicas && !blocked; ordinal++) {
    const pod = replicas.get(ordinal);
    if (!pod) {
      const created = createStatefulPod(cluster, set, ordinal);
      if (!created) refused = true;
      blocked = !created || monotonic;
    } else blocked = monotonic && !isHealthy(cluster, pod);
  }
  if (!blocked || !monotonic) {
    const waiting = monotonic && condemned.some((p) => p.metadata.deletionTimestamp);
    const targets = monotonic ? (waiting ? [] : condemned.slice(0, 1)) : condemned;
    for (const pod of targets) if (!pod.metadata.deletionTimestamp) condemn(cluster, set, pod);
  }

  const current = cluster.store.podsOwnedBy(set.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  const ready = current.filter((p) => isHealthy(cluster, p)).length;
  const status = {
    replicas: current.length,
    readyReplicas: ready,
    currentReplicas: current.length,
    availableReplicas: ready,
  };
  if (JSON.stringify(status) !== JSON.stringify(set.status)) {
    set.status = status;
    cluster.save(set);
  }
  return refused;
}
