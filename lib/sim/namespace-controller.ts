import type { Cluster } from "./cluster";
import { removeService } from "./service-api";
import type { Namespace } from "./types";

// Namespace deletion, as the API server and kube-controller-manager carry it out:
// - the namespace registry (pkg/registry/core/namespace/storage/storage.go Delete): the first delete
//   sets deletionTimestamp and status.phase Terminating and keeps the object, which still holds the
//   "kubernetes" finalizer; deleting it again while the finalizer is there is a Conflict;
// - the NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle/admission.go):
//   a create in a Terminating namespace is Forbidden, "unable to create new content in namespace %s
//   because it is being terminated"; updates and deletes go through;
// - the namespace controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go):
//   deletes every collection in the namespace, events included (pods gracefully); while pods remain it
//   requeues the namespace after an estimate, the longest terminationGracePeriodSeconds of its pods
//   that have not ended (estimateGracefulTerminationForPods); once nothing is left it removes its
//   finalizer and the namespace is gone.
// Left out: the namespace's status conditions (NamespaceContentRemaining and the others) and finalizers
// other than "kubernetes".

/** The namespaces no one may delete (the lifecycle plugin's immortal namespaces and kube-system, kube-public). */
export const UNDELETABLE_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** The API server's side of `kubectl delete namespace`: Terminating, or why not. */
export function requestNamespaceDeletion(cluster: Cluster, namespace: Namespace): string | null {
  const name = namespace.metadata.name;
  if (UNDELETABLE_NAMESPACES.includes(name))
    return `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`;
  if (namespace.metadata.deletionTimestamp)
    return `Error from server (Conflict): Operation cannot be fulfilled on namespaces "${name}": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.`;
  namespace.metadata.deletionTimestamp = cluster.timestamp();
  namespace.spec = { finalizers: ["kubernetes"] };
  namespace.status.phase = "Terminating";
  cluster.save(namespace);
  cluster.reconcile();
  return null;
}

const CONTENT = [
  "Deployment",
  "ReplicaSet",
  "DaemonSet",
  "StatefulSet",
  "ResourceQuota",
  "NetworkPolicy",
  "Ingress",
  "Endpoints",
  // Hand-written slices; the controllers' own go with their Services, and nothing writes them again.
  "EndpointSlice",
] as const;

/** One sync of the namespace controller for a namespace (a no-op unless it is being deleted). */
export function syncNamespace(cluster: Cluster, namespace: Namespace): void {
  if (!namespace.metadata.deletionTimestamp) return;
  const name = namespace.metadata.name;
  const due = cluster.namespaceRequeues.get(name);
  if (due !== undefined && cluster.now() < due) return;
  cluster.namespaceRequeues.delete(name);
  for (const service of cluster.store.list("Service", name)) removeService(cluster, service);
  for (const kind of CONTENT) for (const object of cluster.store.list(kind, name)) cluster.store.remove(object);
  cluster.events.forgetNamespace(name);
  const pods = cluster.pods(name);
  for (const pod of pods) if (!pod.metadata.deletionTimestamp) cluster.markForDeletion(pod);
  const remaining = cluster.pods(name);
  if (remaining.length > 0) {
    const running = remaining.filter((p) => p.status.phase !== "Succeeded" && p.status.phase !== "Failed");
    const estimate = Math.max(1, ...running.map((p) => p.spec.terminationGracePeriodSeconds ?? 30));
    cluster.namespaceRequeues.set(name, cluster.now() + estimate * 1000);
    return;
  }
  // Nothing left: the controller removes the "kubernetes" finalizer and the registry deletes the namespace.
  cluster.store.remove(namespace);
}
