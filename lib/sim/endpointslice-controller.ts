import type { Cluster } from "./cluster";
import { isApiServerService, MIRRORING_CONTROLLER } from "./endpointslice-mirroring";
import { matchesSelector } from "./labels";
import { randomSuffix } from "./names";
import { resolveTargetPort } from "./pod-runtime";
import type { Endpoint, EndpointSlice, Pod, Service } from "./types";
import { WorkQueues } from "./work-queues";

/** The controller's default `--max-endpoints-per-slice` (kube-controller-manager). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

type SlicePorts = EndpointSlice["ports"];

/**
 * The controller lists only the slices labelled as its own (endpointslice.kubernetes.io/managed-by,
 * endpointslice_controller.go syncService): a slice someone else manages, such as one written by hand
 * for a Service without a selector, is never taken over or deleted. (The `kubernetes` Service's slice,
 * which the simulator writes here too, carries the mirroring controller's name; the slices that
 * controller mirrors from a hand-written Endpoints are its own: endpointslice-mirroring.ts.)
 */
const managedHere = (slice: EndpointSlice) =>
  slice.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === "endpointslice-controller.k8s.io" ||
  (slice.metadata.labels?.["endpointslice.kubernetes.io/managed-by"] === MIRRORING_CONTROLLER &&
    isApiServerService(slice.metadata.namespace, slice.metadata.labels?.["kubernetes.io/service-name"]));

/**
 * The EndpointSlice controller (pkg/controller/endpointslice, reconciler in staging/src/k8s.io/endpointslice):
 * every pod a Service selects becomes an endpoint, with the ports its own spec resolves the Service's
 * targetPorts to (a named targetPort can be a different number in each pod, and a pod that lacks the name
 * still becomes an endpoint, without that port). Endpoints are grouped by that port set, at most
 * MAX_ENDPOINTS_PER_SLICE to a slice; a Service that selects no pod keeps one placeholder slice with no
 * endpoints and no ports. The API server fills the `kubernetes` Service's slice itself.
 */
function reconcileEndpointSlices(cluster: Cluster): void {
  const wanted = new Set<EndpointSlice>();
  // Pods with an address, by "namespace/key=value", so each Service looks only at candidates.
  const byLabel = new Map<string, Pod[]>();
  for (const pod of cluster.pods()) {
    if (!pod.status.podIP) continue;
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) {
      const key = `${pod.metadata.namespace}/${k}=${v}`;
      const list = byLabel.get(key);
      if (list) list.push(pod);
      else byLabel.set(key, [pod]);
    }
  }
  cluster.queues.writingSlices = true;
  try {
    for (const service of cluster.store.list("Service")) {
      const [first] = Object.entries(service.spec.selector ?? {});
      const candidates = first ? (byLabel.get(`${service.metadata.namespace}/${first[0]}=${first[1]}`) ?? []) : [];
      syncService(cluster, service, candidates, wanted);
    }
    for (const slice of cluster.store.list("EndpointSlice"))
      if (!wanted.has(slice) && managedHere(slice)) cluster.store.remove(slice);
  } finally {
    cluster.queues.writingSlices = false;
  }
}

/** Above this many changed pods one walk over every pod and Service costs less than a look per pod. */
const QUEUED_PODS_LIMIT = 2000;

/**
 * The controller's sync of the Services in its queue (endpointslice_controller.go syncService): the
 * Services that changed, those whose selector matches a pod that changed, and those whose slices list
 * such a pod (it may have left the selector or gone). The same result as reconcileEndpointSlices for
 * everything, in the same order, so the same slice names. "full" (the reconcile check) walks every pod
 * and Service instead of the store's indexes.
 */
export function reconcileQueuedEndpointSlices(cluster: Cluster, walk: "indexed" | "full"): void {
  const q = cluster.queues;
  if (walk === "full" || q.slicePods.size > QUEUED_PODS_LIMIT) {
    q.slicePods.clear();
    q.services.clear();
    reconcileEndpointSlices(cluster);
    return;
  }
  if (q.slicePods.size === 0 && q.services.size === 0) return;
  const keys = new Set(WorkQueues.take(q.services));
  for (const podKey of WorkQueues.take(q.slicePods)) {
    for (const service of cluster.store.servicesListing(podKey)) keys.add(service);
    const slash = podKey.indexOf("/");
    const pod = cluster.store.get("Pod", podKey.slice(0, slash), podKey.slice(slash + 1));
    if (!pod?.status.podIP) continue;
    // The Services filed under one of the pod's labels (store.servicesMaybeSelecting), not every
    // Service of its namespace.
    for (const service of cluster.store.servicesMaybeSelecting(pod))
      if (service.spec.selector && matchesSelector(pod.metadata.labels, service.spec.selector))
        keys.add(`${service.metadata.namespace}/${service.metadata.name}`);
  }
  const wanted = new Set<EndpointSlice>();
  const unwanted: EndpointSlice[] = [];
  q.writingSlices = true;
  try {
    const services = cluster.store.inListOrder("Service", keys);
    for (const service of services) {
      const [first] = Object.entries(service.spec.selector ?? {});
      const candidates = first
        ? cluster.store.podsWithLabel(service.metadata.namespace!, first[0], first[1]).filter((p) => p.status.podIP)
        : [];
      syncService(cluster, service, candidates, wanted);
    }
    // Slices of the queued Services that no group took, and of queued Services that are gone.
    for (const key of keys) {
      const slash = key.indexOf("/");
      for (const slice of cluster.store.slicesFor(key.slice(0, slash), key.slice(slash + 1)))
        if (!wanted.has(slice) && managedHere(slice)) unwanted.push(slice);
    }
    for (const slice of unwanted) cluster.store.remove(slice);
  } finally {
    q.writingSlices = false;
  }
}

function syncService(cluster: Cluster, service: Service, candidates: Pod[], wanted: Set<EndpointSlice>): void {
  const groups = desiredSlices(cluster, service, candidates);
  if (!groups) return;
  const existing = cluster.store.slicesFor(service.metadata.namespace!, service.metadata.name).filter(managedHere);
  for (const group of groups) wanted.add(writeSlice(cluster, service, group, existing, wanted));
}

/** Every endpoint of a Service, across its slices, with the ports of the slice it is in. */
export function serviceEndpoints(cluster: Cluster, service: Service): { endpoint: Endpoint; ports: SlicePorts }[] {
  return cluster.store
    .slicesFor(service.metadata.namespace!, service.metadata.name)
    .flatMap((slice) => slice.endpoints.map((endpoint) => ({ endpoint, ports: slice.ports })));
}

/** Every endpoint of a Service, across its slices. */
export const endpointsOf = (cluster: Cluster, service: Service): Endpoint[] =>
  serviceEndpoints(cluster, service).map((e) => e.endpoint);

type SliceContent = Pick<EndpointSlice, "endpoints" | "ports">;

/**
 * Reuses an existing slice with the same port set that is not yet taken (the one that already holds
 * most of these endpoints, as the upstream reconciler leaves endpoints where they are), else an empty
 * one, else creates one. Preferring the slice that holds the endpoints makes a second sync of an
 * unchanged Service change nothing, so a Service need only be synced when something it reads changed.
 */
function writeSlice(
  cluster: Cluster,
  service: Service,
  content: SliceContent,
  existing: EndpointSlice[],
  taken: Set<EndpointSlice>,
): EndpointSlice {
  const portsKey = JSON.stringify(content.ports);
  // A pod's uid (host-network pods on one node share an address).
  const identity = (e: Endpoint) => e.targetRef?.uid ?? e.addresses[0];
  const members = new Set(content.endpoints.map(identity));
  let reuse: EndpointSlice | undefined;
  let shared = -1;
  for (const s of existing) {
    if (taken.has(s) || JSON.stringify(s.ports) !== portsKey) continue;
    const n = s.endpoints.reduce((k, e) => k + (members.has(identity(e)) ? 1 : 0), 0);
    if (n > shared) {
      reuse = s;
      shared = n;
    }
  }
  reuse ??= existing.find((s) => !taken.has(s) && s.endpoints.length === 0);
  if (reuse) {
    if (JSON.stringify([reuse.endpoints, reuse.ports]) !== JSON.stringify([content.endpoints, content.ports])) {
      reuse.endpoints = content.endpoints;
      reuse.ports = content.ports;
      cluster.save(reuse);
    }
    return reuse;
  }
  const name =
    service.metadata.name === "kubernetes" ? "kubernetes" : `${service.metadata.name}-${randomSuffix(cluster.rng)}`;
  const slice: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: cluster.meta(name, service.metadata.namespace, {
      labels: {
        "kubernetes.io/service-name": service.metadata.name,
        "endpointslice.kubernetes.io/managed-by": service.spec.selector
          ? "endpointslice-controller.k8s.io"
          : "endpointslicemirroring-controller.k8s.io",
      },
      ownerReferences: [
        { apiVersion: "v1", kind: "Service", name: service.metadata.name, uid: service.metadata.uid, controller: true },
      ],
    }),
    addressType: "IPv4",
    endpoints: content.endpoints,
    ports: content.ports,
  };
  cluster.save(slice);
  return slice;
}

/**
 * ShouldPodBeInEndpoints (pkg/controller/util/endpoint/controller_utils.go): a pod is an endpoint once it
 * has an IP and until it is terminal (Succeeded or Failed), whatever its readiness, so a Pending pod whose
 * sandbox has an address (ContainerCreating) is listed with ready and serving false. The EndpointSlice
 * controller passes includeTerminating = true (the endpoint turns `terminating`); the legacy Endpoints
 * controller passes the Service's publishNotReadyAddresses, so there a terminating pod drops out.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") return false;
  if (!pod.status.podIP && !pod.status.podIPs?.length) return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

function podEndpoint(cluster: Cluster, service: Service, pod: Pod): Endpoint {
  const serving = cluster.isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const endpoint: Endpoint = {
    addresses: [pod.status.podIP!],
    // "ready" is never true for a terminating pod unless the Service publishes not-ready addresses.
    conditions: {
      ready: service.spec.publishNotReadyAddresses === true || (serving && !terminating),
      serving,
      terminating,
    },
    nodeName: pod.spec.nodeName,
    targetRef: { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace!, uid: pod.metadata.uid },
  };
  if (pod.spec.hostname && pod.spec.subdomain === service.metadata.name) endpoint.hostname = pod.spec.hostname;
  return endpoint;
}

/** getEndpointPorts: the Service's ports as this pod resolves them; a port the pod cannot resolve is left out. */
function podPorts(service: Service, pod: Pod): SlicePorts {
  const ports: SlicePorts = [];
  for (const p of service.spec.ports) {
    const number = resolveTargetPort(pod, p.targetPort, p.protocol);
    if (number !== null) ports.push({ name: p.name ?? "", port: number, protocol: p.protocol });
  }
  return ports;
}

function desiredSlices(cluster: Cluster, service: Service, pods: Pod[]): SliceContent[] | null {
  if (service.metadata.name === "kubernetes" && service.metadata.namespace === "default") {
    return [
      {
        endpoints: [
          { addresses: [cluster.apiServerEndpoint], conditions: { ready: true, serving: true, terminating: false } },
        ],
        ports: [{ name: "https", port: 6443, protocol: "TCP" }],
      },
    ];
  }
  if (!service.spec.selector || service.spec.type === "ExternalName") return null;
  const byPorts = new Map<string, { ports: SlicePorts; endpoints: Endpoint[] }>();
  const selected = pods
    .filter((pod) => matchesSelector(pod.metadata.labels, service.spec.selector) && shouldPodBeInEndpoints(pod, true))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  for (const pod of selected) {
    const ports = podPorts(service, pod);
    const key = JSON.stringify(ports);
    let group = byPorts.get(key);
    if (!group) {
      group = { ports, endpoints: [] };
      byPorts.set(key, group);
    }
    group.endpoints.push(podEndpoint(cluster, service, pod));
  }
  // The placeholder slice (reconciler.go): no endpoints and no ports.
  if (byPorts.size === 0) return [{ endpoints: [], ports: [] }];
  const slices: SliceContent[] = [];
  for (const { ports, endpoints } of byPorts.values())
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
      slices.push({ ports, endpoints: endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
  return slices;
}
