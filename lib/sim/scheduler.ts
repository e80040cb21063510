import type { Cluster } from "./cluster";
import { involvedObject } from "./events";
import { matchesNodeSelector, untoleratedTaint } from "./node-fit";
import type { NodeObject, Pod } from "./types";

const SCHEDULER = { component: "default-scheduler" };

/** The filters that do not depend on how loaded the node is: TaintToleration, then NodeAffinity. */
const fits = (pod: Pod, node: NodeObject) =>
  !untoleratedTaint(pod.spec.tolerations ?? [], node) && matchesNodeSelector(pod.spec.nodeSelector, node);

/**
 * schedule_one.go FitError.Error: "0/N nodes are available: " then each filter's reason with the
 * number of nodes it rejected, sorted as strings (sortReasonsHistogram), then what preemption
 * found. Each node fails at its first filter, in the default profile's order: NodeUnschedulable,
 * TaintToleration, NodeAffinity (the pod's nodeSelector), NodeResourcesFit. The first three are
 * UnschedulableAndUnresolvable ("Preemption is not helpful for scheduling"); a full node could take
 * the pod if a lower-priority pod were evicted,
 * and the simulator's pods all have the same priority ("No preemption victims found for incoming pod").
 */
function describeUnschedulable(pod: Pod, nodes: NodeObject[], load: Map<string, number>, maxPods: number): string {
  const counts = new Map<string, number>();
  let unresolvable = 0;
  const add = (reason: string) => counts.set(reason, (counts.get(reason) ?? 0) + 1);
  for (const n of nodes) {
    if (n.spec.unschedulable) {
      add("node(s) were unschedulable");
      unresolvable++;
      continue;
    }
    const taint = untoleratedTaint(pod.spec.tolerations ?? [], n);
    if (taint) {
      // tainttoleration.go: "node(s) had untolerated taint {%s: %s}", the taint's key and value.
      add(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`);
      unresolvable++;
    } else if (!matchesNodeSelector(pod.spec.nodeSelector, n)) {
      // nodeaffinity.go ErrReasonPod.
      add("node(s) didn't match Pod's node affinity/selector");
      unresolvable++;
    } else if ((load.get(n.metadata.name) ?? 0) >= maxPods) {
      // noderesources/fit.go fitsRequest: len(nodeInfo.Pods)+1 > allowedPodNumber → "Too many pods".
      add("Too many pods");
    }
  }
  const histogram = (entries: [string, number][]) =>
    entries
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${n} ${reason}`)
      .sort()
      .join(", ");
  const preemption = histogram([
    ["Preemption is not helpful for scheduling", unresolvable],
    ["No preemption victims found for incoming pod", nodes.length - unresolvable],
  ]);
  return `${histogram([...counts])}. preemption: 0/${nodes.length} nodes are available: ${preemption}.`;
}

/** Schedulable nodes ordered by (pod count, position): the least-loaded node on top (the full walk's own heap). */
class WalkHeap {
  private readonly items: { node: NodeObject; load: number; index: number }[] = [];
  push(item: { node: NodeObject; load: number; index: number }) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
  private less(x: { load: number; index: number }, y: { load: number; index: number }) {
    return x.load < y.load || (x.load === y.load && x.index < y.index);
  }
}

/**
 * kube-scheduler, reduced to its visible effect: each pending pod, oldest first, goes to the
 * feasible node (schedulable, taints tolerated, nodeSelector matched, fewer than maxPods pods) running the fewest pods,
 * ties by node order. "indexed" reads the pending pods and the schedulable nodes, ordered by pod
 * count, from the store's indexes (store.schedulable, kept between reconciles); "full" counts the
 * pods on every node and builds that order afresh (the reconcile check compares the two).
 */
export function schedulePending(cluster: Cluster, walk: "indexed" | "full" = "indexed"): void {
  const pending =
    walk === "indexed"
      ? cluster.store.pendingPods()
      : cluster.pods().filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp);
  if (pending.length === 0) return;
  pending.sort(
    (a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  if (walk === "indexed") scheduleFromIndex(cluster, pending);
  else scheduleFromWalk(cluster, pending);
}

/** The pods on each node, from the store's counts (what a failure message reports). */
function storeLoads(cluster: Cluster, nodes: NodeObject[]): Map<string, number> {
  return new Map(nodes.map((n) => [n.metadata.name, cluster.store.podsOnNode(n.metadata.name)]));
}

function scheduleFromIndex(cluster: Cluster, pending: Pod[]): void {
  const maxPods = cluster.options.maxPods;
  const heap = cluster.store.schedulable;
  for (const pod of pending) {
    // The least-loaded node the pod tolerates: if it is full, so is every node after it.
    const chosen = heap.first((node) => fits(pod, node));
    if (!chosen || cluster.store.podsOnNode(chosen.metadata.name) >= maxPods) {
      if (!pod.status.conditions.some((c) => c.type === "PodScheduled")) {
        const nodes = cluster.nodes();
        unschedulable(cluster, pod, nodes, storeLoads(cluster, nodes), maxPods);
      }
      continue;
    }
    // Binding moves the node in the heap (the store counts the pod on it).
    bind(cluster, pod, chosen.metadata.name);
  }
}

function scheduleFromWalk(cluster: Cluster, pending: Pod[]): void {
  const load = new Map<string, number>();
  const nodes = cluster.nodes();
  for (const p of cluster.pods())
    if (p.spec.nodeName && !p.metadata.deletionTimestamp)
      load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  const heap = new WalkHeap();
  nodes.forEach((node, index) => {
    if (!node.spec.unschedulable) heap.push({ node, load: load.get(node.metadata.name) ?? 0, index });
  });
  const maxPods = cluster.options.maxPods;
  for (const pod of pending) {
    const skipped = [];
    let chosen: ReturnType<WalkHeap["pop"]> | undefined = heap.pop();
    while (chosen && !fits(pod, chosen.node)) {
      skipped.push(chosen);
      chosen = heap.pop();
    }
    // The heap yields the least-loaded node first: if it is full, so is every node after it.
    if (chosen && chosen.load >= maxPods) {
      skipped.push(chosen);
      chosen = undefined;
    }
    for (const s of skipped) heap.push(s);
    if (!chosen) {
      if (!pod.status.conditions.some((c) => c.type === "PodScheduled"))
        unschedulable(cluster, pod, nodes, load, maxPods);
      continue;
    }
    chosen.load++;
    load.set(chosen.node.metadata.name, chosen.load);
    heap.push(chosen);
    bind(cluster, pod, chosen.node.metadata.name);
  }
}

function unschedulable(cluster: Cluster, pod: Pod, nodes: NodeObject[], load: Map<string, number>, maxPods: number) {
  pod.status.conditions = [{ type: "PodScheduled", status: "False", lastTransitionTime: cluster.timestamp() }];
  const failure = `0/${nodes.length} nodes are available: ${describeUnschedulable(pod, nodes, load, maxPods)}`;
  cluster.schedulingFailures.set(pod.metadata.uid, failure);
  cluster.events.record(involvedObject(pod), "Warning", "FailedScheduling", failure, SCHEDULER);
  cluster.save(pod);
}

function bind(cluster: Cluster, pod: Pod, node: string) {
  pod.spec.nodeName = node;
  cluster.schedulingFailures.delete(pod.metadata.uid);
  // kube-scheduler's binding cycle: "Successfully assigned %v/%v to %v" (schedule_one.go).
  const assigned = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${pod.spec.nodeName}`;
  cluster.events.record(involvedObject(pod), "Normal", "Scheduled", assigned, SCHEDULER);
  cluster.save(pod);
}
