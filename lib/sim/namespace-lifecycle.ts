import type { Cluster } from "./cluster";
import { KubeError, resourceName } from "./errors";

// The NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle/admission.go) for a
// create: the namespace must exist, and a Terminating one takes no new content (namespace-controller.ts).

/** NamespaceLifecycle admission of a create: the namespace must exist and not be terminating. */
export function admitToNamespace(cluster: Cluster, namespace: string, kind: string, name: string): void {
  const ns = cluster.store.get("Namespace", undefined, namespace);
  if (!ns) throw new KubeError(`Error from server (NotFound): namespaces "${namespace}" not found`);
  if (ns.status.phase === "Terminating")
    // admission.NewForbidden → apierrors.NewForbidden: `<resource> "<name>" is forbidden: <reason>`.
    throw new KubeError(
      `Error from server (Forbidden): ${resourceName(kind)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
    );
}
