// kubectl describe networkpolicy, line for line as kubectl's describe.go (describeNetworkPolicy and
// printNetworkPolicySpecIngressFrom / EgressTo) prints it.
import { formatLabelSelector } from "../labels";
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from "../types";

const INDENT = "    ";

/** Go's time.Time String() in UTC, as metav1.Time prints in "Created on:". */
const goTime = (iso: string) => `${iso.replace("T", " ").replace(/(\.\d+)?Z$/, "")} +0000 UTC`;

function headerLines(policy: NetworkPolicy): string[] {
  const rows: [string, string][] = [
    ["Name:", policy.metadata.name],
    ["Namespace:", policy.metadata.namespace ?? ""],
    ["Created on:", goTime(policy.metadata.creationTimestamp)],
  ];
  const multiline = (label: string, entries: [string, string][]) => {
    if (entries.length === 0) rows.push([label, "<none>"]);
    for (const [i, [k, v]] of entries.entries()) rows.push([i === 0 ? label : "", `${k}=${v}`]);
  };
  multiline("Labels:", Object.entries(policy.metadata.labels ?? {}).sort());
  multiline("Annotations:", Object.entries(policy.metadata.annotations ?? {}).sort());
  // tabwriter with padding 2 over the tabbed header lines
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(width)}${value}`);
}

const portLine = (p: NetworkPolicyPort) =>
  `${INDENT}To Port: ${p.port ?? "<nil>"}${p.endPort !== undefined ? `-${p.endPort}` : ""}/${p.protocol ?? "TCP"}`;

function peerLines(peer: NetworkPolicyPeer, heading: "From:" | "To:"): string[] {
  const lines = [`${INDENT}${heading}`];
  const at1 = `  ${INDENT}`;
  if (peer.podSelector && peer.namespaceSelector)
    lines.push(
      `${at1}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`,
      `${at1}PodSelector: ${formatLabelSelector(peer.podSelector)}`,
    );
  else if (peer.podSelector) lines.push(`${at1}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
  else if (peer.namespaceSelector)
    lines.push(`${at1}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
  else if (peer.ipBlock)
    lines.push(
      `${at1}IPBlock:`,
      `    ${INDENT}CIDR: ${peer.ipBlock.cidr}`,
      `    ${INDENT}Except: ${(peer.ipBlock.except ?? []).join(", ")}`,
    );
  return lines;
}

function ruleLines(
  rules: { ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] }[] | undefined,
  direction: "ingress" | "egress",
): string[] {
  if (!rules?.length) return [`${INDENT}<none> (Selected pods are isolated for ${direction} connectivity)`];
  const heading = direction === "ingress" ? "From:" : "To:";
  const anyPeer =
    direction === "ingress"
      ? "From: <any> (traffic not restricted by source)"
      : "To: <any> (traffic not restricted by destination)";
  return rules.flatMap((rule, i) => [
    ...(rule.ports?.length ? rule.ports.map(portLine) : [`${INDENT}To Port: <any> (traffic allowed to all ports)`]),
    ...(rule.peers?.length ? rule.peers.flatMap((p) => peerLines(p, heading)) : [`${INDENT}${anyPeer}`]),
    ...(i < rules.length - 1 ? [`${INDENT}----------`] : []),
  ]);
}

export function describeNetworkPolicy(policy: NetworkPolicy): string[] {
  const selector = formatLabelSelector(policy.spec.podSelector);
  return [
    ...headerLines(policy),
    "Spec:",
    `  PodSelector:     ${selector === "<none>" ? "<none> (Allowing the specific traffic to all pods in this namespace)" : selector}`,
    "  Allowing ingress traffic:",
    ...ruleLines(
      policy.spec.ingress?.map((r) => ({ ports: r.ports, peers: r.from })),
      "ingress",
    ),
    "  Allowing egress traffic:",
    ...ruleLines(
      policy.spec.egress?.map((r) => ({ ports: r.ports, peers: r.to })),
      "egress",
    ),
    `  Policy Types: ${policy.spec.policyTypes.join(", ")}`,
  ];
}
