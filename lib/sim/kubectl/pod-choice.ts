import type { Cluster } from "../cluster";
import { matchesSelector } from "../labels";
import type { LabelSelector, Labels, Pod } from "../types";
import type { Listable } from "./resources";

// Which pod kubectl uses when a command names a workload or a Service instead of a pod
// (kubectl pkg/polymorphichelpers: SelectorsForObject, then GetFirstPod with an ordering).

/**
 * polymorphichelpers SelectorsForObject: the selector of a workload or a Service, or the reason
 * kubectl gives when there is none (the caller prefixes what it was trying to do).
 */
export function selectorOf(object: Listable): { selector: LabelSelector | Labels } | { reason: string } {
  switch (object.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "StatefulSet":
      return { selector: object.spec.selector };
    case "Service":
      return object.spec.selector && Object.keys(object.spec.selector).length > 0
        ? { selector: object.spec.selector }
        : { reason: `invalid service '${object.metadata.name}': Service is defined without a selector` };
    default:
      return { reason: `selector for *v1.${object.kind} not implemented` };
  }
}

const readyTime = (pod: Pod) =>
  pod.status.conditions.find((c) => c.type === "Ready" && c.status === "True")?.lastTransitionTime;
const restarts = (pod: Pod) => Math.max(0, ...pod.status.containerStatuses.map((s) => s.restartCount));
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/**
 * Scheduled first, Running before Pending, ready first, ready for longer first, then by restarts
 * (most first for logs, fewest first otherwise), then older first. Upstream's sorts are not stable;
 * ties here go by name so the choice is fixed.
 */
function ordering(moreRestartsFirst: boolean) {
  return (a: Pod, b: Pod): number => {
    const key = (p: Pod) => [
      p.spec.nodeName ? 0 : 1,
      PHASE_RANK[p.status.phase] ?? 3,
      readyTime(p) ? 0 : 1,
      readyTime(p) ?? "",
      moreRestartsFirst ? -restarts(p) : restarts(p),
      p.metadata.creationTimestamp,
    ];
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return a.metadata.name.localeCompare(b.metadata.name);
  };
}

/** kubectl logs TYPE/NAME (logsforobject.go): kubectl util/podutils ByLogging. */
export const byLogging = ordering(true);
/** port-forward and attach (attachablePodForObject): sort.Reverse(podutils.ActivePods). */
export const byActivity = ordering(false);

/** The pods of `namespace` a selector selects, in the given order. */
export const podsSelected = (
  cluster: Cluster,
  namespace: string,
  selector: LabelSelector | Labels,
  order: (a: Pod, b: Pod) => number,
) =>
  cluster
    .pods(namespace)
    .filter((p) => matchesSelector(p.metadata.labels, selector))
    .sort(order);
