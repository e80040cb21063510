import type { Cluster } from "./cluster";
import { involvedObject } from "./events";
import { initialFiles, probePasses } from "./pod-runtime";
import { startEnvironment } from "./service-env";
import type { Pod } from "./types";

// The kubelet's events use the reasons of pkg/kubelet/events and the messages of Kubernetes
// v1.31 (kuberuntime_container.go, images/image_manager.go, kubelet_node_status.go).

/** Seconds the modelled containers take to exit after SIGTERM. */
export const SHUTDOWN_SECONDS = 1;

const kubeletOn = (node: string) => ({ component: "kubelet", host: node });

/** The kubelet on every node: report cordons, start scheduled pods, evaluate readiness, finish shutdowns. */
export function runKubelet(cluster: Cluster): void {
  for (const node of cluster.store.list("Node"))
    reportSchedulable(cluster, node.metadata.name, node.spec.unschedulable ?? false);
  for (const pod of cluster.pods()) {
    if (pod.metadata.deletionTimestamp) {
      stopContainers(cluster, pod);
      const gone = Date.parse(pod.metadata.deletionTimestamp) + SHUTDOWN_SECONDS * 1000;
      if (cluster.now() >= gone) removePod(cluster, pod);
      else cluster.wakeAt(gone);
      continue;
    }
    if (!pod.spec.nodeName) continue;
    if (pod.status.phase === "Pending") startPod(cluster, pod);
    updateReadiness(cluster, pod);
  }
}

function startPod(cluster: Cluster, pod: Pod): void {
  const node = cluster.store.get("Node", undefined, pod.spec.nodeName!)!;
  const hostIP = cluster.nodeIP(node);
  const podIP = pod.spec.hostNetwork ? hostIP : cluster.ipam.get(node.metadata.name)!.allocate();
  if (!podIP) return; // the node's pod range is exhausted: the pod stays ContainerCreating
  const now = cluster.timestamp();
  // Service environment variables are fixed when the containers start (kubelet behaviour).
  cluster.runtime.set(pod.metadata.uid, { env: startEnvironment(cluster, pod), files: initialFiles(pod) });
  reportContainerStarts(cluster, pod);
  pod.status = {
    phase: "Running",
    hostIP,
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
    conditions: [
      { type: "Initialized", status: "True", lastTransitionTime: now },
      { type: "Ready", status: "False", lastTransitionTime: now },
      { type: "ContainersReady", status: "False", lastTransitionTime: now },
      { type: "PodScheduled", status: "True", lastTransitionTime: now },
    ],
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      ready: false,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: now } },
    })),
  };
  cluster.save(pod);
}

function updateReadiness(cluster: Cluster, pod: Pod): void {
  if (pod.status.phase !== "Running") return;
  const files = cluster.runtime.get(pod.metadata.uid)?.files ?? new Set<string>();
  let changed = false;
  pod.spec.containers.forEach((c, i) => {
    const ready = probePasses(pod, c, c.readinessProbe, files);
    const status = pod.status.containerStatuses[i];
    if (status && status.ready !== ready) {
      status.ready = ready;
      changed = true;
    }
  });
  const allReady = pod.status.containerStatuses.every((s) => s.ready) ? "True" : "False";
  for (const cond of pod.status.conditions) {
    if ((cond.type === "Ready" || cond.type === "ContainersReady") && cond.status !== allReady) {
      cond.status = allReady;
      cond.lastTransitionTime = cluster.timestamp();
      changed = true;
    }
  }
  if (changed) cluster.save(pod);
}

function removePod(cluster: Cluster, pod: Pod): void {
  if (pod.status.podIP && !pod.spec.hostNetwork && pod.spec.nodeName)
    cluster.ipam.get(pod.spec.nodeName)?.release(pod.status.podIP);
  cluster.runtime.delete(pod.metadata.uid);
  cluster.store.remove(pod);
}

/**
 * Pulled, Created and Started for each container. The simulated nodes have every image cached,
 * so the kubelet reports what it does for a present image under imagePullPolicy IfNotPresent
 * (with Always, the default for untagged and :latest images, a real kubelet reports Pulling and
 * "Successfully pulled image ... in ..." instead).
 */
export function reportContainerStarts(cluster: Cluster, pod: Pod): void {
  const source = kubeletOn(pod.spec.nodeName!);
  for (const c of pod.spec.containers) {
    const container = involvedObject(pod, `spec.containers{${c.name}}`);
    cluster.events.record(
      container,
      "Normal",
      "Pulled",
      `Container image "${c.image}" already present on machine`,
      source,
    );
    cluster.events.record(container, "Normal", "Created", `Created container ${c.name}`, source);
    cluster.events.record(container, "Normal", "Started", `Started container ${c.name}`, source);
  }
}

/** Graceful shutdown begins once: the kubelet reports Killing for each running container. */
function stopContainers(cluster: Cluster, pod: Pod): void {
  const runtime = cluster.runtime.get(pod.metadata.uid);
  if (!runtime || runtime.stopping) return;
  runtime.stopping = true;
  for (const c of pod.spec.containers)
    cluster.events.record(
      involvedObject(pod, `spec.containers{${c.name}}`),
      "Normal",
      "Killing",
      `Stopping container ${c.name}`,
      kubeletOn(pod.spec.nodeName!),
    );
}

/**
 * recordNodeSchedulableEvent: a kubelet notices its Node's spec.unschedulable change (cordon,
 * uncordon, drain) and reports it against a reference whose uid is the node's name.
 */
function reportSchedulable(cluster: Cluster, node: string, unschedulable: boolean): void {
  if ((cluster.kubeletSawUnschedulable.get(node) ?? false) === unschedulable) return;
  cluster.kubeletSawUnschedulable.set(node, unschedulable);
  const status = unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
  cluster.events.record(
    { apiVersion: "", kind: "Node", name: node, uid: node },
    "Normal",
    status,
    `Node ${node} status is now: ${status}`,
    kubeletOn(node),
  );
}
