// NetworkPolicy (networking.k8s.io/v1) as a policy-enforcing network plugin applies it, on plain data.
// The rules follow the API's own documentation (staging/src/k8s.io/api/networking/v1/types.go) and the
// concept page (kubernetes.io/docs/concepts/services-networking/network-policies/):
//  - a pod is isolated for a direction once any policy in its namespace selects it and lists that
//    policy type; a pod no policy isolates accepts (or sends) everything in that direction;
//  - rules only allow, and the rules of every policy selecting the pod are added together;
//  - a connection needs the source's egress and the destination's ingress to allow it; replies of an
//    allowed connection are never checked again (connection tracking);
//  - a pod cannot block itself, and traffic between a pod and its own node is always allowed;
//  - the plugin sees the packet after kube-proxy's DNAT: the backend pod's address and port.
import { matchesSelector } from "./labels";
import type { ContainerPort, Labels, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Protocol } from "./types";

/** A pod on the pod network, as a policy can select it. */
export interface PolicyPod {
  name: string;
  namespace: string;
  labels: Labels;
  ports: ContainerPort[];
  /** The address of the node the pod runs on (its own node may always reach it). */
  nodeIP: string;
}

/**
 * One end of a connection as the plugin sees it: an address, and the pod behind it when it is a pod
 * on the pod network. A hostNetwork pod or a node is only an address (a podSelector never matches
 * it; upstream leaves hostNetwork pods' behaviour undefined, and plugins treat them as their node).
 */
export interface PolicyEndpoint {
  ip: string;
  pod?: PolicyPod;
}

export interface PolicyWorld {
  policies: readonly NetworkPolicy[];
  /** Labels of a namespace (kubernetes.io/metadata.name is one of them), undefined if it does not exist. */
  namespaceLabels(namespace: string): Labels | undefined;
}

export interface PolicyConnection {
  source: PolicyEndpoint;
  destination: PolicyEndpoint;
  /** The destination port after DNAT (a Service's targetPort, never its port). */
  port: number;
  protocol: Protocol;
}

export type Direction = "Ingress" | "Egress";

export type PolicyVerdict =
  | { allowed: true }
  | { allowed: false; direction: Direction; pod: PolicyPod; policies: string[] };

/** The policies in the pod's namespace that select it and list `direction` in policyTypes. */
export function isolatingPolicies(world: PolicyWorld, pod: PolicyPod, direction: Direction): NetworkPolicy[] {
  return world.policies.filter(
    (p) =>
      p.metadata.namespace === pod.namespace &&
      p.spec.policyTypes.includes(direction) &&
      matchesSelector(pod.labels, p.spec.podSelector),
  );
}

/** ipBlock: inside `cidr` and inside none of `except` (IPv4 only, as the simulator's networks are). */
export function ipBlockContains(block: { cidr: string; except?: string[] }, ip: string): boolean {
  const address = ipv4Number(ip);
  if (address === null) return false;
  return inBlock(block.cidr, address) && !(block.except ?? []).some((e) => inBlock(e, address));
}

function ipv4Number(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Whether `address` lies in a CIDR of any prefix length, /0 to /32. */
function inBlock(cidr: string, address: number): boolean {
  const [base, bitsText] = cidr.split("/");
  const start = ipv4Number(base);
  const bits = Number(bitsText);
  if (start === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(start / size);
}

/**
 * NetworkPolicyPeer: an ipBlock matches addresses; selectors match pods only. podSelector alone means
 * pods in the policy's namespace; namespaceSelector alone, every pod in the selected namespaces; both
 * in one peer, the selected pods of the selected namespaces (AND). Separate peers are ORed by the caller.
 */
export function peerMatches(
  world: PolicyWorld,
  peer: NetworkPolicyPeer,
  endpoint: PolicyEndpoint,
  policyNamespace: string,
): boolean {
  if (peer.ipBlock) return ipBlockContains(peer.ipBlock, endpoint.ip);
  const pod = endpoint.pod;
  if (!pod) return false;
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(world.namespaceLabels(pod.namespace), peer.namespaceSelector)
    : pod.namespace === policyNamespace;
  return namespaceOk && (!peer.podSelector || matchesSelector(pod.labels, peer.podSelector));
}

/**
 * NetworkPolicyPort: protocol (TCP when unset) and port must both match; no port means every port; a
 * numeric port with endPort is a range; a named port is looked up on the destination pod's containers
 * (so it matches nothing when the destination is not a pod).
 */
export function portMatches(rulePort: NetworkPolicyPort, connection: PolicyConnection): boolean {
  if ((rulePort.protocol ?? "TCP") !== connection.protocol) return false;
  const port = rulePort.port;
  if (port === undefined) return true;
  if (typeof port === "number")
    return rulePort.endPort !== undefined
      ? connection.port >= port && connection.port <= rulePort.endPort
      : connection.port === port;
  return (connection.destination.pod?.ports ?? []).some(
    (p) => p.name === port && (p.protocol ?? "TCP") === connection.protocol && p.containerPort === connection.port,
  );
}

const anyPortMatches = (ports: NetworkPolicyPort[] | undefined, connection: PolicyConnection) =>
  !ports?.length || ports.some((p) => portMatches(p, connection));

const anyPeerMatches = (
  world: PolicyWorld,
  peers: NetworkPolicyPeer[] | undefined,
  endpoint: PolicyEndpoint,
  namespace: string,
) => !peers?.length || peers.some((peer) => peerMatches(world, peer, endpoint, namespace));

const samePod = (a: PolicyEndpoint, b: PolicyEndpoint) =>
  a.pod !== undefined && b.pod !== undefined && a.pod.namespace === b.pod.namespace && a.pod.name === b.pod.name;

/** The rules of a policy for one direction, with their peers under one name. */
const rulesOf = (policy: NetworkPolicy, direction: Direction) =>
  direction === "Ingress"
    ? (policy.spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from }))
    : (policy.spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to }));

/** One side's check: the destination's ingress (peer = source) or the source's egress (peer = destination). */
function sideVerdict(world: PolicyWorld, connection: PolicyConnection, direction: Direction): PolicyVerdict {
  const [own, peer] =
    direction === "Ingress" ? [connection.destination, connection.source] : [connection.source, connection.destination];
  const pod = own.pod;
  if (!pod) return { allowed: true };
  const policies = isolatingPolicies(world, pod, direction);
  if (policies.length === 0 || samePod(own, peer) || peer.ip === pod.nodeIP) return { allowed: true };
  const allowed = policies.some((p) =>
    rulesOf(p, direction).some(
      (rule) =>
        anyPortMatches(rule.ports, connection) && anyPeerMatches(world, rule.peers, peer, p.metadata.namespace!),
    ),
  );
  return allowed
    ? { allowed: true }
    : { allowed: false, direction, pod, policies: policies.map((p) => p.metadata.name) };
}

/** Whether a new connection may open: the source's egress first, then the destination's ingress. */
export function evaluateConnection(world: PolicyWorld, connection: PolicyConnection): PolicyVerdict {
  const egress = sideVerdict(world, connection, "Egress");
  return egress.allowed ? sideVerdict(world, connection, "Ingress") : egress;
}

/** A short, readable reason for a refusal, for the simulator's traces. */
export function describeVerdict(verdict: PolicyVerdict): string {
  if (verdict.allowed) return "allowed by NetworkPolicy";
  const pod = `${verdict.pod.namespace}/${verdict.pod.name}`;
  const which = verdict.policies.join(", ");
  return verdict.direction === "Egress"
    ? `NetworkPolicy dropped it: no egress rule of ${which} (isolating ${pod}) allows this destination and port`
    : `NetworkPolicy dropped it: no ingress rule of ${which} (isolating ${pod}) allows this source and port`;
}
