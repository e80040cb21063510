import type { Cluster } from "../cluster";
import { serviceEndpoints } from "../endpointslice-controller";
import { KubeError, notFound } from "../errors";
import type { Endpoint, Kind, KubeEvent, KubeObject, Service } from "../types";
import { refuseUnmodelledResource } from "./unmodelled-kinds";

/** v1 Endpoints, derived from the EndpointSlice on demand (kubectl get endpoints still works). */
export interface EndpointsObject {
  apiVersion: "v1";
  kind: "Endpoints";
  metadata: { name: string; namespace?: string; creationTimestamp: string; labels?: Record<string, string> };
  subsets?: {
    addresses?: { ip: string; nodeName?: string; targetRef?: unknown }[];
    notReadyAddresses?: { ip: string; nodeName?: string; targetRef?: unknown }[];
    ports: { name?: string; port: number; protocol: string }[];
  }[];
}

export type Listable = KubeObject | EndpointsObject | KubeEvent;
export type ResourceKind = Kind | "Endpoints" | "Event";

export interface ResourceType {
  kind: ResourceKind;
  plural: string;
  names: string[];
  namespaced: boolean;
  /** How `kubectl` names it in messages such as "deployment.apps/web created". */
  display: string;
}

export const RESOURCE_TYPES: ResourceType[] = [
  { kind: "Pod", plural: "pods", names: ["pods", "pod", "po"], namespaced: true, display: "pod" },
  { kind: "Service", plural: "services", names: ["services", "service", "svc"], namespaced: true, display: "service" },
  {
    kind: "Deployment",
    plural: "deployments",
    names: ["deployments", "deployment", "deploy", "deployments.apps", "deployment.apps"],
    namespaced: true,
    display: "deployment.apps",
  },
  {
    kind: "ReplicaSet",
    plural: "replicasets",
    names: ["replicasets", "replicaset", "rs", "replicasets.apps"],
    namespaced: true,
    display: "replicaset.apps",
  },
  {
    kind: "DaemonSet",
    plural: "daemonsets",
    names: ["daemonsets", "daemonset", "ds", "daemonsets.apps"],
    namespaced: true,
    display: "daemonset.apps",
  },
  {
    kind: "StatefulSet",
    plural: "statefulsets",
    names: ["statefulsets", "statefulset", "sts", "statefulsets.apps", "statefulset.apps"],
    namespaced: true,
    display: "statefulset.apps",
  },
  {
    kind: "EndpointSlice",
    plural: "endpointslices",
    names: ["endpointslices", "endpointslice", "endpointslices.discovery.k8s.io"],
    namespaced: true,
    display: "endpointslice.discovery.k8s.io",
  },
  { kind: "Endpoints", plural: "endpoints", names: ["endpoints", "ep"], namespaced: true, display: "endpoints" },
  { kind: "Event", plural: "events", names: ["events", "event", "ev"], namespaced: true, display: "event" },
  {
    kind: "ResourceQuota",
    plural: "resourcequotas",
    names: ["resourcequotas", "resourcequota", "quota"],
    namespaced: true,
    display: "resourcequota",
  },
  {
    kind: "NetworkPolicy",
    plural: "networkpolicies",
    names: ["networkpolicies", "networkpolicy", "netpol", "networkpolicies.networking.k8s.io"],
    namespaced: true,
    display: "networkpolicy.networking.k8s.io",
  },
  {
    kind: "Ingress",
    plural: "ingresses",
    names: ["ingresses", "ingress", "ing", "ingresses.networking.k8s.io"],
    namespaced: true,
    display: "ingress.networking.k8s.io",
  },
  {
    kind: "IngressClass",
    plural: "ingressclasses",
    names: ["ingressclasses", "ingressclass", "ingressclasses.networking.k8s.io"],
    namespaced: false,
    display: "ingressclass.networking.k8s.io",
  },
  { kind: "Node", plural: "nodes", names: ["nodes", "node", "no"], namespaced: false, display: "node" },
  {
    kind: "Namespace",
    plural: "namespaces",
    names: ["namespaces", "namespace", "ns"],
    namespaced: false,
    display: "namespace",
  },
];

/** The type a name or alias (po, svc, deploy, ...) stands for, if any. */
export const findResourceType = (name: string): ResourceType | undefined =>
  RESOURCE_TYPES.find((t) => t.names.includes(name.toLowerCase()));

export function resourceType(name: string): ResourceType {
  const type = findResourceType(name);
  if (!type) {
    refuseUnmodelledResource(name);
    throw new KubeError(`error: the server doesn't have a resource type "${name}"`);
  }
  return type;
}

export const typeOfKind = (kind: ResourceKind) => RESOURCE_TYPES.find((t) => t.kind === kind)!;

/** "deployment/web" or ("deployment", "web") forms into (type, names). */
export function parseTargets(positional: string[]): { type: ResourceType; name: string }[] {
  if (positional.length === 0)
    throw new KubeError(
      'error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (positional[0].includes("/")) {
    return positional.map((p) => {
      const [t, n] = p.split("/", 2);
      if (!n) throw new KubeError(`error: arguments in resource/name form must have a single resource and name`);
      return { type: resourceType(t), name: n };
    });
  }
  const types = positional[0].split(",").map(resourceType);
  if (positional.length === 1) return types.map((type) => ({ type, name: "" }));
  return positional.slice(1).flatMap((name) => types.map((type) => ({ type, name })));
}

/** Endpoints (the legacy API) has one subset per port set, as the EndpointSlices group them. */
function endpointsFor(cluster: Cluster, service: Service): EndpointsObject {
  const slices = cluster.store.slicesFor(service.metadata.namespace!, service.metadata.name);
  const toAddress = (e: Endpoint) => ({
    ip: e.addresses[0],
    ...(e.nodeName ? { nodeName: e.nodeName } : {}),
    ...(e.targetRef ? { targetRef: e.targetRef } : {}),
  });
  const byPorts = new Map<string, NonNullable<EndpointsObject["subsets"]>[number]>();
  for (const { endpoint, ports } of serviceEndpoints(cluster, service)) {
    // The Endpoints controller calls ShouldPodBeInEndpoints with includeTerminating =
    // publishNotReadyAddresses: a terminating pod is left out, where its EndpointSlice entry stays.
    if (endpoint.conditions.terminating && !service.spec.publishNotReadyAddresses) continue;
    const key = JSON.stringify(ports);
    let subset = byPorts.get(key);
    if (!subset) {
      subset = {
        ports: ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })),
      };
      byPorts.set(key, subset);
    }
    if (endpoint.conditions.ready) subset.addresses = [...(subset.addresses ?? []), toAddress(endpoint)];
    else subset.notReadyAddresses = [...(subset.notReadyAddresses ?? []), toAddress(endpoint)];
  }
  // The Endpoints controller repacks its subsets (RepackSubsets/SortSubsets, pkg/api/v1/endpoints):
  // addresses in each list by LessEndpointAddress, the IP's text byte by byte, then the target's uid.
  const uid = (a: { targetRef?: unknown }) => (a.targetRef as { uid?: string } | undefined)?.uid ?? "";
  const byIP = (a: { ip: string; targetRef?: unknown }, b: { ip: string; targetRef?: unknown }) =>
    a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : uid(a) < uid(b) ? -1 : uid(a) > uid(b) ? 1 : 0;
  for (const subset of byPorts.values()) {
    subset.addresses?.sort(byIP);
    subset.notReadyAddresses?.sort(byIP);
  }
  return {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace!,
      creationTimestamp: slices[0]?.metadata.creationTimestamp ?? service.metadata.creationTimestamp,
      ...(service.metadata.labels ? { labels: service.metadata.labels } : {}),
    },
    ...(byPorts.size ? { subsets: [...byPorts.values()] } : {}),
  };
}

export function listObjects(cluster: Cluster, type: ResourceType, namespace: string | undefined): Listable[] {
  if (type.kind === "Endpoints") {
    // The Endpoints controller's, for a Service with a selector (it overwrites one written by hand),
    // and the stored ones, written by hand, for the rest.
    const owned = cluster.store
      .list("Service", namespace)
      .filter((s) => s.spec.type !== "ExternalName" && (s.spec.selector || s.metadata.name === "kubernetes"));
    const names = new Set(owned.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    const stored = cluster.store
      .list("Endpoints", namespace)
      .filter((e) => !names.has(`${e.metadata.namespace}/${e.metadata.name}`));
    return [...owned.map((s) => endpointsFor(cluster, s)), ...stored].sort(
      (a, b) =>
        (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "") ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  }
  // Events come from their own log; the API server lists them, like everything else, by namespace and name.
  const objects: Listable[] =
    type.kind === "Event"
      ? cluster.events.list(namespace)
      : cluster.store.list(type.kind, type.namespaced ? namespace : undefined);
  return objects.sort(
    (a, b) =>
      (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "") ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
}

export function getObject(cluster: Cluster, type: ResourceType, namespace: string, name: string): Listable {
  const found =
    type.kind === "Endpoints" || type.kind === "Event"
      ? listObjects(cluster, type, namespace).find((o) => o.metadata.name === name)
      : cluster.store.get(type.kind, namespace, name);
  if (!found) throw notFound(type.kind, name);
  return found;
}
