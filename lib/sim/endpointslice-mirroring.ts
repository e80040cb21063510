import type { Cluster } from "./cluster";
import { randomSuffix } from "./names";
import type { Endpoint, EndpointSlice, Endpoints } from "./types";

/** The mirroring controller's value of endpointslice.kubernetes.io/managed-by. */
export const MIRRORING_CONTROLLER = "endpointslicemirroring-controller.k8s.io";
const MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
const SERVICE_NAME = "kubernetes.io/service-name";

/** The `kubernetes` Service's slice, which the simulator's EndpointSlice controller writes (endpointslice-controller.ts). */
export const isApiServerService = (namespace: string | undefined, name: string | undefined) =>
  namespace === "default" && name === "kubernetes";

/** A slice this controller wrote (the `kubernetes` Service's one, labelled alike, is not written here). */
export const mirroredSlice = (slice: EndpointSlice) =>
  slice.metadata.labels?.[MANAGED_BY] === MIRRORING_CONTROLLER &&
  !isApiServerService(slice.metadata.namespace, slice.metadata.labels?.[SERVICE_NAME]);

/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring, syncEndpoints): for
 * a Service without a selector whose namespace holds a user-written Endpoints object of the same
 * name, it keeps EndpointSlices that copy it, so that the consumers of slices (kube-proxy, DNS) see
 * the addresses. It mirrors nothing, and deletes what it mirrored, when the Service is gone, has a
 * selector (the Endpoints controller owns that Endpoints) or is ExternalName, when the Endpoints is
 * gone, or when it is labelled endpointslice.kubernetes.io/skip-mirror: "true" (shouldMirror).
 * Subsets with the same ports go into one slice (reconciler.go, keyed by the port set); addresses
 * become ready endpoints and notReadyAddresses unready ones (addressToEndpoint sets only `ready`; the
 * simulator stores serving alike and terminating false). The slice carries the Endpoints' labels
 * and annotations (but kubectl's last-applied-configuration and the last-change-trigger-time) with
 * kubernetes.io/service-name and managed-by over them, and a controller ownerReference to the Endpoints
 * (utils.go newEndpointSlice). Simplified: IPv4 only, no targetRefs, and
 * no truncation at 1000 addresses a subset.
 * `keys` are "namespace/name" of Services and Endpoints; each is synced once, in key order.
 */
export function syncMirroredSlices(cluster: Cluster, keys: Iterable<string>): void {
  const q = cluster.queues;
  q.writingSlices = true;
  try {
    for (const key of [...new Set(keys)].sort()) {
      const slash = key.indexOf("/");
      const namespace = key.slice(0, slash);
      const name = key.slice(slash + 1);
      if (isApiServerService(namespace, name)) continue;
      syncOne(cluster, namespace, name);
    }
  } finally {
    q.writingSlices = false;
  }
}

type Content = { labels: Record<string, string>; annotations?: Record<string, string> } & Pick<
  EndpointSlice,
  "endpoints" | "ports"
>;

function shouldMirror(cluster: Cluster, namespace: string, name: string): Endpoints | null {
  const service = cluster.store.get("Service", namespace, name);
  if (!service || service.spec.selector || service.spec.type === "ExternalName") return null;
  const endpoints = cluster.store.get("Endpoints", namespace, name);
  if (!endpoints || endpoints.metadata.labels?.["endpointslice.kubernetes.io/skip-mirror"] === "true") return null;
  return endpoints;
}

function desired(endpoints: Endpoints): Content[] {
  const labels: Record<string, string> = {
    ...endpoints.metadata.labels,
    [SERVICE_NAME]: endpoints.metadata.name,
    [MANAGED_BY]: MIRRORING_CONTROLLER,
  };
  const annotations = Object.fromEntries(
    Object.entries(endpoints.metadata.annotations ?? {}).filter(
      ([k]) =>
        k !== "kubectl.kubernetes.io/last-applied-configuration" &&
        k !== "endpoints.kubernetes.io/last-change-trigger-time",
    ),
  );
  const byPorts = new Map<string, Content>();
  for (const subset of endpoints.subsets ?? []) {
    const ports = subset.ports.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol }));
    const key = JSON.stringify(ports);
    let content = byPorts.get(key);
    if (!content) {
      content = { labels, ...(Object.keys(annotations).length ? { annotations } : {}), ports, endpoints: [] };
      byPorts.set(key, content);
    }
    for (const [list, ready] of [
      [subset.addresses ?? [], true],
      [subset.notReadyAddresses ?? [], false],
    ] as const)
      for (const a of list) {
        const endpoint: Endpoint = {
          addresses: [a.ip],
          conditions: { ready, serving: ready, terminating: false },
          ...(a.hostname ? { hostname: a.hostname } : {}),
          ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        };
        content.endpoints.push(endpoint);
      }
  }
  return [...byPorts.values()];
}

const same = (slice: EndpointSlice, c: Content) =>
  JSON.stringify([slice.endpoints, slice.ports, slice.metadata.labels ?? {}, slice.metadata.annotations ?? {}]) ===
  JSON.stringify([c.endpoints, c.ports, c.labels, c.annotations ?? {}]);

function syncOne(cluster: Cluster, namespace: string, name: string): void {
  const endpoints = shouldMirror(cluster, namespace, name);
  const existing = cluster.store.slicesFor(namespace, name).filter(mirroredSlice);
  const wanted = endpoints ? desired(endpoints) : [];
  const kept = new Set<EndpointSlice>();
  for (const content of wanted) {
    const ports = JSON.stringify(content.ports);
    const reuse = existing.find((s) => !kept.has(s) && JSON.stringify(s.ports) === ports);
    if (reuse) {
      kept.add(reuse);
      if (same(reuse, content)) continue;
      reuse.endpoints = content.endpoints;
      reuse.ports = content.ports;
      reuse.metadata.labels = content.labels;
      if (content.annotations) reuse.metadata.annotations = content.annotations;
      else delete reuse.metadata.annotations;
      cluster.save(reuse);
      continue;
    }
    // generateName "<endpoints name>-" (getEndpointSlicePrefix).
    const slice: EndpointSlice = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: cluster.meta(`${name}-${randomSuffix(cluster.rng)}`, namespace, {
        labels: content.labels,
        ...(content.annotations ? { annotations: content.annotations } : {}),
        ownerReferences: [
          { apiVersion: "v1", kind: "Endpoints", name, uid: endpoints!.metadata.uid, controller: true },
        ],
      }),
      addressType: "IPv4",
      endpoints: content.endpoints,
      ports: content.ports,
    };
    kept.add(slice);
    cluster.save(slice);
  }
  for (const slice of existing) if (!kept.has(slice)) cluster.store.remove(slice);
}
