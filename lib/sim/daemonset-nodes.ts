import { matchesNodeSelector, untoleratedTaint } from "./node-fit";
import type { DaemonSet, NodeObject, Toleration } from "./types";

// Which nodes a DaemonSet runs a pod on (pkg/controller/daemon/daemon_controller.go
// NodeShouldRunDaemonPod and its predicates): the template's nodeSelector must match the node's
// labels (node affinity is not modelled), and every NoSchedule or NoExecute taint of the node must be
// tolerated by the template's tolerations together with those the controller adds to every daemon pod
// (pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations). So a DaemonSet without a toleration
// for node-role.kubernetes.io/control-plane:NoSchedule skips the control-plane node, while a
// cordoned node (node.kubernetes.io/unschedulable) still gets its pod.

/** The tolerations the DaemonSet controller adds to every pod it creates. */
export function daemonPodTolerations(ds: DaemonSet): Toleration[] {
  const added: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
    ...(ds.spec.template.spec.hostNetwork
      ? [{ key: "node.kubernetes.io/network-unavailable", operator: "Exists" as const, effect: "NoSchedule" }]
      : []),
  ];
  const own = ds.spec.template.spec.tolerations ?? [];
  return [...own, ...added.filter((a) => !own.some((t) => t.key === a.key && t.effect === a.effect))];
}

export function shouldRunDaemonPod(ds: DaemonSet, node: NodeObject): boolean {
  return (
    matchesNodeSelector(ds.spec.template.spec.nodeSelector, node) && !untoleratedTaint(daemonPodTolerations(ds), node)
  );
}
