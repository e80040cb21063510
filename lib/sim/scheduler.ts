import type { Cluster } from "./cluster";
import { involvedObject } from "./events";
import type { NodeObject, Pod } from "./types";

const SCHEDULER = { component: "default-scheduler" };

function tolerates(pod: Pod, node: NodeObject): boolean {
  return (node.spec.taints ?? []).every((taint) =>
    (pod.spec.tolerations ?? []).some(
      (t) => (t.operator === "Exists" && !t.key) || (t.key === taint.key && (!t.effect || t.effect === taint.effect)),
    ),
  );
}

function describeUnschedulable(pod: Pod, nodes: NodeObject[]): string {
  const cordoned = nodes.filter((n) => n.spec.unschedulable).length;
  const tainted = nodes.filter((n) => !n.spec.unschedulable && !tolerates(pod, n)).length;
  const parts = [];
  if (tainted) parts.push(`${tainted} node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }`);
  if (cordoned) parts.push(`${cordoned} node(s) were unschedulable`);
  return `${parts.join(", ")}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
}

/** Schedulable nodes ordered by (pod count, position): the least-loaded node on top. */
class NodeHeap {
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
 * feasible node (schedulable, taints tolerated) running the fewest pods, ties by node order.
 */
export function schedulePending(cluster: Cluster): void {
  const pending = cluster.pods().filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp);
  if (pending.length === 0) return;
  const load = new Map<string, number>();
  for (const p of cluster.pods())
    if (p.spec.nodeName && !p.metadata.deletionTimestamp)
      load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
  const nodes = cluster.nodes();
  const heap = new NodeHeap();
  nodes.forEach((node, index) => {
    if (!node.spec.unschedulable) heap.push({ node, load: load.get(node.metadata.name) ?? 0, index });
  });
  pending.sort(
    (a, b) =>
      a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
  for (const pod of pending) {
    const skipped = [];
    let chosen = heap.pop();
    while (chosen && !tolerates(pod, chosen.node)) {
      skipped.push(chosen);
      chosen = heap.pop();
    }
    for (const s of skipped) heap.push(s);
    if (!chosen) {
      if (!pod.status.conditions.some((c) => c.type === "PodScheduled")) {
        pod.status.conditions = [{ type: "PodScheduled", status: "False", lastTransitionTime: cluster.timestamp() }];
        const failure = `0/${nodes.length} nodes are available: ${describeUnschedulable(pod, nodes)}`;
        cluster.schedulingFailures.set(pod.metadata.uid, failure);
        cluster.events.record(involvedObject(pod), "Warning", "FailedScheduling", failure, SCHEDULER);
        cluster.save(pod);
      }
      continue;
    }
    pod.spec.nodeName = chosen.node.metadata.name;
    chosen.load++;
    heap.push(chosen);
    cluster.schedulingFailures.delete(pod.metadata.uid);
    // kube-scheduler's binding cycle: "Successfully assigned %v/%v to %v" (schedule_one.go).
    const assigned = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${pod.spec.nodeName}`;
    cluster.events.record(involvedObject(pod), "Normal", "Scheduled", assigned, SCHEDULER);
    cluster.save(pod);
  }
}
