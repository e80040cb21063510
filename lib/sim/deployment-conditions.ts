import type { Cluster } from "./cluster";
import { surgeAndUnavailable } from "./rolling-update";
import type { Deployment, DeploymentCondition, ReplicaSet } from "./types";

// The Deployment's status conditions, as the deployment controller sets them
// (pkg/controller/deployment/sync.go calculateStatus and progress.go syncRolloutStatus;
// the reasons and messages of pkg/controller/deployment/util/deployment_util.go):
// - Available is True (MinimumReplicasAvailable) while at least replicas - maxUnavailable pods are
//   available, else False (MinimumReplicasUnavailable). maxUnavailable is 0 for Recreate.
// - Progressing is True with NewReplicaSetAvailable once every replica is updated and available,
//   and ReplicaSetUpdated while a rollout is under way. (No progress deadline is modelled, so it
//   never turns False with ProgressDeadlineExceeded.)
// `kubectl wait --for=condition=Available deployment/NAME` and `kubectl describe` read these.

type Counts = { replicas: number; updatedReplicas: number; availableReplicas: number };

function minimumAvailable(d: Deployment): number {
  if (d.spec.strategy?.type === "Recreate" || d.spec.replicas === 0) return d.spec.replicas;
  return d.spec.replicas - Math.min(surgeAndUnavailable(d).maxUnavailable, d.spec.replicas);
}

/**
 * SetDeploymentCondition: a condition whose status is unchanged keeps its lastTransitionTime, and one
 * whose status and reason are unchanged is left as it is; the changed one moves to the end of the list.
 */
function setCondition(
  conditions: DeploymentCondition[],
  now: string,
  next: Omit<DeploymentCondition, "lastUpdateTime" | "lastTransitionTime">,
): DeploymentCondition[] {
  const current = conditions.find((c) => c.type === next.type);
  if (current && current.status === next.status && current.reason === next.reason && current.message === next.message)
    return conditions;
  const lastTransitionTime = current && current.status === next.status ? current.lastTransitionTime : now;
  return [...conditions.filter((c) => c.type !== next.type), { ...next, lastUpdateTime: now, lastTransitionTime }];
}

export function deploymentConditions(cluster: Cluster, d: Deployment, newRS: ReplicaSet, counts: Counts) {
  const now = cluster.timestamp();
  let conditions = d.status.conditions ?? [];
  conditions = setCondition(
    conditions,
    now,
    counts.availableReplicas >= minimumAvailable(d)
      ? {
          type: "Available",
          status: "True",
          reason: "MinimumReplicasAvailable",
          message: "Deployment has minimum availability.",
        }
      : {
          type: "Available",
          status: "False",
          reason: "MinimumReplicasUnavailable",
          message: "Deployment does not have minimum availability.",
        },
  );
  const complete =
    counts.updatedReplicas === d.spec.replicas &&
    counts.replicas === d.spec.replicas &&
    counts.availableReplicas === d.spec.replicas;
  conditions = setCondition(conditions, now, {
    type: "Progressing",
    status: "True",
    reason: complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
    message: `ReplicaSet "${newRS.metadata.name}" ${complete ? "has successfully progressed" : "is progressing"}.`,
  });
  return conditions;
}
