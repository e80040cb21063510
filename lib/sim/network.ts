import type { Cluster } from "./cluster";
import { cidrContains, parseIPv4 } from "./ip";
import { policyDrop } from "./network-policy-enforcement";
import { podListensOn } from "./pod-runtime";
import type { Endpoint, Pod, Service, ServicePort } from "./types";

/** Where a connection starts: a pod, a node, or the machine outside the cluster. */
export type Client = { kind: "pod"; pod: Pod } | { kind: "node"; nodeName: string } | { kind: "outside" };

export interface Hop {
  kind: "service" | "nodeport" | "loadbalancer";
  service: Service;
  port: ServicePort;
}

export type ConnectResult =
  | { ok: true; pod: Pod; ip: string; port: number; via: Hop | null; clientIP: string }
  | { ok: false; error: "refused" | "timeout"; reason: string; via: Hop | null };

export function clientIP(cluster: Cluster, client: Client): string {
  if (client.kind === "pod") return client.pod.status.podIP ?? "";
  if (client.kind === "node") {
    const node = cluster.store.get("Node", undefined, client.nodeName);
    return node ? cluster.nodeIP(node) : "";
  }
  return cluster.outsideHostIP;
}

/** Indexes for routing, rebuilt when the store changes. */
interface RoutingTable {
  version: number;
  byClusterIP: Map<string, Service>;
  byNodePort: Map<number, { service: Service; port: ServicePort }>;
  byLoadBalancerIP: Map<string, Service>;
  podByIP: Map<string, Pod>;
  nodeByIP: Map<string, string>;
}
const tables = new WeakMap<Cluster, RoutingTable>();

function routingTable(cluster: Cluster): RoutingTable {
  const cached = tables.get(cluster);
  if (cached && cached.version === cluster.store.version) return cached;
  const table: RoutingTable = {
    version: cluster.store.version,
    byClusterIP: new Map(),
    byNodePort: new Map(),
    byLoadBalancerIP: new Map(),
    podByIP: new Map(),
    nodeByIP: new Map(),
  };
  for (const s of cluster.store.list("Service")) {
    if (s.spec.clusterIP && s.spec.clusterIP !== "None") table.byClusterIP.set(s.spec.clusterIP, s);
    for (const p of s.spec.ports) if (p.nodePort) table.byNodePort.set(p.nodePort, { service: s, port: p });
    for (const ingress of s.status.loadBalancer.ingress ?? []) table.byLoadBalancerIP.set(ingress.ip, s);
  }
  for (const pod of cluster.pods())
    if (pod.status.podIP && !pod.spec.hostNetwork) table.podByIP.set(pod.status.podIP, pod);
  for (const node of cluster.nodes()) table.nodeByIP.set(cluster.nodeIP(node), node.metadata.name);
  tables.set(cluster, table);
  return table;
}

const podByName = (cluster: Cluster, ep: Endpoint) =>
  ep.targetRef ? cluster.store.get("Pod", ep.targetRef.namespace, ep.targetRef.name) : undefined;

/**
 * kube-proxy's choice of endpoint for one new connection. Ready endpoints are used; when none is
 * ready, serving endpoints that are terminating are used instead (KEP-1669). ClientIP affinity
 * sends a client back to the endpoint it had, until the timeout passes without traffic. In iptables
 * mode the choice is random; IPVS mode defaults to round robin.
 */
function chooseEndpoint(cluster: Cluster, service: Service, client: string, nodeLocal: string | null): Endpoint | null {
  const slice = cluster.store.sliceFor(service.metadata.namespace!, service.metadata.name);
  let endpoints = (slice?.endpoints ?? []).filter((e) => e.conditions.ready);
  if (endpoints.length === 0)
    endpoints = (slice?.endpoints ?? []).filter((e) => e.conditions.serving && e.conditions.terminating);
  if (nodeLocal) endpoints = endpoints.filter((e) => e.nodeName === nodeLocal);
  if (endpoints.length === 0) return null;
  const key = `${service.metadata.uid}/${client}`;
  if (service.spec.sessionAffinity === "ClientIP") {
    const timeout = (service.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800) * 1000;
    const sticky = cluster.affinity.get(key);
    const still =
      sticky && cluster.now() - sticky.lastUsed <= timeout
        ? endpoints.find((e) => e.addresses[0] === sticky.ip)
        : undefined;
    if (still) {
      sticky!.lastUsed = cluster.now();
      return still;
    }
  }
  let chosen: Endpoint;
  if (cluster.options.proxyMode === "ipvs") {
    const rrKey = service.metadata.uid;
    const next = cluster.roundRobin.get(rrKey) ?? 0;
    chosen = endpoints[next % endpoints.length];
    cluster.roundRobin.set(rrKey, next + 1);
  } else {
    chosen = cluster.rng.pick(endpoints);
  }
  if (service.spec.sessionAffinity === "ClientIP")
    cluster.affinity.set(key, { ip: chosen.addresses[0], lastUsed: cluster.now() });
  return chosen;
}

function deliver(
  cluster: Cluster,
  service: Service,
  port: ServicePort,
  via: Hop,
  client: string,
  nodeLocal: string | null,
): ConnectResult {
  const endpoint = chooseEndpoint(cluster, service, client, nodeLocal);
  if (!endpoint) {
    // kube-proxy rejects traffic to a Service without endpoints (ICMP port unreachable) for
    // internal traffic; with externalTrafficPolicy Local a node without local endpoints drops it.
    return nodeLocal
      ? {
          ok: false,
          error: "timeout",
          reason: `no local endpoints for ${service.metadata.name} on this node (externalTrafficPolicy: Local)`,
          via,
        }
      : {
          ok: false,
          error: "refused",
          reason: `service ${service.metadata.namespace}/${service.metadata.name} has no ready endpoints`,
          via,
        };
  }
  const pod = podByName(cluster, endpoint);
  const slice = cluster.store.sliceFor(service.metadata.namespace!, service.metadata.name)!;
  const targetPort = slice.ports[service.spec.ports.indexOf(port)]?.port ?? port.port;
  if (!pod) return { ok: false, error: "timeout", reason: `endpoint ${endpoint.addresses[0]} is gone`, via };
  // NetworkPolicy sees the packet after DNAT: the backend's address and targetPort. A dropped SYN times out.
  const dropped = policyDrop(cluster, client, endpoint.addresses[0], targetPort, "TCP", pod);
  if (dropped) return { ok: false, error: "timeout", reason: dropped, via };
  if (!podListensOn(pod, targetPort)) {
    return {
      ok: false,
      error: "refused",
      reason: `pod ${pod.metadata.name} does not listen on port ${targetPort}`,
      via,
    };
  }
  return { ok: true, pod, ip: endpoint.addresses[0], port: targetPort, via, clientIP: client };
}

/** Opens a TCP connection from `client` to ip:port, following kube-proxy's rules. */
export function connect(cluster: Cluster, client: Client, ip: string, port: number): ConnectResult {
  const table = routingTable(cluster);
  const source = clientIP(cluster, client);
  const inCluster = client.kind !== "outside";
  const ipNumber = parseIPv4(ip);

  const service = table.byClusterIP.get(ip);
  if (service) {
    const servicePort = service.spec.ports.find((p) => p.port === port && p.protocol === "TCP");
    if (!inCluster)
      return {
        ok: false,
        error: "timeout",
        reason: `${ip} is a ClusterIP: it exists only inside the cluster (kube-proxy rules on each node)`,
        via: null,
      };
    if (!servicePort)
      return {
        ok: false,
        error: "timeout",
        reason: `service ${service.metadata.name} has no port ${port}; nothing answers on a ClusterIP`,
        via: null,
      };
    return deliver(cluster, service, servicePort, { kind: "service", service, port: servicePort }, source, null);
  }
  const nodeName = table.nodeByIP.get(ip);
  if (nodeName) {
    const nodePort = table.byNodePort.get(port);
    if (nodePort) {
      const local = nodePort.service.spec.externalTrafficPolicy === "Local" ? nodeName : null;
      return deliver(cluster, nodePort.service, nodePort.port, { kind: "nodeport", ...nodePort }, source, local);
    }
    const dropped = policyDrop(cluster, source, ip, port, "TCP");
    if (dropped) return { ok: false, error: "timeout", reason: dropped, via: null };
    const hostPod = cluster
      .pods()
      .find(
        (p) =>
          p.spec.hostNetwork && p.spec.nodeName === nodeName && !p.metadata.deletionTimestamp && podListensOn(p, port),
      );
    if (hostPod) return { ok: true, pod: hostPod, ip, port, via: null, clientIP: source };
    return { ok: false, error: "refused", reason: `nothing listens on ${ip}:${port}`, via: null };
  }
  const lbService = table.byLoadBalancerIP.get(ip);
  if (lbService) {
    const servicePort = lbService.spec.ports.find((p) => p.port === port && p.protocol === "TCP");
    if (!servicePort)
      return { ok: false, error: "timeout", reason: `the load balancer has no listener on port ${port}`, via: null };
    return deliver(
      cluster,
      lbService,
      servicePort,
      { kind: "loadbalancer", service: lbService, port: servicePort },
      source,
      null,
    );
  }
  if (ipNumber !== null && cidrContains(cluster.podCIDR, ipNumber)) {
    if (!inCluster)
      return {
        ok: false,
        error: "timeout",
        reason: `${ip} is a pod IP: the pod network is not routed outside the cluster`,
        via: null,
      };
    const pod = table.podByIP.get(ip);
    if (!pod || (pod.metadata.deletionTimestamp && !cluster.runtime.has(pod.metadata.uid)))
      return { ok: false, error: "timeout", reason: `no pod has the address ${ip}`, via: null };
    const dropped = policyDrop(cluster, source, ip, port, "TCP", pod);
    if (dropped) return { ok: false, error: "timeout", reason: dropped, via: null };
    // Readiness does not matter here: it only decides whether a pod is a Service endpoint.
    if (!podListensOn(pod, port))
      return {
        ok: false,
        error: "refused",
        reason: `pod ${pod.metadata.name} does not listen on port ${port}`,
        via: null,
      };
    return { ok: true, pod, ip, port, via: null, clientIP: source };
  }
  if (ipNumber !== null && cidrContains(cluster.serviceCIDR, ipNumber)) {
    return { ok: false, error: "timeout", reason: `no Service has the ClusterIP ${ip}`, via: null };
  }
  return { ok: false, error: "timeout", reason: `${ip} is not reachable from here`, via: null };
}

/**
 * Would a connection succeed? Answers like `connect` but leaves no trace: the random generator,
 * round-robin positions and session affinity are as they were, so checking never changes what
 * the learner sees next.
 */
export function probe(cluster: Cluster, client: Client, ip: string, port: number): ConnectResult {
  const rng = cluster.rng.save();
  const affinity = new Map([...cluster.affinity].map(([k, v]) => [k, { ...v }]));
  const roundRobin = new Map(cluster.roundRobin);
  try {
    return connect(cluster, client, ip, port);
  } finally {
    cluster.rng.restore(rng);
    cluster.affinity.clear();
    for (const [k, v] of affinity) cluster.affinity.set(k, v);
    cluster.roundRobin.clear();
    for (const [k, v] of roundRobin) cluster.roundRobin.set(k, v);
  }
}
