// The API server's side of NetworkPolicy: validation (pkg/apis/networking/validation/validation.go)
// and defaulting (pkg/apis/networking/v1/defaults.go) of a manifest, then create or update.
import type { Cluster } from "./cluster";
import { invalid } from "./errors";
import { admitToNamespace } from "./namespace-lifecycle";
import { ipBlockContains } from "./network-policy";
import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from "./types";

export interface NetworkPolicyManifest {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: NetworkPolicyIngressRule[];
    egress?: NetworkPolicyEgressRule[];
  };
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const validCidr = (text: unknown) =>
  typeof text === "string" &&
  CIDR.test(text) &&
  text
    .split(/[./]/)
    .slice(0, 4)
    .every((p) => Number(p) <= 255) &&
  Number(text.split("/")[1]) <= 32;

function portProblems(port: NetworkPolicyPort, path: string): string[] {
  const problems: string[] = [];
  if (port.protocol !== undefined && !["TCP", "UDP", "SCTP"].includes(port.protocol))
    problems.push(`${path}.protocol: Unsupported value: "${port.protocol}": supported values: "TCP", "UDP", "SCTP"`);
  if (typeof port.port === "number" && (port.port < 1 || port.port > 65535 || !Number.isInteger(port.port)))
    problems.push(`${path}.port: Invalid value: ${port.port}: must be between 1 and 65535, inclusive`);
  if (port.endPort !== undefined) {
    const bad = (why: string) => problems.push(`${path}.endPort: Invalid value: ${port.endPort}: ${why}`);
    if (port.port === undefined) bad("may not be specified when `port` is not specified");
    else if (typeof port.port === "string") bad("may not be specified when `port` is non-numeric");
    else if (port.endPort < port.port) bad("must be greater than or equal to `port`");
  }
  return problems;
}

function peerProblems(peer: NetworkPolicyPeer, path: string): string[] {
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((p) => p !== undefined).length;
  if (count === 0) return [`${path}: Required value: must specify a peer`];
  if (peer.ipBlock && count > 1) return [`${path}: Forbidden: may not specify both ipBlock and another peer`];
  if (!peer.ipBlock) return [];
  const { cidr, except = [] } = peer.ipBlock;
  if (!cidr) return [`${path}.ipBlock.cidr: Required value`];
  if (!validCidr(cidr))
    return [`${path}.ipBlock.cidr: Invalid value: "${cidr}": must be a valid CIDR value, (e.g. 10.9.8.0/24)`];
  return except.flatMap((e, i) => {
    const bits = Number(e.split("/")[1]);
    const strictSubset =
      validCidr(e) && bits > Number(cidr.split("/")[1]) && ipBlockContains({ cidr }, e.split("/")[0]);
    return strictSubset
      ? []
      : [`${path}.ipBlock.except[${i}]: Invalid value: "${e}": must be a strict subset of \`cidr\``];
  });
}

function ruleProblems(
  rules: (NetworkPolicyIngressRule | NetworkPolicyEgressRule)[] | undefined,
  path: string,
  peersField: "from" | "to",
): string[] {
  return (rules ?? []).flatMap((rule, i) => {
    const peers = (rule as Record<string, NetworkPolicyPeer[] | undefined>)[peersField] ?? [];
    return [
      ...(rule.ports ?? []).flatMap((p, j) => portProblems(p, `${path}[${i}].ports[${j}]`)),
      ...peers.flatMap((p, j) => peerProblems(p, `${path}[${i}].${peersField}[${j}]`)),
    ];
  });
}

const withTcpDefault = <R extends { ports?: NetworkPolicyPort[] }>(rules: R[] | undefined): R[] | undefined =>
  rules?.map((r) => (r.ports ? { ...r, ports: r.ports.map((p) => ({ protocol: "TCP" as const, ...p })) } : r));

/**
 * Validates and defaults a manifest into the object the API server stores: policyTypes defaults to
 * ["Ingress"] plus "Egress" when there are egress rules, and every port's protocol to TCP.
 */
export function networkPolicyFromManifest(cluster: Cluster, m: NetworkPolicyManifest): NetworkPolicy {
  const spec = m.spec;
  const problems = [
    ...(spec.policyTypes ?? []).flatMap((t, i) =>
      t === "Ingress" || t === "Egress"
        ? []
        : [`spec.policyTypes[${i}]: Unsupported value: "${t}": supported values: "Ingress", "Egress"`],
    ),
    ...ruleProblems(spec.ingress, "spec.ingress", "from"),
    ...ruleProblems(spec.egress, "spec.egress", "to"),
  ];
  if (problems.length) throw invalid("NetworkPolicy", m.name, problems);
  const policyTypes = spec.policyTypes?.length
    ? (spec.policyTypes as NetworkPolicy["spec"]["policyTypes"])
    : spec.egress?.length
      ? (["Ingress", "Egress"] as const).slice()
      : ["Ingress" as const];
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: cluster.meta(m.name, m.namespace, {
      ...(m.labels ? { labels: m.labels } : {}),
      ...(m.annotations ? { annotations: m.annotations } : {}),
    }),
    spec: {
      podSelector: spec.podSelector ?? {},
      policyTypes,
      ...(spec.ingress ? { ingress: withTcpDefault(spec.ingress) } : {}),
      ...(spec.egress ? { egress: withTcpDefault(spec.egress) } : {}),
    },
  };
}

/** kubectl apply of a NetworkPolicy: "created", "configured" or "unchanged". */
export function applyNetworkPolicy(cluster: Cluster, manifest: NetworkPolicyManifest): string {
  const existing = cluster.store.get("NetworkPolicy", manifest.namespace, manifest.name);
  // A create passes the NamespaceLifecycle admission (mutating, so before validation).
  if (!existing) admitToNamespace(cluster, manifest.namespace, "NetworkPolicy", manifest.name);
  const desired = networkPolicyFromManifest(cluster, manifest);
  if (!existing) {
    cluster.save(desired);
    return "created";
  }
  const same =
    JSON.stringify([existing.spec, existing.metadata.labels ?? {}]) ===
    JSON.stringify([desired.spec, desired.metadata.labels ?? {}]);
  if (same) return "unchanged";
  existing.spec = desired.spec;
  existing.metadata.labels = desired.metadata.labels;
  cluster.save(existing);
  return "configured";
}
