import type { Cluster } from "./cluster";
import { daemonPodTolerations, shouldRunDaemonPod } from "./daemonset-nodes";
import { deploymentConditions } from "./deployment-conditions";
import { reconcileQueuedEndpointSlices } from "./endpointslice-controller";
import { syncMirroredSlices } from "./endpointslice-mirroring";
import { involvedObject } from "./events";
import { syncIngressStatus } from "./ingress-controller";
import { runKubelet, syncNode, syncPod } from "./kubelet";
import { matchesSelector } from "./labels";
import { randomSuffix, templateHash } from "./names";
import { syncNamespace } from "./namespace-controller";
import { routingIndexProblems } from "./network";
import { controllerRef, ownedBy } from "./owner-references";
import { QUOTA_RESOURCES, quotaRefusal, syncQuotaStatus, usage } from "./quota";
import { syncRevision, syncRollout } from "./rolling-update";
import { schedulePending } from "./scheduler";
import { reconcileStatefulSet } from "./statefulset-controller";
import type { DaemonSet, Deployment, ObjectMeta, Pod, PodTemplate, ReplicaSet } from "./types";
import { WorkQueues } from "./work-queues";

/**
 * Runs the control loops until nothing changes: deployments → replica sets → pods, daemon sets,
 * stateful sets, the scheduler, the kubelet (start, readiness, shutdown), the namespace controller, then EndpointSlices. The controllers act
 * at once in simulated time; what takes time (image pulls, probe periods, grace periods) is the kubelet's, which
 * acts on each step of the clock (kubelet.ts).
 *
 * Each controller works its queue of changed keys (work-queues.ts) in the order a walk over every object
 * would take them, so both find the same work in the same order: the same pod names, addresses and
 * events. A cluster nothing is known of yet (and every reconcile in "full" mode) starts with every key
 * enqueued, as an informer's initial list enqueues every object. The reconcile check then enqueues
 * everything once more, walks it, and throws if that finds anything the queues missed.
 * Returns false if 20 rounds did not settle (what is left stays queued for the next reconcile).
 */
export function reconcile(cluster: Cluster): boolean {
  const q = cluster.queues;
  if (cluster.reconcileMode === "full" || q.all) q.enqueueAll(cluster.store);
  // "full" mode walks instead of reading the store's indexes too (the scheduler's node order, the
  // Deployments' ReplicaSets, the EndpointSlice controller's pods), so that comparing it with "check"
  // (incremental-reconcile.test.ts) compares the indexes' choices with the walk's.
  const walk = cluster.reconcileMode === "full" ? "full" : "indexed";
  let settled = false;
  for (let round = 0; round < 20 && !settled; round++) {
    const before = cluster.store.version;
    // The kubelet's due timers, from their heap (timers.ts), not a scan of every timer.
    for (const key of cluster.timers.dueAt(cluster.now())) {
      if (key === "*") q.allKubeletPods = true;
      else q.kubeletPods.add(key);
    }
    for (const key of q.retry.ReplicaSet) q.replicaSets.add(key);
    for (const key of q.retry.DaemonSet) q.daemonSets.add(key);
    for (const key of q.retry.StatefulSet) q.statefulSets.add(key);
    for (const [name, ms] of cluster.namespaceRequeues) if (ms <= cluster.now()) q.namespaces.add(`/${name}`);
    syncQueued(cluster, walk);
    settled = cluster.store.version === before;
  }
  syncMirroredSlices(cluster, WorkQueues.take(q.mirrored));
  reconcileQueuedEndpointSlices(cluster, walk);
  syncStatusQueues(cluster);
  if (cluster.reconcileMode === "check") checkAgainstFullWalk(cluster);
  return settled;
}

/** The Ingress and quota status syncs, of what their queues hold. */
function syncStatusQueues(cluster: Cluster): void {
  const q = cluster.queues;
  if (q.allIngresses) {
    q.allIngresses = false;
    q.ingresses.clear();
    syncIngressStatus(cluster, "all");
  } else if (q.ingresses.size > 0) syncIngressStatus(cluster, WorkQueues.take(q.ingresses));
  if (q.quotaNamespaces.size > 0) syncQuotaStatus(cluster, WorkQueues.take(q.quotaNamespaces));
}

type Retry = keyof WorkQueues["retry"];

/** Files a sync that could not do everything for another try in each round (WorkQueues.retry). */
function noteRetry(cluster: Cluster, kind: Retry, object: { metadata: ObjectMeta }, retry: boolean): void {
  const key = `${object.metadata.namespace}/${object.metadata.name}`;
  if (retry) cluster.queues.retry[kind].add(key);
  else cluster.queues.retry[kind].delete(key);
}

/**
 * One round: each controller syncs the keys in its queue, in list order. `walk` is how the scheduler
 * finds pending pods and node loads, and the Deployment controller its ReplicaSets: from the store's
 * indexes, or (the reconcile check) by counting every pod and listing the namespace, which checks the
 * indexes too.
 */
function syncQueued(cluster: Cluster, walk: "indexed" | "full"): void {
  const q = cluster.queues;
  const store = cluster.store;
  if (q.allDaemonSets) {
    q.allDaemonSets = false;
    for (const ds of store.list("DaemonSet")) q.daemonSets.add(`${ds.metadata.namespace}/${ds.metadata.name}`);
  }
  for (const d of store.inListOrder("Deployment", WorkQueues.take(q.deployments)))
    reconcileDeployment(cluster, d, walk);
  for (const rs of store.inListOrder("ReplicaSet", WorkQueues.take(q.replicaSets)))
    noteRetry(cluster, "ReplicaSet", rs, reconcileReplicaSet(cluster, rs));
  for (const ds of store.inListOrder("DaemonSet", WorkQueues.take(q.daemonSets)))
    noteRetry(cluster, "DaemonSet", ds, reconcileDaemonSet(cluster, ds));
  for (const set of store.inListOrder("StatefulSet", WorkQueues.take(q.statefulSets)))
    noteRetry(cluster, "StatefulSet", set, reconcileStatefulSet(cluster, set));
  schedulePending(cluster, walk);
  if (q.allKubeletPods) {
    q.allKubeletPods = false;
    q.kubeletNodes.clear();
    q.kubeletPods.clear();
    runKubelet(cluster);
  } else {
    for (const node of store.inListOrder("Node", WorkQueues.take(q.kubeletNodes))) syncNode(cluster, node);
    for (const pod of store.inListOrder("Pod", WorkQueues.take(q.kubeletPods))) syncPod(cluster, pod);
  }
  // After the kubelets, so that a clock step past both a pod's end and the controller's requeue finds the
  // pod gone, as it would have been at that requeue.
  for (const ns of store.inListOrder("Namespace", WorkQueues.take(q.namespaces))) syncNamespace(cluster, ns);
}

/**
 * The reconcile check: after the queued sync, one round with every key enqueued must find nothing to
 * do (no write, no event, no random draw, the same timers), with the scheduler and the EndpointSlice
 * controller walking every pod rather than the store's indexes, and kube-proxy's routing indexes must
 * agree with a walk over every Service, pod and node; the Ingress and quota status syncs walk every
 * Ingress and quota. Syncs that are retried in every round anyway are left out.
 */
function checkAgainstFullWalk(cluster: Cluster): void {
  const store = cluster.store;
  const q = cluster.queues;
  const timers = () => JSON.stringify([...cluster.timers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const before = { events: cluster.events.writes, rng: cluster.rng.save(), timers: timers() };
  const found: string[] = [];
  const handler = store.onChange;
  store.onChange = (object, removed) => {
    found.push(
      `${object.kind} ${object.metadata.namespace ?? ""}/${object.metadata.name}${removed ? " (removed)" : ""}`,
    );
    handler?.(object, removed);
  };
  try {
    q.enqueueAll(store);
    for (const key of q.retry.ReplicaSet) q.replicaSets.delete(key);
    for (const key of q.retry.DaemonSet) q.daemonSets.delete(key);
    for (const key of q.retry.StatefulSet) q.statefulSets.delete(key);
    syncQueued(cluster, "full");
    syncMirroredSlices(cluster, WorkQueues.take(q.mirrored));
    reconcileQueuedEndpointSlices(cluster, "full");
    syncIngressStatus(cluster, "all");
    syncQuotaStatus(cluster, "all");
    q.ingresses.clear();
    q.allIngresses = false;
    q.quotaNamespaces.clear();
  } finally {
    store.onChange = handler;
  }
  const problems = [
    ...found,
    ...routingIndexProblems(cluster).map((p) => `routing index: ${p}`),
    ...quotaCountProblems(cluster),
  ];
  if (cluster.events.writes !== before.events) problems.push(`${cluster.events.writes - before.events} event(s)`);
  if (cluster.rng.save() !== before.rng) problems.push("random draws");
  if (timers() !== before.timers) problems.push(`timers ${before.timers} became ${timers()}`);
  if (problems.length > 0)
    throw new Error(`the queued reconcile missed work that a full walk found: ${problems.join(", ")}`);
}

/** Where the store's quota counts disagree with a count over the namespace's pods and Services. */
function quotaCountProblems(cluster: Cluster): string[] {
  const problems: string[] = [];
  for (const ns of cluster.store.list("Namespace"))
    for (const resource of QUOTA_RESOURCES) {
      const name = ns.metadata.name;
      const counted = usage(cluster, name, resource);
      const walked = usage(cluster, name, resource, true);
      if (counted !== walked) problems.push(`quota count ${name} ${resource}: ${counted}, walked ${walked}`);
    }
  return problems;
}

/**
 * The deployment controller's ScalingReplicaSet event (sync.go scaleReplicaSet, getNewReplicaSet):
 * "Scaled up replica set web-7d4b9c8f5 from 0 to 3", the from/to order of Kubernetes v1.31.
 */
function reportScaling(cluster: Cluster, d: Deployment, rs: ReplicaSet, from: number, to: number): void {
  const message = `Scaled ${to > from ? "up" : "down"} replica set ${rs.metadata.name} from ${from} to ${to}`;
  cluster.events.record(involvedObject(d), "Normal", "ScalingReplicaSet", message, {
    component: "deployment-controller",
  });
}

/** controller_utils.go RealPodControl: "Created pod: NAME" and "Deleted pod: NAME" against the controller. */
function reportPod(cluster: Cluster, owner: ReplicaSet | DaemonSet, verb: "Create" | "Delete", pod: Pod): void {
  cluster.events.record(involvedObject(owner), "Normal", `Successful${verb}`, `${verb}d pod: ${pod.metadata.name}`, {
    component: owner.kind === "ReplicaSet" ? "replicaset-controller" : "daemonset-controller",
  });
}

function reconcileDeployment(cluster: Cluster, d: Deployment, walk: "indexed" | "full"): void {
  const hash = templateHash(d.spec.template);
  const name = `${d.metadata.name}-${hash}`;
  // Its ReplicaSets from the store's owner index; the reconcile check lists the namespace's instead.
  const owned =
    walk === "indexed"
      ? cluster.store.replicaSetsOwnedBy(d.metadata.namespace!, d.metadata.uid)
      : cluster.store.list("ReplicaSet", d.metadata.namespace).filter((rs) => ownedBy(rs.metadata, d));
  let current = owned.find((rs) => rs.metadata.name === name);
  if (!current) {
    const labels = { ...d.spec.template.metadata.labels, "pod-template-hash": hash };
    current = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: cluster.meta(name, d.metadata.namespace, { labels, ownerReferences: controllerRef(d) }),
      spec: {
        replicas: 0,
        selector: { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": hash } },
        // A copy: later edits of the Deployment's template must not reach this revision's.
        template: structuredClone({ metadata: { ...d.spec.template.metadata, labels }, spec: d.spec.template.spec }),
      },
      status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
    };
    cluster.save(current);
  }
  const newRS = current;
  const old = owned.filter((rs) => rs !== newRS);
  syncRevision(cluster, d, newRS, old);
  syncRollout(cluster, d, newRS, old, (rs, to) => {
    reportScaling(cluster, d, rs, rs.spec.replicas, to);
    rs.spec.replicas = to;
    cluster.save(rs);
  });
  const all = [current, ...owned.filter((rs) => rs !== current)];
  const counts = {
    replicas: all.reduce((n, rs) => n + rs.status.replicas, 0),
    readyReplicas: all.reduce((n, rs) => n + rs.status.readyReplicas, 0),
    updatedReplicas: current.status.replicas,
    availableReplicas: all.reduce((n, rs) => n + rs.status.availableReplicas, 0),
  };
  const status = { ...counts, conditions: deploymentConditions(cluster, d, current, counts) };
  if (JSON.stringify(status) !== JSON.stringify(d.status)) {
    d.status = status;
    cluster.save(d);
  }
}

/** Which pod a ReplicaSet removes first when scaling down: unscheduled, not ready, then newest. */
function deletionRank(cluster: Cluster, pod: Pod): number[] {
  return [pod.spec.nodeName ? 1 : 0, cluster.isPodReady(pod) ? 1 : 0, -Date.parse(pod.metadata.creationTimestamp)];
}

/** Returns whether the sync must be tried again (a create was refused). */
function reconcileReplicaSet(cluster: Cluster, rs: ReplicaSet): boolean {
  // A pod relabelled out of the selector is released, and the ReplicaSet replaces it.
  for (const pod of cluster.store.podsOwnedBy(rs.metadata.uid)) {
    if (!matchesSelector(pod.metadata.labels, rs.spec.selector)) cluster.store.orphan(pod, rs.metadata.uid);
  }
  const active = cluster.store.podsOwnedBy(rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  let refused = false;
  if (active.length < rs.spec.replicas) {
    const missing = rs.spec.replicas - active.length;
    refused = slowStartBatch(missing, () => createControlledPod(cluster, rs, rs.spec.template)) < missing;
  } else if (active.length > rs.spec.replicas) {
    const ranked = [...active].sort((a, b) => {
      const ra = deletionRank(cluster, a);
      const rb = deletionRank(cluster, b);
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
    for (const pod of ranked.slice(0, active.length - rs.spec.replicas)) {
      cluster.markForDeletion(pod);
      reportPod(cluster, rs, "Delete", pod);
    }
  }
  const current = cluster.store.podsOwnedBy(rs.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  const ready = current.filter((p) => cluster.isPodReady(p)).length;
  const status = { replicas: current.length, readyReplicas: ready, availableReplicas: ready };
  if (JSON.stringify(status) !== JSON.stringify(rs.status)) {
    rs.status = status;
    cluster.save(rs);
  }
  return refused;
}

/**
 * replica_set.go slowStartBatch: creations go in batches of 1, 2, 4, ... (SlowStartInitialBatchSize
 * is 1); the first batch with a failure ends the sync, so a ReplicaSet whose pods are refused (by a
 * ResourceQuota, say) makes a handful of attempts per sync, not one per missing replica. Upstream
 * runs a batch's creations concurrently, so every creation in the failing batch is attempted.
 * Returns how many succeeded.
 */
export function slowStartBatch(count: number, create: () => boolean): number {
  let successes = 0;
  let remaining = count;
  for (let size = Math.min(remaining, 1); size > 0; size = Math.min(2 * size, remaining)) {
    let failed = false;
    for (let i = 0; i < size; i++) {
      if (create()) successes++;
      else failed = true;
    }
    if (failed) break;
    remaining -= size;
  }
  return successes;
}

/**
 * controller_utils.go RealPodControl.CreatePods: the API server admits the pod (its name is still
 * the generateName prefix then), or refuses it and the controller records FailedCreate
 * ("Error creating: %v") against itself. Returns whether the pod was created.
 */
function createControlledPod(cluster: Cluster, owner: ReplicaSet | DaemonSet, template: PodTemplate): boolean {
  const namespace = owner.metadata.namespace!;
  const refusal = quotaRefusal(cluster, namespace, "pods", `${owner.metadata.name}-`);
  if (refusal) {
    cluster.events.record(involvedObject(owner), "Warning", "FailedCreate", `Error creating: ${refusal}`, {
      component: owner.kind === "ReplicaSet" ? "replicaset-controller" : "daemonset-controller",
    });
    return false;
  }
  const pod = cluster.createPodObject(
    namespace,
    `${owner.metadata.name}-${randomSuffix(cluster.rng)}`,
    template,
    controllerRef(owner),
  );
  reportPod(cluster, owner, "Create", pod);
  return true;
}

/** Returns whether the sync must be tried again (a create was refused). */
function reconcileDaemonSet(cluster: Cluster, ds: DaemonSet): boolean {
  const pods = cluster.store.podsOwnedBy(ds.metadata.uid).filter((p) => !p.metadata.deletionTimestamp);
  const nodes = cluster.nodes().filter((node) => shouldRunDaemonPod(ds, node));
  let refused = false;
  for (const node of nodes) {
    if (pods.some((p) => p.spec.nodeName === node.metadata.name)) continue;
    const spec = { ...ds.spec.template.spec, nodeName: node.metadata.name, tolerations: daemonPodTolerations(ds) };
    const template = { ...ds.spec.template, spec };
    if (!createControlledPod(cluster, ds, template)) refused = true;
  }
  const ready = cluster.store.podsOwnedBy(ds.metadata.uid).filter((p) => cluster.isPodReady(p)).length;
  if (ds.status.desiredNumberScheduled !== nodes.length || ds.status.numberReady !== ready) {
    ds.status = { desiredNumberScheduled: nodes.length, numberReady: ready };
    cluster.save(ds);
  }
  return refused;
}
