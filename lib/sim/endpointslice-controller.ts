import type { Cluster } from "./cluster";
import { matchesSelector } from "./labels";
import { randomSuffix } from "./names";
import { resolveTargetPort } from "./pod-runtime";
import type { Endpoint, EndpointSlice, Pod, Service } from "./types";

/** The EndpointSlice controller: one slice per Service with a selector (the API server fills `kubernetes`). */
export function reconcileEndpointSlices(cluster: Cluster): void {
  const wanted = new Set<string>();
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
  for (const service of cluster.store.list("Service")) {
    const [first] = Object.entries(service.spec.selector ?? {});
    const candidates = first ? (byLabel.get(`${service.metadata.namespace}/${first[0]}=${first[1]}`) ?? []) : [];
    const slice = desiredSlice(cluster, service, candidates);
    if (!slice) continue;
    wanted.add(`${service.metadata.namespace}/${service.metadata.name}`);
    const existing = cluster.store.sliceFor(service.metadata.namespace!, service.metadata.name);
    if (existing) {
      if (JSON.stringify([existing.endpoints, existing.ports]) !== JSON.stringify([slice.endpoints, slice.ports])) {
        existing.endpoints = slice.endpoints;
        existing.ports = slice.ports;
        cluster.save(existing);
      }
    } else {
      const name =
        service.metadata.name === "kubernetes" ? "kubernetes" : `${service.metadata.name}-${randomSuffix(cluster.rng)}`;
      cluster.save({
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
            {
              apiVersion: "v1",
              kind: "Service",
              name: service.metadata.name,
              uid: service.metadata.uid,
              controller: true,
            },
          ],
        }),
        addressType: "IPv4",
        endpoints: slice.endpoints,
        ports: slice.ports,
      });
    }
  }
  for (const slice of cluster.store.list("EndpointSlice")) {
    if (!wanted.has(`${slice.metadata.namespace}/${slice.metadata.labels?.["kubernetes.io/service-name"]}`))
      cluster.store.remove(slice);
  }
}

function desiredSlice(
  cluster: Cluster,
  service: Service,
  pods: Pod[],
): Pick<EndpointSlice, "endpoints" | "ports"> | null {
  if (service.metadata.name === "kubernetes" && service.metadata.namespace === "default") {
    return {
      endpoints: [
        { addresses: [cluster.apiServerEndpoint], conditions: { ready: true, serving: true, terminating: false } },
      ],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    };
  }
  if (!service.spec.selector || service.spec.type === "ExternalName") return null;
  const endpoints: Endpoint[] = [];
  let ports: EndpointSlice["ports"] | null = null;
  for (const pod of pods) {
    if (!matchesSelector(pod.metadata.labels, service.spec.selector) || pod.status.phase !== "Running") continue;
    const resolved = service.spec.ports.map((p) => resolveTargetPort(pod, p.targetPort));
    if (resolved.some((r) => r === null)) continue; // a named targetPort this pod does not have
    ports ??= service.spec.ports.map((p, i) => ({ name: p.name ?? "", port: resolved[i]!, protocol: p.protocol }));
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
    endpoints.push(endpoint);
  }
  endpoints.sort((a, b) => a.targetRef!.name.localeCompare(b.targetRef!.name));
  return {
    endpoints,
    ports:
      ports ??
      service.spec.ports.map((p) => ({
        name: p.name ?? "",
        port: typeof p.targetPort === "number" ? p.targetPort : p.port,
        protocol: p.protocol,
      })),
  };
}
