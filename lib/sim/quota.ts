import type { Cluster } from "./cluster";
import { KubeError } from "./errors";
import { countsAgainstQuota } from "./store";
import type { ResourceQuota } from "./types";

// ResourceQuota, object counts only: the API server's quota admission (plugin/pkg/admission/
// resourcequota, controller.go checkRequest) and the resource quota controller that keeps
// status.used current (pkg/controller/resourcequota). The simulator counts live objects instead of
// keeping a running total, so `used` can never drift from what the store holds.

/** The resources whose usage the simulator evaluates. */
export const QUOTA_RESOURCES = ["pods", "services"] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

/**
 * What a namespace uses, from the store's counts (store.ts countsAgainstQuota: pods that have not
 * terminated; every Service), kept on every write, so admission and the status sync count no pods.
 * `walk` counts over the objects instead (the reconcile check compares the two).
 */
export function usage(cluster: Cluster, namespace: string, resource: QuotaResource, walk = false): number {
  if (walk)
    return resource === "pods"
      ? cluster.pods(namespace).filter(countsAgainstQuota).length
      : cluster.store.list("Service", namespace).length;
  return resource === "pods" ? cluster.store.podsCountedByQuota(namespace) : cluster.store.count("Service", namespace);
}

const quotasIn = (cluster: Cluster, namespace: string) =>
  cluster.store.list("ResourceQuota", namespace).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));

/**
 * Quota admission for creating one object: the first quota (by name) that the new object would
 * exceed refuses it, in the API server's words (controller.go: "exceeded quota: %s, requested: %s,
 * used: %s, limited: %s"). Returns the error text without kubectl's "Error from server" prefix, as
 * a controller's FailedCreate event quotes it, or null when every quota admits the object.
 * `name` is the object's name, or its generateName prefix for a controller's pod ("web-7d4b9c8f5-"):
 * admission runs before the name is generated.
 */
export function quotaRefusal(
  cluster: Cluster,
  namespace: string,
  resource: QuotaResource,
  name: string,
): string | null {
  for (const quota of quotasIn(cluster, namespace)) {
    const hard = quota.spec.hard[resource];
    if (hard === undefined) continue;
    const used = usage(cluster, namespace, resource);
    if (used + 1 > Number(hard))
      return `${resource} "${name}" is forbidden: exceeded quota: ${quota.metadata.name}, requested: ${resource}=1, used: ${resource}=${used}, limited: ${resource}=${hard}`;
  }
  return null;
}

/** quotaRefusal as the error an API call returns (kubectl prints it, exit 1). */
export function admitCreate(cluster: Cluster, namespace: string, resource: QuotaResource, name: string): void {
  const refusal = quotaRefusal(cluster, namespace, resource, name);
  if (refusal) throw new KubeError(`Error from server (Forbidden): ${refusal}`);
}

/**
 * The resource quota controller's sync: status.hard mirrors spec.hard, status.used is recounted.
 */
export function syncQuotaStatus(cluster: Cluster, namespaces: Iterable<string> | "all" = "all"): void {
  // The quotas of the namespaces in the queue (work-queues.ts: where a pod, a Service or a quota
  // changed), in list order.
  const quotas =
    namespaces === "all"
      ? cluster.store.list("ResourceQuota")
      : cluster.store.inListOrder(
          "ResourceQuota",
          [...namespaces].flatMap((ns) =>
            cluster.store.list("ResourceQuota", ns).map((q) => `${ns}/${q.metadata.name}`),
          ),
        );
  for (const quota of quotas) {
    const used: Record<string, string> = {};
    for (const resource of Object.keys(quota.spec.hard).sort())
      if ((QUOTA_RESOURCES as readonly string[]).includes(resource))
        used[resource] = String(usage(cluster, quota.metadata.namespace!, resource as QuotaResource));
    const status = { hard: { ...quota.spec.hard }, used };
    if (JSON.stringify(status) !== JSON.stringify(quota.status)) {
      quota.status = status;
      cluster.save(quota);
    }
  }
}

/** spec.hard as the API server accepts it: known resources, non-negative integer quantities. */
export function validateHard(name: string, hard: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const errors: string[] = [];
  for (const [resource, value] of Object.entries(hard).sort(([a], [b]) => a.localeCompare(b))) {
    const text = String(value);
    if (!/^\d+$/.test(text)) errors.push(`spec.hard[${resource}]: Invalid value: "${text}": must be an integer`);
    else if (!(QUOTA_RESOURCES as readonly string[]).includes(resource))
      errors.push(`spec.hard[${resource}]: not modelled by the simulator (it counts pods and services)`);
    else out[resource] = String(Number(text));
  }
  if (errors.length)
    throw new KubeError(
      `The ResourceQuota "${name}" is invalid:${errors.length === 1 ? ` ${errors[0]}` : `\n${errors.map((e) => `* ${e}`).join("\n")}`}`,
    );
  return out;
}

/** The quota the `namespaceQuota` option puts in every namespace. */
export const NAMESPACE_QUOTA = "namespace-quota";

export function addNamespaceQuota(cluster: Cluster, namespace: string): void {
  const hard = cluster.options.namespaceQuota;
  if (hard) cluster.save(quotaObject(cluster, NAMESPACE_QUOTA, namespace, validateHard(NAMESPACE_QUOTA, hard)));
}

/**
 * The learner is not the cluster administrator: RBAC refuses changing the administrator's quota,
 * in the authorizer's words (rbac.go: `User "%s" cannot %s resource "%s" in API group "%s" in the
 * namespace "%s"`).
 */
export function namespaceQuotaRefusal(cluster: Cluster, quota: ResourceQuota, verb: "delete" | "patch"): string | null {
  if (!cluster.options.namespaceQuota || quota.metadata.name !== NAMESPACE_QUOTA) return null;
  return `Error from server (Forbidden): resourcequotas "${NAMESPACE_QUOTA}" is forbidden: User "learner" cannot ${verb} resource "resourcequotas" in API group "" in the namespace "${quota.metadata.namespace}"`;
}

export function quotaObject(cluster: Cluster, name: string, namespace: string, hard: Record<string, string>) {
  const quota: ResourceQuota = {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: cluster.meta(name, namespace),
    spec: { hard },
    status: { hard: {}, used: {} },
  };
  return quota;
}
