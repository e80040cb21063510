import type { Cluster } from "./cluster";
import { SHUTDOWN_SECONDS } from "./cluster";
import { initialFiles, probePasses } from "./pod-runtime";
import { startEnvironment } from "./service-env";
import type { Pod } from "./types";

/** The kubelet on every node: start scheduled pods, evaluate readiness, finish shutdowns. */
export function runKubelet(cluster: Cluster): void {
  for (const pod of cluster.pods()) {
    if (pod.metadata.deletionTimestamp) {
      if (cluster.now() >= Date.parse(pod.metadata.deletionTimestamp) + SHUTDOWN_SECONDS * 1000)
        removePod(cluster, pod);
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
