import type { Cluster } from "./cluster";
import { serviceEndpoints } from "./endpointslice-controller";
import { cidrContains, parseIPv4 } from "./ip";
import { policyDrop } from "./network-policy-enforcement";
import { podListensOn } from "./pod-runtime";
import { forwardedConnection } from "./port-forward";
import type { Endpoint, Pod, Service, ServicePort } from "./types";

/** Where a connection starts: a pod, a node, or the machine outside the cluster. */
export type Client = { kind: "pod"; pod: Pod } | { kind: "node"; nodeName: string } | { kind: "outside" };

export interface Hop {
  kind: "service" | "nodeport" | "loadbalancer";
  service: Service;
  port: ServicePort;
}

/** kube-proxy's health check server for a LoadBalancer Service with externalTrafficPolicy Local. */
export interface HealthCheck {
  service: Service;
  localEndpoints: number;
}

export type ConnectResult =
  | {
      ok: true;
      pod: Pod;
      ip: string;
      port: number;
      via: Hop | null;
      /** The source address the server sees: after kube-proxy's SNAT, if any. */
      clientIP: string;
      /** Set when kube-proxy itself answered on a healthCheckNodePort. */
      healthCheck?: HealthCheck;
      /** How kube-proxy picked this endpoint, when the connection went through a Service. */
      choice?: EndpointChoice;
    }
  | {
      ok: false;
      /** refused: RST to the SYN; timeout: no answer at all; closed: accepted, then closed with no reply. */
      error: "refused" | "timeout" | "closed";
      reason: string;
      via: Hop | null;
    };

/**
 * The rule kube-proxy applied to pick one connection's endpoint, so a view can say why this pod answered:
 * the sticky endpoint of ClientIP affinity, a random pick (iptables' statistic match), or IPVS's round robin.
 */
export interface EndpointChoice {
  rule: "session-affinity" | "random" | "round-robin";
  /** How many endpoints the choice was among, after the traffic policy. */
  among: number;
  /** The node a Local traffic policy kept the choice to, if one did. */
  localTo: string | null;
  /** No endpoint was ready, so kube-proxy fell back to serving, terminating ones. */
  terminating: boolean;
}

/**
 * Where a packet starts, as kube-proxy tells traffic apart: from a pod (its source is in the cluster
 * CIDR, kubeadm's detectLocalMode ClusterCIDR), from a node's own network namespace (host-network pods
 * share it), or from outside the cluster.
 */
type Origin =
  | { kind: "pod"; pod: Pod; node: string; ip: string }
  | { kind: "host"; node: string; ip: string }
  | { kind: "outside"; ip: string };

function originOf(cluster: Cluster, client: Client): Origin {
  if (client.kind === "pod") {
    const pod = client.pod;
    const node = pod.spec.nodeName ?? "";
    return pod.spec.hostNetwork
      ? { kind: "host", node, ip: pod.status.podIP ?? "" }
      : { kind: "pod", pod, node, ip: pod.status.podIP ?? "" };
  }
  if (client.kind === "node") return { kind: "host", node: client.nodeName, ip: nodeAddress(cluster, client.nodeName) };
  return { kind: "outside", ip: cluster.outsideHostIP };
}

const nodeAddress = (cluster: Cluster, name: string) => {
  const node = cluster.store.get("Node", undefined, name);
  return node ? cluster.nodeIP(node) : "";
};

export function clientIP(cluster: Cluster, client: Client): string {
  return originOf(cluster, client).ip;
}

/**
 * Where kube-proxy sends an address: the store's indexes (store.ts serviceAt, podWithIP, nodeWithIP),
 * kept up to date on every write, so the first connection after a write rebuilds nothing. Where
 * several objects share an address the last in list order answers, as when these were Maps filled
 * by a walk over every Service, pod and node.
 */
interface RoutingTable {
  byClusterIP: { get(ip: string): Service | undefined; has(ip: string): boolean };
  byNodePort: { get(port: number): { service: Service; port: ServicePort } | undefined };
  byHealthCheckPort: { get(port: number): Service | undefined };
  byLoadBalancerIP: { get(ip: string): Service | undefined; has(ip: string): boolean };
  podByIP: { get(ip: string): Pod | undefined };
  nodeByIP: { get(ip: string): string | undefined };
}

function routingTable(cluster: Cluster): RoutingTable {
  const store = cluster.store;
  return {
    byClusterIP: {
      get: (ip) => store.serviceAt("clusterIP", ip),
      has: (ip) => store.serviceAt("clusterIP", ip) !== undefined,
    },
    byNodePort: {
      get: (nodePort) => {
        const service = store.serviceAt("nodePort", nodePort);
        const port = service?.spec.ports.findLast((p) => p.nodePort === nodePort);
        return service && port ? { service, port } : undefined;
      },
    },
    byHealthCheckPort: { get: (port) => store.serviceAt("healthCheckNodePort", port) },
    byLoadBalancerIP: {
      get: (ip) => store.serviceAt("loadBalancer", ip),
      has: (ip) => store.serviceAt("loadBalancer", ip) !== undefined,
    },
    podByIP: { get: (ip) => store.podWithIP(ip) },
    nodeByIP: { get: (ip) => store.nodeWithIP(ip)?.metadata.name },
  };
}

/**
 * The routing table as a walk over every Service, pod and node builds it: the reconcile check compares
 * it with the store's indexes (routingIndexProblems).
 */
function walkedRoutingTable(cluster: Cluster) {
  const table = {
    byClusterIP: new Map<string, Service>(),
    byNodePort: new Map<number, { service: Service; port: ServicePort }>(),
    byHealthCheckPort: new Map<number, Service>(),
    byLoadBalancerIP: new Map<string, Service>(),
    podByIP: new Map<string, Pod>(),
    nodeByIP: new Map<string, string>(),
  };
  for (const s of cluster.store.list("Service")) {
    if (s.spec.clusterIP && s.spec.clusterIP !== "None") table.byClusterIP.set(s.spec.clusterIP, s);
    for (const p of s.spec.ports) if (p.nodePort) table.byNodePort.set(p.nodePort, { service: s, port: p });
    if (s.spec.healthCheckNodePort) table.byHealthCheckPort.set(s.spec.healthCheckNodePort, s);
    for (const ingress of s.status.loadBalancer.ingress ?? []) table.byLoadBalancerIP.set(ingress.ip, s);
  }
  for (const pod of cluster.pods())
    if (pod.status.podIP && !pod.spec.hostNetwork) table.podByIP.set(pod.status.podIP, pod);
  for (const node of cluster.nodes()) table.nodeByIP.set(cluster.nodeIP(node), node.metadata.name);
  return table;
}

/** Where the store's routing indexes disagree with a walk over everything (for the reconcile check). */
export function routingIndexProblems(cluster: Cluster): string[] {
  const walked = walkedRoutingTable(cluster);
  const indexed = routingTable(cluster);
  const problems: string[] = [];
  const compare = <K, V>(
    what: string,
    map: Map<K, V>,
    get: (k: K) => V | undefined,
    same = (a: V, b: V) => a === b,
  ) => {
    for (const [k, v] of map) {
      const found = get(k);
      if (found === undefined || !same(found, v)) problems.push(`${what} ${k}`);
    }
  };
  compare("ClusterIP", walked.byClusterIP, indexed.byClusterIP.get);
  compare(
    "NodePort",
    walked.byNodePort,
    indexed.byNodePort.get,
    (a, b) => a.service === b.service && a.port === b.port,
  );
  compare("healthCheckNodePort", walked.byHealthCheckPort, indexed.byHealthCheckPort.get);
  compare("load balancer IP", walked.byLoadBalancerIP, indexed.byLoadBalancerIP.get);
  compare("pod IP", walked.podByIP, indexed.podByIP.get);
  compare("node IP", walked.nodeByIP, indexed.nodeByIP.get);
  // And nothing the walk does not find: every indexed key answers in the walk too.
  const counts = cluster.store.routingIndexSizes();
  if (counts.podIPs !== walked.podByIP.size)
    problems.push(`${counts.podIPs} pod IPs indexed, ${walked.podByIP.size} walked`);
  const serviceKeys =
    walked.byClusterIP.size + walked.byNodePort.size + walked.byHealthCheckPort.size + walked.byLoadBalancerIP.size;
  if (counts.serviceKeys !== serviceKeys)
    problems.push(`${counts.serviceKeys} Service addresses indexed, ${serviceKeys} walked`);
  if (counts.nodeIPs !== walked.nodeByIP.size)
    problems.push(`${counts.nodeIPs} node IPs indexed, ${walked.nodeByIP.size} walked`);
  return problems;
}

/** An endpoint together with the port number its slice resolved the Service port to. */
export interface Backend {
  endpoint: Endpoint;
  port: number;
}

/**
 * The endpoints kube-proxy programs for one Service port: ready ones; when none is ready, serving
 * endpoints that are terminating (KEP-1669; pkg/proxy/topology.go CategorizeEndpoints). A
 * terminating endpoint is never ready, so while any ready endpoint exists kube-proxy sends no new
 * connection to a terminating pod, even one whose process still serves. A pod whose slice lacks the port (a named targetPort it
 * does not declare) is not a backend for that port. With `onNode`, only that node's endpoints are
 * considered, as kube-proxy picks a Local policy's endpoints (CategorizeEndpoints, pkg/proxy/topology.go).
 */
export function backends(cluster: Cluster, service: Service, port: ServicePort, onNode?: string): Backend[] {
  const all: Backend[] = [];
  for (const { endpoint, ports } of serviceEndpoints(cluster, service)) {
    if (onNode !== undefined && endpoint.nodeName !== onNode) continue;
    const resolved = ports.find((p) => p.name === (port.name ?? "") && p.protocol === port.protocol);
    if (resolved) all.push({ endpoint, port: resolved.port });
  }
  const ready = all.filter((b) => b.endpoint.conditions.ready);
  return ready.length > 0
    ? ready
    : all.filter((b) => b.endpoint.conditions.serving && b.endpoint.conditions.terminating);
}

/**
 * kube-proxy's choice of endpoint for one new connection. ClientIP affinity sends a client back to the
 * endpoint it had, until the timeout passes without traffic. In iptables mode the choice is random;
 * IPVS mode defaults to round robin.
 */
function choose(
  cluster: Cluster,
  service: Service,
  candidates: Backend[],
  client: string,
): { chosen: Backend; rule: EndpointChoice["rule"] } {
  const key = `${service.metadata.uid}/${client}`;
  if (service.spec.sessionAffinity === "ClientIP") {
    const timeout = (service.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800) * 1000;
    const sticky = cluster.affinity.get(key);
    const still =
      sticky && cluster.now() - sticky.lastUsed <= timeout
        ? candidates.find((b) => b.endpoint.addresses[0] === sticky.ip)
        : undefined;
    if (still) {
      sticky!.lastUsed = cluster.now();
      return { chosen: still, rule: "session-affinity" };
    }
  }
  let chosen: Backend;
  const rule = cluster.options.proxyMode === "ipvs" ? "round-robin" : "random";
  if (rule === "round-robin") {
    const rrKey = service.metadata.uid;
    const next = cluster.roundRobin.get(rrKey) ?? 0;
    chosen = candidates[next % candidates.length];
    cluster.roundRobin.set(rrKey, next + 1);
  } else {
    chosen = cluster.rng.pick(candidates);
  }
  if (service.spec.sessionAffinity === "ClientIP")
    cluster.affinity.set(key, { ip: chosen.endpoint.addresses[0], lastUsed: cluster.now() });
  return { chosen, rule };
}

/**
 * How kube-proxy treats one connection to a Service (pkg/proxy/iptables/proxier.go; nftables does the
 * same): which endpoints it may use and the source address the endpoint will see.
 *  - Internal (ClusterIP): internalTrafficPolicy Local keeps to endpoints on the client's node and
 *    drops the connection when there is none; traffic from outside the pod network is masqueraded.
 *  - External (NodePort, LoadBalancer IP) arriving at `node`: with externalTrafficPolicy Cluster it is
 *    always masqueraded to the node's address; with Local, traffic from a pod is "short-circuited" to
 *    every endpoint with its source kept, traffic from the node itself is masqueraded and sent to every
 *    endpoint, and anything else may use only endpoints on that node, source kept, dropped when none.
 */
type Policy = { only: string | null; snatTo: string | null; dropReason: string };

function policyFor(cluster: Cluster, service: Service, origin: Origin, entry: "internal" | string): Policy {
  const name = `${service.metadata.namespace}/${service.metadata.name}`;
  if (entry === "internal") {
    const local = service.spec.internalTrafficPolicy === "Local" && origin.kind !== "outside";
    return {
      only: local ? (origin as { node: string }).node : null,
      snatTo: null,
      dropReason: `${name} has no local endpoints on this node (internalTrafficPolicy: Local): kube-proxy drops the packet`,
    };
  }
  const node = entry;
  const entryIP = nodeAddress(cluster, node);
  if (service.spec.externalTrafficPolicy !== "Local") return { only: null, snatTo: entryIP, dropReason: "" };
  if (origin.kind === "pod") return { only: null, snatTo: null, dropReason: "" };
  if (origin.kind === "host" && origin.node === node) return { only: null, snatTo: entryIP, dropReason: "" };
  return {
    only: node,
    snatTo: null,
    dropReason: `${name} has no local endpoints on ${node} (externalTrafficPolicy: Local): kube-proxy drops the packet`,
  };
}

function deliver(cluster: Cluster, origin: Origin, via: Hop, entry: "internal" | string): ConnectResult {
  const { service, port } = via;
  const all = backends(cluster, service, port);
  if (all.length === 0) {
    // No endpoints at all: kube-proxy REJECTs (ICMP port unreachable), whatever the policies.
    return {
      ok: false,
      error: "refused",
      reason: `service ${service.metadata.namespace}/${service.metadata.name} has no ready endpoints`,
      via,
    };
  }
  const policy = policyFor(cluster, service, origin, entry);
  // CategorizeEndpoints (pkg/proxy/topology.go) falls back to serving terminating endpoints
  // separately for Cluster and for Local: a node whose local endpoints are all terminating uses
  // those, even while ready endpoints exist on other nodes.
  const candidates = policy.only ? backends(cluster, service, port, policy.only) : all;
  if (candidates.length === 0) return { ok: false, error: "timeout", reason: policy.dropReason, via };
  const { chosen, rule } = choose(cluster, service, candidates, origin.ip);
  const choice: EndpointChoice = {
    rule,
    among: candidates.length,
    localTo: policy.only,
    terminating: !chosen.endpoint.conditions.ready,
  };
  // kube-proxy DNATs to the endpoint's address; an endpoint written by hand names no pod, and whatever
  // pod holds that address answers.
  const pod = chosen.endpoint.targetRef
    ? cluster.store.get("Pod", chosen.endpoint.targetRef.namespace, chosen.endpoint.targetRef.name)
    : routingTable(cluster).podByIP.get(chosen.endpoint.addresses[0]);
  if (!pod) return { ok: false, error: "timeout", reason: `endpoint ${chosen.endpoint.addresses[0]} is gone`, via };
  // NetworkPolicy sees the packet after DNAT: the backend's address and targetPort. A dropped SYN times out.
  const dropped = policyDrop(cluster, origin.ip, chosen.endpoint.addresses[0], chosen.port, "TCP", pod);
  if (dropped) return { ok: false, error: "timeout", reason: dropped, via };
  if (!podListensOn(pod, chosen.port))
    return {
      ok: false,
      error: "refused",
      reason: `pod ${pod.metadata.name} does not listen on port ${chosen.port}`,
      via,
    };
  // A pod that reaches itself through a Service is masqueraded too (hairpin), to its node's address.
  const hairpin = origin.kind === "pod" && origin.pod.metadata.uid === pod.metadata.uid;
  const source = policy.snatTo ?? (hairpin ? nodeAddress(cluster, origin.node) : origin.ip);
  return { ok: true, pod, ip: chosen.endpoint.addresses[0], port: chosen.port, via, clientIP: source, choice };
}

const LOOPBACK = { base: 0x7f000000, prefix: 8, size: 2 ** 24, text: "127.0.0.0/8" };

/** A process in the node's own network namespace (a host-network pod) that listens on the port. */
const hostProcess = (cluster: Cluster, node: string, port: number) =>
  cluster.store.hostNetworkPodsOn(node).find((p) => !p.metadata.deletionTimestamp && podListensOn(p, port));

/**
 * kube-proxy's health check server on a healthCheckNodePort (pkg/proxy/healthcheck/service_health.go):
 * it listens on every node address and reports how many local endpoints the Service has there.
 */
function healthCheck(
  cluster: Cluster,
  service: Service,
  node: string,
  ip: string,
  port: number,
  source: string,
): ConnectResult {
  const proxy = cluster
    .pods("kube-system")
    .find((p) => p.metadata.labels?.["k8s-app"] === "kube-proxy" && p.spec.nodeName === node);
  if (!proxy) return { ok: false, error: "refused", reason: `nothing listens on ${ip}:${port}`, via: null };
  const localEndpoints = serviceEndpoints(cluster, service).filter(
    ({ endpoint }) => endpoint.nodeName === node && endpoint.conditions.ready,
  ).length;
  return { ok: true, pod: proxy, ip, port, via: null, clientIP: source, healthCheck: { service, localEndpoints } };
}

/** A connection to one of `node`'s own addresses (its IP, or 127.0.0.1 from inside the node). */
function toNode(
  cluster: Cluster,
  origin: Origin,
  node: string,
  ip: string,
  port: number,
  loopback: boolean,
): ConnectResult {
  const table = routingTable(cluster);
  const process = hostProcess(cluster, node, port);
  if (process) {
    const dropped = loopback ? null : policyDrop(cluster, origin.ip, ip, port, "TCP");
    if (dropped) return { ok: false, error: "timeout", reason: dropped, via: null };
    return { ok: true, pod: process, ip, port, via: null, clientIP: loopback ? ip : origin.ip };
  }
  const nodePort = table.byNodePort.get(port);
  if (nodePort) {
    // KubeProxyConfiguration iptables.localhostNodePorts (default true): the iptables mode accepts NodePorts
    // on 127.0.0.1 (route_localnet) and masquerades them; IPVS and nftables never do.
    if (loopback && cluster.options.proxyMode !== "iptables")
      return {
        ok: false,
        error: "refused",
        reason: `kube-proxy in ${cluster.options.proxyMode} mode does not serve NodePorts on localhost`,
        via: null,
      };
    const via: Hop = { kind: "nodeport", ...nodePort };
    return deliver(cluster, loopback ? { kind: "host", node, ip } : origin, via, node);
  }
  const checked = table.byHealthCheckPort.get(port);
  if (checked && !loopback) return healthCheck(cluster, checked, node, ip, port, origin.ip);
  return { ok: false, error: "refused", reason: `nothing listens on ${ip}:${port}`, via: null };
}

/**
 * The node a load balancer sends a connection to, as MetalLB in layer-2 mode does: one node answers for
 * the address; with externalTrafficPolicy Local only a node with a ready local endpoint may (the cloud
 * load balancers' health checks on healthCheckNodePort make the same choice). The first such node by name.
 */
function loadBalancerNode(cluster: Cluster, service: Service): string | null {
  const nodes = cluster.nodes().map((n) => n.metadata.name);
  if (service.spec.externalTrafficPolicy !== "Local") return nodes[0] ?? null;
  const withEndpoints = new Set(
    serviceEndpoints(cluster, service)
      .filter(({ endpoint }) => endpoint.conditions.ready)
      .map(({ endpoint }) => endpoint.nodeName),
  );
  return nodes.find((n) => withEndpoints.has(n)) ?? null;
}

/** Opens a TCP connection from `client` to ip:port, following kube-proxy's rules. */
export function connect(cluster: Cluster, client: Client, ip: string, port: number): ConnectResult {
  const table = routingTable(cluster);
  const origin = originOf(cluster, client);
  const ipNumber = parseIPv4(ip);

  if (ipNumber !== null && cidrContains(LOOPBACK, ipNumber)) {
    // Containers of a pod share one network namespace, so localhost is the pod itself; a host-network
    // pod shares the node's, so localhost is the node.
    if (origin.kind === "pod") {
      return podListensOn(origin.pod, port)
        ? { ok: true, pod: origin.pod, ip, port, via: null, clientIP: ip }
        : {
            ok: false,
            error: "refused",
            reason: `nothing in pod ${origin.pod.metadata.name} listens on port ${port}`,
            via: null,
          };
    }
    if (origin.kind === "host") return toNode(cluster, origin, origin.node, ip, port, true);
    // On the learner's machine, a `kubectl port-forward` may be listening (port-forward.ts).
    const forwarded = forwardedConnection(cluster, ip, port);
    if (forwarded) return forwarded;
    return { ok: false, error: "refused", reason: `nothing listens on port ${port} of your own machine`, via: null };
  }

  const service = table.byClusterIP.get(ip);
  if (service) {
    const servicePort = service.spec.ports.find((p) => p.port === port && p.protocol === "TCP");
    if (origin.kind === "outside")
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
    return deliver(cluster, origin, { kind: "service", service, port: servicePort }, "internal");
  }
  const nodeName = table.nodeByIP.get(ip);
  if (nodeName) return toNode(cluster, origin, nodeName, ip, port, false);

  const lbService = table.byLoadBalancerIP.get(ip);
  if (lbService) {
    const servicePort = lbService.spec.ports.find((p) => p.port === port && p.protocol === "TCP");
    if (!servicePort)
      return { ok: false, error: "timeout", reason: `the load balancer has no listener on port ${port}`, via: null };
    const via: Hop = { kind: "loadbalancer", service: lbService, port: servicePort };
    // kube-proxy captures LoadBalancer IPs on every node, so a client inside the cluster never leaves its
    // node: the connection is handled there as external traffic.
    if (origin.kind !== "outside") return deliver(cluster, origin, via, origin.node);
    const entry = loadBalancerNode(cluster, lbService);
    if (!entry)
      return {
        ok: false,
        error: "timeout",
        reason: `no node passes the load balancer's health check (no ready local endpoint; externalTrafficPolicy: Local)`,
        via,
      };
    return deliver(cluster, origin, via, entry);
  }
  if (ipNumber !== null && cidrContains(cluster.podCIDR, ipNumber)) {
    if (origin.kind === "outside")
      return {
        ok: false,
        error: "timeout",
        reason: `${ip} is a pod IP: the pod network is not routed outside the cluster`,
        via: null,
      };
    const pod = table.podByIP.get(ip);
    if (!pod || (pod.metadata.deletionTimestamp && !cluster.runtime.has(pod.metadata.uid)))
      return { ok: false, error: "timeout", reason: `no pod has the address ${ip}`, via: null };
    const dropped = policyDrop(cluster, origin.ip, ip, port, "TCP", pod);
    if (dropped) return { ok: false, error: "timeout", reason: dropped, via: null };
    // Readiness does not matter here: it only decides whether a pod is a Service endpoint.
    if (!podListensOn(pod, port))
      return {
        ok: false,
        error: "refused",
        reason: `pod ${pod.metadata.name} does not listen on port ${port}`,
        via: null,
      };
    return { ok: true, pod, ip, port, via: null, clientIP: origin.ip };
  }
  if (ipNumber !== null && cidrContains(cluster.serviceCIDR, ipNumber)) {
    return { ok: false, error: "timeout", reason: `no Service has the ClusterIP ${ip}`, via: null };
  }
  return { ok: false, error: "timeout", reason: `${ip} is not reachable from here`, via: null };
}

/**
 * Does an ICMP echo to `ip` get a reply, and with what TTL? The reply leaves at 64 and loses one at
 * each node that forwards it: none between two hosts on the node network, one for each pod network
 * namespace it has to be routed into or out of (a pod's own node forwards its traffic).
 * A ClusterIP belongs to no interface in iptables mode, so kube-proxy's port-based rules never answer a
 * ping; in IPVS mode every ClusterIP is bound to the kube-ipvs0 dummy interface of each node, so the
 * client's own node replies.
 */
export function pingReply(cluster: Cluster, client: Client, ip: string): { ttl: number } | null {
  const table = routingTable(cluster);
  const origin = originOf(cluster, client);
  const ipNumber = parseIPv4(ip);
  const fromNode = origin.kind === "outside" ? null : origin.node;
  if (ipNumber !== null && cidrContains(LOOPBACK, ipNumber)) return { ttl: 64 };
  if (ip === origin.ip) return { ttl: 64 };
  if (table.byClusterIP.has(ip) || table.byLoadBalancerIP.has(ip))
    return cluster.options.proxyMode === "ipvs" && fromNode ? { ttl: 64 } : null;
  const nodeName = table.nodeByIP.get(ip);
  const intoPod = origin.kind === "pod" ? 1 : 0;
  if (nodeName) return { ttl: 64 - intoPod };
  const pod = table.podByIP.get(ip);
  if (pod && ipNumber !== null && cidrContains(cluster.podCIDR, ipNumber)) {
    if (origin.kind === "outside" || (pod.metadata.deletionTimestamp && !cluster.runtime.has(pod.metadata.uid)))
      return null;
    // Out of the target pod's node (unless that node is the asking host itself), then into the asking pod.
    const outOfPod = origin.kind === "host" && pod.spec.nodeName === fromNode ? 0 : 1;
    return { ttl: 64 - outOfPod - intoPod };
  }
  return Object.values(cluster.options.externalDNS).includes(ip) ? { ttl: 52 } : null;
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
