import type { Cluster } from "./cluster";
import type { Deployment, ReplicaSet } from "./types";

// The deployment controller's rollout (pkg/controller/deployment: rolling.go rolloutRolling,
// recreate.go, util/deployment_util.go ResolveFenceposts, NewRSNewReplicas, MaxUnavailable).

const REVISION = "deployment.kubernetes.io/revision";

export const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0);

/** intstr.GetScaledValueFromIntOrPercent: "25%" of replicas, rounded up or down; a number as is. */
function scaled(value: number | string | undefined, fallback: string, replicas: number, roundUp: boolean): number {
  const v = value ?? fallback;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const exact = (Number(m[1]) * replicas) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * ResolveFenceposts: maxSurge rounds up and maxUnavailable down (both 25% by default); if both
 * come to 0, one pod may be unavailable so the rollout can move at all.
 */
export function surgeAndUnavailable(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const rolling = d.spec.strategy?.rollingUpdate;
  const maxSurge = scaled(rolling?.maxSurge, "25%", d.spec.replicas, true);
  const maxUnavailable = scaled(rolling?.maxUnavailable, "25%", d.spec.replicas, false);
  return { maxSurge, maxUnavailable: maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable };
}

type Scale = (rs: ReplicaSet, to: number) => void;
const specTotal = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + rs.spec.replicas, 0);
const availableTotal = (sets: ReplicaSet[]) => sets.reduce((n, rs) => n + rs.status.availableReplicas, 0);

/**
 * One sync of a Deployment's ReplicaSets. Without old pods the new ReplicaSet just takes the
 * desired count. Recreate scales the old ones to zero and waits for their pods to go. RollingUpdate
 * scales the new one up while the total stays within replicas + maxSurge, then the old ones
 * (oldest first) down, unavailable pods first, while the available pods stay at least replicas - maxUnavailable; each
 * sync moves one step, so the ScalingReplicaSet events show the batches.
 */
export function syncRollout(
  cluster: Cluster,
  d: Deployment,
  current: ReplicaSet,
  old: ReplicaSet[],
  scale: Scale,
): void {
  const desired = d.spec.replicas;
  const active = old.filter((rs) => rs.spec.replicas > 0);
  if (active.length === 0) {
    if (current.spec.replicas !== desired) scale(current, desired);
    return;
  }
  if (d.spec.strategy?.type === "Recreate") {
    for (const rs of active) scale(rs, 0);
    const oldPods = old.some((rs) => cluster.store.podsOwnedBy(rs.metadata.uid).length > 0);
    if (!oldPods && current.spec.replicas !== desired) scale(current, desired);
    return;
  }
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(d);
  const all = [current, ...old];
  // reconcileNewReplicaSet (NewRSNewReplicas).
  if (current.spec.replicas > desired) scale(current, desired);
  else if (current.spec.replicas < desired) {
    const up = Math.min(desired + maxSurge - specTotal(all), desired - current.spec.replicas);
    if (up > 0) scale(current, current.spec.replicas + up);
  }
  // reconcileOldReplicaSets: how far the old ones may go down without breaking minAvailable.
  const minAvailable = desired - maxUnavailable;
  const newUnavailable = current.spec.replicas - current.status.availableReplicas;
  const maxScaledDown = specTotal(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return;
  const oldestFirst = [...active].sort((a, b) =>
    a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
  );
  // cleanupUnhealthyReplicas first: old pods that are not available (a rollout undone while its pods
  // could not pull their image) go without waiting for anything, up to maxScaledDown.
  let cleaned = 0;
  for (const rs of oldestFirst) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = rs.spec.replicas - rs.status.availableReplicas;
    if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    scale(rs, rs.spec.replicas - down);
    cleaned += down;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: available ones, while minAvailable holds.
  let budget = availableTotal(all) - minAvailable;
  for (const rs of oldestFirst) {
    if (rs.spec.replicas === 0) continue;
    if (budget <= 0) break;
    const down = Math.min(rs.spec.replicas, budget);
    scale(rs, rs.spec.replicas - down);
    budget -= down;
  }
}

/**
 * getNewReplicaSet: the ReplicaSet whose template the Deployment now has carries the highest
 * revision (one above the old ones, so a rollback to an old template makes it the newest
 * revision), and the Deployment carries the same number.
 */
export function syncRevision(cluster: Cluster, d: Deployment, current: ReplicaSet, old: ReplicaSet[]): void {
  const maxOld = old.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
  if (revisionOf(current) <= maxOld) {
    current.metadata.annotations = { ...current.metadata.annotations, [REVISION]: String(maxOld + 1) };
    cluster.save(current);
  }
  const revision = String(revisionOf(current));
  if (d.metadata.annotations?.[REVISION] !== revision) {
    d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: revision };
    cluster.save(d);
  }
}
