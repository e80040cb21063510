import type { Cluster } from "./cluster";
import { involvedObject } from "./events";
import {
  alreadyPresentMessage,
  backOffMessage,
  failedPullMilliseconds,
  failingPullPhaseAt,
  neverPullMessage,
  pulledMessage,
  pullMilliseconds,
  pullPolicyOf,
} from "./image-pull";
import { initialFiles, probePasses } from "./pod-runtime";
import { type ProberState, runDueProbes, startProber } from "./readiness-prober";
import { pullError } from "./registry";
import { startEnvironment } from "./service-env";
import { gracePeriodOf, REMOVAL_SECONDS, secondsToStop } from "./termination";
import type { Container, NodeObject, Pod } from "./types";

// The kubelet's events use the reasons of pkg/kubelet/events and the messages of Kubernetes
// v1.31 (kuberuntime_container.go, images/image_manager.go, kubelet_node_status.go).
//
// A pod's life on its node, on the simulated clock:
//  1. the kubelet sees the pod bound to its node: the sandbox gets the pod's IP, and the pod is
//     Pending with each container waiting in ContainerCreating;
//  2. containers start one after another in spec order, each after its image is there
//     (image-pull.ts: at once when present, a second or two under imagePullPolicy Always); once every
//     container runs the pod is Running; an image the registry does not have (registry.ts) never
//     arrives: the container stays Waiting in ErrImagePull, then ImagePullBackOff, pulled again as the
//     kubelet's back-off allows (image-pull.ts), and the pod stays Pending;
//  3. readiness probes run on the prober's schedule (readiness-prober.ts);
//  4. a deletion gives each running container its shutdown (termination.ts); the pod object goes
//     REMOVAL_SECONDS after the last container is gone.

/** The kubelet's record of one pod it runs, by pod uid (Cluster.podLifecycles). */
export interface PodLifecycle {
  /** When each container starts (ms), in spec order, and whether that was reported yet. */
  starts: ContainerStart[];
  probers: (ProberState | null)[];
  /** Set once the kubelet has begun stopping the pod: when each container's process is gone. */
  shutdown?: { grace: number; exits: { atMs: number; killed: boolean }[]; removeAtMs: number };
}

interface ContainerStart {
  /** The image this plan is for: a new image in the spec (set image) makes a new plan. */
  image: string;
  pullFromMs: number | null;
  startMs: number;
  pullReported: boolean;
  started: boolean;
  /** An image that cannot be pulled: the runtime's error (null under Never) and how many phases were reported. */
  failure?: { error: string | null; phases: number };
}

/** The plan for one container whose turn to start comes at `t`; the plan ends at its `startMs`. */
function planStart(c: Container, t: number): ContainerStart {
  const error = pullError(c.image);
  const policy = pullPolicyOf(c);
  if (error !== null) {
    // Not in the registry, so not on the node either: even IfNotPresent pulls; Never cannot.
    const never = policy === "Never";
    return {
      image: c.image,
      pullFromMs: never ? null : t,
      startMs: never ? t : t + failedPullMilliseconds(c.image),
      pullReported: false,
      started: false,
      failure: { error: never ? null : error, phases: 0 },
    };
  }
  const pullFromMs = policy === "Always" ? t : null;
  const startMs = pullFromMs === null ? t : t + pullMilliseconds(c.image);
  return { image: c.image, pullFromMs, startMs, pullReported: false, started: false };
}

const kubeletOn = (node: string) => ({ component: "kubelet", host: node });

/** The kubelet on every node: report cordons, start scheduled pods, probe readiness, finish shutdowns. */
export function runKubelet(cluster: Cluster): void {
  for (const node of cluster.store.list("Node")) syncNode(cluster, node);
  cluster.timers.clear();
  for (const pod of cluster.pods()) syncPod(cluster, pod);
}

/** What the kubelet reports of its own Node: a cordon or uncordon. */
export function syncNode(cluster: Cluster, node: NodeObject): void {
  reportSchedulable(cluster, node.metadata.name, node.spec.unschedulable ?? false);
}

/**
 * The kubelet's sync of one pod (the pod workers of pkg/kubelet/pod_workers.go): whatever the pod's
 * state and the clock call for. The times it must look again at are kept by pod (Cluster.timers).
 */
export function syncPod(cluster: Cluster, pod: Pod): void {
  if (!pod.spec.nodeName) return;
  cluster.timerOwner = `${pod.metadata.namespace}/${pod.metadata.name}`;
  cluster.timers.delete(cluster.timerOwner);
  try {
    let life = cluster.podLifecycles.get(pod.metadata.uid);
    if (!life && pod.metadata.deletionTimestamp) {
      removePod(cluster, pod); // nothing of it runs on the node yet
      return;
    }
    life ??= createSandbox(cluster, pod) ?? undefined;
    if (!life) return;
    if (pod.status.phase === "Pending") startContainers(cluster, pod, life);
    if (pod.metadata.deletionTimestamp) {
      if (stopContainers(cluster, pod, life)) return;
    }
    updateReadiness(cluster, pod, life);
  } finally {
    cluster.timerOwner = null;
  }
}

/** RunPodSandbox: the pod gets its address; its containers wait in ContainerCreating. */
function createSandbox(cluster: Cluster, pod: Pod): PodLifecycle | null {
  if (pod.status.phase !== "Pending") return null;
  const node = cluster.store.get("Node", undefined, pod.spec.nodeName!)!;
  const hostIP = cluster.nodeIP(node);
  const podIP = pod.spec.hostNetwork ? hostIP : cluster.ipam.get(node.metadata.name)!.allocate();
  if (!podIP) return null; // the node's pod range is exhausted: the pod stays ContainerCreating
  const nowMs = cluster.now();
  const now = cluster.timestamp();
  let t = nowMs;
  const starts = pod.spec.containers.map((c) => {
    const plan = planStart(c, t);
    t = plan.startMs;
    return plan;
  });
  const life: PodLifecycle = { starts, probers: pod.spec.containers.map(() => null) };
  cluster.podLifecycles.set(pod.metadata.uid, life);
  pod.status = {
    phase: "Pending",
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
      started: false,
      state: { waiting: { reason: "ContainerCreating" } },
    })),
  };
  cluster.save(pod);
  return life;
}

/** Pulls and starts whatever containers are due by now; the pod is Running once all of them run. */
function startContainers(cluster: Cluster, pod: Pod, life: PodLifecycle): void {
  const source = kubeletOn(pod.spec.nodeName!);
  const nowMs = cluster.now();
  let changed = false;
  pod.spec.containers.forEach((c, i) => {
    // The image changed before the container ran (set image on a pod stuck pulling): a new plan, with
    // its own back-off (the key is pod UID and image).
    if (life.starts[i].image !== c.image && !life.starts[i].started) life.starts[i] = planStart(c, nowMs);
    const step = life.starts[i];
    const container = involvedObject(pod, `spec.containers{${c.name}}`);
    if (step.failure) {
      if (reportFailingPull(cluster, pod, i, step)) changed = true;
      return;
    }
    if (step.pullFromMs !== null && !step.pullReported) {
      if (step.pullFromMs <= nowMs) {
        step.pullReported = true;
        cluster.events.record(container, "Normal", "Pulling", `Pulling image "${c.image}"`, source);
      } else cluster.wakeAt(step.pullFromMs);
    }
    if (step.started) return;
    if (step.startMs > nowMs) {
      cluster.wakeAt(step.startMs);
      return;
    }
    step.started = true;
    changed = true;
    const message =
      step.pullFromMs === null
        ? alreadyPresentMessage(c.image)
        : pulledMessage(c.image, step.startMs - step.pullFromMs);
    reportStart(cluster, pod, c, message);
    const status = pod.status.containerStatuses[i];
    status.image = c.image;
    status.started = true;
    status.state = { running: { startedAt: cluster.timestamp(step.startMs) } };
    // No readiness probe: ready as soon as it runs (prober_manager.go: "no readinessProbe -> always ready").
    status.ready = !c.readinessProbe;
    life.probers[i] = c.readinessProbe ? startProber(c.readinessProbe, step.startMs) : null;
  });
  if (!changed) return;
  if (life.starts.every((s) => s.started)) {
    pod.status.phase = "Running";
    // Service environment variables are fixed when the containers start (kubelet behaviour).
    cluster.runtime.set(pod.metadata.uid, { env: startEnvironment(cluster, pod), files: initialFiles(pod) });
    cluster.containersStarted.push(pod.metadata.uid);
  }
  cluster.save(pod);
}

/**
 * The phases of a pull that cannot succeed that are due by now (failingPullPhaseAt), with the
 * kubelet's events (image_manager.go EnsureImageExists, kuberuntime_container.go startContainer's
 * "Error: %v" Failed event) and the container's waiting reason and message. Returns whether the
 * status changed.
 */
function reportFailingPull(cluster: Cluster, pod: Pod, i: number, step: ContainerStart): boolean {
  const failure = step.failure!;
  const c = pod.spec.containers[i];
  const status = pod.status.containerStatuses[i];
  const source = kubeletOn(pod.spec.nodeName!);
  const container = involvedObject(pod, `spec.containers{${c.name}}`);
  if (failure.error === null) {
    // imagePullPolicy Never: the kubelet may not pull; every sync says the same.
    if (failure.phases > 0) return false;
    failure.phases = 1;
    const message = neverPullMessage(c.image);
    cluster.events.record(container, "Warning", "ErrImageNeverPull", message, source);
    cluster.events.record(container, "Warning", "Failed", "Error: ErrImageNeverPull", source);
    status.image = c.image;
    status.state = { waiting: { reason: "ErrImageNeverPull", message } };
    return true;
  }
  const from = step.pullFromMs!;
  let changed = false;
  let at = failingPullPhaseAt(c.image, from, failure.phases);
  while (at <= cluster.now()) {
    const phase = failure.phases % 3;
    if (phase === 0) cluster.events.record(container, "Normal", "Pulling", `Pulling image "${c.image}"`, source);
    else if (phase === 1) {
      cluster.events.record(
        container,
        "Warning",
        "Failed",
        `Failed to pull image "${c.image}": ${failure.error}`,
        source,
      );
      cluster.events.record(container, "Warning", "Failed", "Error: ErrImagePull", source);
      status.state = { waiting: { reason: "ErrImagePull", message: failure.error } };
      changed = true;
    } else {
      cluster.events.record(container, "Normal", "BackOff", backOffMessage(c.image), source);
      cluster.events.record(container, "Warning", "Failed", "Error: ImagePullBackOff", source);
      status.state = { waiting: { reason: "ImagePullBackOff", message: backOffMessage(c.image) } };
      changed = true;
    }
    status.image = c.image;
    failure.phases++;
    at = failingPullPhaseAt(c.image, from, failure.phases);
  }
  cluster.wakeAt(at);
  return changed;
}

function updateReadiness(cluster: Cluster, pod: Pod, life: PodLifecycle): void {
  if (pod.status.phase !== "Running") return;
  const files = cluster.runtime.get(pod.metadata.uid)?.files ?? new Set<string>();
  let changed = false;
  let changedAt = cluster.now();
  pod.spec.containers.forEach((c, i) => {
    const status = pod.status.containerStatuses[i];
    const prober = life.probers[i];
    if (!status?.state.running || !prober || !c.readinessProbe) return;
    const at = runDueProbes(prober, c.readinessProbe, cluster.now(), probePasses(pod, c, c.readinessProbe, files));
    if (at !== null) changedAt = at;
    // The next probe may change readiness, so the cluster must look again then (Cluster.reconcile).
    cluster.wakeAt(prober.nextMs);
    if (status.ready !== prober.ready) {
      status.ready = prober.ready;
      changed = true;
    }
  });
  if (setReadyConditions(cluster, pod, changedAt)) changed = true;
  if (changed) cluster.save(pod);
}

/** Ready and ContainersReady follow the containers: True when every one is ready. */
function setReadyConditions(cluster: Cluster, pod: Pod, atMs: number): boolean {
  const allReady = pod.status.containerStatuses.every((s) => s.ready) ? "True" : "False";
  let changed = false;
  for (const cond of pod.status.conditions) {
    if ((cond.type === "Ready" || cond.type === "ContainersReady") && cond.status !== allReady) {
      cond.status = allReady;
      cond.lastTransitionTime = cluster.timestamp(atMs);
      changed = true;
    }
  }
  return changed;
}

/**
 * Graceful shutdown: begun once (Killing for each running container), shortened when a later
 * delete asks for a shorter grace period, and finished when every container is gone. Returns
 * whether the pod object is gone.
 */
function stopContainers(cluster: Cluster, pod: Pod, life: PodLifecycle): boolean {
  const grace = gracePeriodOf(pod);
  const nowMs = cluster.now();
  if (!life.shutdown || grace < life.shutdown.grace) {
    const first = !life.shutdown;
    const exits = pod.spec.containers.map((c, i) => {
      const running = pod.status.containerStatuses[i]?.state.running !== undefined;
      const { seconds, killed } = running ? secondsToStop(c, grace) : { seconds: 0, killed: false };
      const planned = { atMs: nowMs + seconds * 1000, killed };
      const earlier = life.shutdown?.exits[i];
      return earlier && earlier.atMs <= planned.atMs ? earlier : planned;
    });
    const lastExit = Math.max(nowMs, ...exits.map((e) => e.atMs));
    life.shutdown = { grace, exits, removeAtMs: lastExit + REMOVAL_SECONDS * 1000 };
    if (first) reportKilling(cluster, pod);
  }
  let changed = false;
  pod.spec.containers.forEach((_, i) => {
    const status = pod.status.containerStatuses[i];
    const exit = life.shutdown!.exits[i];
    if (!status?.state.running) return;
    if (exit.atMs > nowMs) {
      cluster.wakeAt(exit.atMs);
      return;
    }
    const finishedAt = cluster.timestamp(exit.atMs);
    status.state = {
      terminated: {
        // SIGKILL is exit code 137 (128 + 9), which the runtime reports as Error.
        exitCode: exit.killed ? 137 : 0,
        reason: exit.killed ? "Error" : "Completed",
        startedAt: status.state.running.startedAt,
        finishedAt,
      },
    };
    status.ready = false;
    status.started = false;
    setReadyConditions(cluster, pod, exit.atMs);
    changed = true;
  });
  if (nowMs >= life.shutdown.removeAtMs) {
    removePod(cluster, pod);
    return true;
  }
  cluster.wakeAt(life.shutdown.removeAtMs);
  if (changed) cluster.save(pod);
  return false;
}

/** The API object goes: the pod's address returns to its node's range. */
export function removePod(cluster: Cluster, pod: Pod): void {
  if (pod.status.podIP && !pod.spec.hostNetwork && pod.spec.nodeName && cluster.podLifecycles.has(pod.metadata.uid))
    cluster.ipam.get(pod.spec.nodeName)?.release(pod.status.podIP);
  cluster.runtime.delete(pod.metadata.uid);
  cluster.podLifecycles.delete(pod.metadata.uid);
  cluster.timers.delete(`${pod.metadata.namespace}/${pod.metadata.name}`);
  cluster.store.remove(pod);
}

function reportStart(cluster: Cluster, pod: Pod, c: Container, pulled: string): void {
  const source = kubeletOn(pod.spec.nodeName!);
  const container = involvedObject(pod, `spec.containers{${c.name}}`);
  cluster.events.record(container, "Normal", "Pulled", pulled, source);
  cluster.events.record(container, "Normal", "Created", `Created container ${c.name}`, source);
  cluster.events.record(container, "Normal", "Started", `Started container ${c.name}`, source);
}

/**
 * Pulled, Created and Started for each container of a pod whose containers start again (a
 * restart). The image is on the node by then; under Always the kubelet still asks the registry,
 * and the model lets that take no time here.
 */
export function reportContainerStarts(cluster: Cluster, pod: Pod): void {
  for (const c of pod.spec.containers) {
    const always = pullPolicyOf(c) === "Always";
    if (always)
      cluster.events.record(
        involvedObject(pod, `spec.containers{${c.name}}`),
        "Normal",
        "Pulling",
        `Pulling image "${c.image}"`,
        kubeletOn(pod.spec.nodeName!),
      );
    reportStart(
      cluster,
      pod,
      c,
      always ? pulledMessage(c.image, pullMilliseconds(c.image)) : alreadyPresentMessage(c.image),
    );
  }
}

/** Graceful shutdown begins: the kubelet reports Killing for each running container. */
function reportKilling(cluster: Cluster, pod: Pod): void {
  pod.spec.containers.forEach((c, i) => {
    if (!pod.status.containerStatuses[i]?.state.running) return;
    cluster.events.record(
      involvedObject(pod, `spec.containers{${c.name}}`),
      "Normal",
      "Killing",
      `Stopping container ${c.name}`,
      kubeletOn(pod.spec.nodeName!),
    );
  });
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
