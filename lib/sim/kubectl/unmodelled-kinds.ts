import { KubeError } from "../errors";

// Kinds every real cluster serves that the simulator does not model. Asking for one gets a plain
// statement of that instead of what kubectl prints for a kind no server has ("doesn't have a resource
// type", "ensure CRDs are installed first"), which would teach that ConfigMaps or Jobs do not exist.
// Names and short names as `kubectl api-resources` lists them on v1.31.
const UNMODELLED: readonly { kind: string; apiVersion: string; names: readonly string[] }[] = [
  { kind: "ConfigMap", apiVersion: "v1", names: ["configmaps", "configmap", "cm"] },
  { kind: "Secret", apiVersion: "v1", names: ["secrets", "secret"] },
  { kind: "ServiceAccount", apiVersion: "v1", names: ["serviceaccounts", "serviceaccount", "sa"] },
  {
    kind: "PersistentVolumeClaim",
    apiVersion: "v1",
    names: ["persistentvolumeclaims", "persistentvolumeclaim", "pvc"],
  },
  { kind: "PersistentVolume", apiVersion: "v1", names: ["persistentvolumes", "persistentvolume", "pv"] },
  { kind: "LimitRange", apiVersion: "v1", names: ["limitranges", "limitrange", "limits"] },
  { kind: "ReplicationController", apiVersion: "v1", names: ["replicationcontrollers", "replicationcontroller", "rc"] },
  { kind: "Job", apiVersion: "batch/v1", names: ["jobs", "job"] },
  { kind: "CronJob", apiVersion: "batch/v1", names: ["cronjobs", "cronjob", "cj"] },
  {
    kind: "HorizontalPodAutoscaler",
    apiVersion: "autoscaling/v2",
    names: ["horizontalpodautoscalers", "horizontalpodautoscaler", "hpa"],
  },
  {
    kind: "PodDisruptionBudget",
    apiVersion: "policy/v1",
    names: ["poddisruptionbudgets", "poddisruptionbudget", "pdb"],
  },
  { kind: "Role", apiVersion: "rbac.authorization.k8s.io/v1", names: ["roles", "role"] },
  { kind: "RoleBinding", apiVersion: "rbac.authorization.k8s.io/v1", names: ["rolebindings", "rolebinding"] },
  { kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1", names: ["clusterroles", "clusterrole"] },
  {
    kind: "ClusterRoleBinding",
    apiVersion: "rbac.authorization.k8s.io/v1",
    names: ["clusterrolebindings", "clusterrolebinding"],
  },
  { kind: "StorageClass", apiVersion: "storage.k8s.io/v1", names: ["storageclasses", "storageclass", "sc"] },
  {
    kind: "CustomResourceDefinition",
    apiVersion: "apiextensions.k8s.io/v1",
    names: ["customresourcedefinitions", "customresourcedefinition", "crd", "crds"],
  },
  { kind: "Lease", apiVersion: "coordination.k8s.io/v1", names: ["leases", "lease"] },
  { kind: "PriorityClass", apiVersion: "scheduling.k8s.io/v1", names: ["priorityclasses", "priorityclass", "pc"] },
];

const notModelled = (kind: string) =>
  new KubeError(
    `error: ${kind} objects exist in every real cluster, but this simulator does not model them (see \`help\` for what it does)`,
  );

/** Throws the "not modelled" statement when a resource name (configmaps, cm, jobs, ...) is a real kind the simulator lacks. */
export function refuseUnmodelledResource(name: string): void {
  const found = UNMODELLED.find((k) => k.names.includes(name.toLowerCase().split(".")[0]));
  if (found) throw notModelled(found.kind);
}

/** The same for a manifest's kind and apiVersion (a ConfigMap in a file applied with -f). */
export function refuseUnmodelledKind(kind: string, apiVersion: string): void {
  if (UNMODELLED.some((k) => k.kind === kind && k.apiVersion === apiVersion)) throw notModelled(kind);
}
