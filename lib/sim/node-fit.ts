import type { NodeObject, Toleration } from "./types";

// Whether a pod may go to a node, as kube-scheduler's filters and the DaemonSet controller's
// predicates decide it: taints (TaintToleration) and the pod's nodeSelector (NodeAffinity; the
// affinity field itself is not modelled).

export type Taint = NonNullable<NodeObject["spec"]["taints"]>[number];

/** core/v1 Toleration.ToleratesTaint. */
function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === "Exists") return true;
  if (!t.key) return false; // an empty key is valid only with Exists
  return (t.value ?? "") === (taint.value ?? "");
}

/**
 * The node's first NoSchedule or NoExecute taint that no toleration tolerates (v1helper
 * FindMatchingUntoleratedTaint with the filter both callers pass): PreferNoSchedule only lowers a
 * node's score.
 */
export function untoleratedTaint(tolerations: readonly Toleration[], node: NodeObject): Taint | undefined {
  return (node.spec.taints ?? []).find(
    (taint) =>
      (taint.effect === "NoSchedule" || taint.effect === "NoExecute") &&
      !tolerations.some((t) => toleratesTaint(t, taint)),
  );
}

/** nodeSelector: every key is a label of the node, with exactly that value. */
export function matchesNodeSelector(selector: Readonly<Record<string, string>> | undefined, node: NodeObject): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => node.metadata.labels?.[k] === v);
}
