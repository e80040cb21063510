import type { Cluster } from "./cluster";
import { formatIPv4, parseCidr, parseIPv4 } from "./ip";
import { comment, saveTables, type Table, TableRules } from "./kube-proxy-iptables";
import { backends } from "./network";
import type { Service, ServicePort } from "./types";

// kube-proxy in IPVS mode (pkg/proxy/ipvs/proxier.go v1.31, ipset.go): every Service address and
// port is an IPVS virtual server bound to the kube-ipvs0 dummy interface, with one real server per
// endpoint and the round-robin scheduler; iptables keeps only a few rules that match ipsets
// (KUBE-CLUSTER-IP, KUBE-NODE-PORT-TCP, ...) to masquerade and accept that traffic. There are no
// KUBE-SVC or KUBE-SEP chains. Left out as in iptables mode: externalIPs, loadBalancerSourceRanges,
// the CNI plugin's rules; SCTP.

const MASQ_MARK = "0x4000";

const services = (cluster: Cluster) =>
  cluster.store
    .list("Service")
    .filter((s) => s.spec.type !== "ExternalName" && s.spec.clusterIP && s.spec.clusterIP !== "None");

/** Which ipsets hold anything on this node (only non-empty sets get their rules). */
function ipsetsInUse(cluster: Cluster, nodeName: string): Set<string> {
  const used = new Set<string>();
  for (const service of services(cluster)) {
    used.add("KUBE-CLUSTER-IP");
    const local = service.spec.externalTrafficPolicy === "Local";
    for (const port of service.spec.ports) {
      const proto = port.protocol === "UDP" ? "UDP" : "TCP";
      if (port.nodePort) {
        used.add(`KUBE-NODE-PORT-${proto}`);
        if (local) used.add(`KUBE-NODE-PORT-LOCAL-${proto}`);
      }
      if ((service.status.loadBalancer.ingress ?? []).length) {
        used.add("KUBE-LOAD-BALANCER");
        if (local) used.add("KUBE-LOAD-BALANCER-LOCAL");
      }
      if (backends(cluster, service, port, nodeName).length) used.add("KUBE-LOOP-BACK");
    }
  }
  return used;
}

/** iptables-save on a node whose kube-proxy runs in IPVS mode (writeIptablesRules, createAndLinkKubeChain). */
export function ipvsIptablesSave(cluster: Cluster, nodeName: string, only?: Table): string {
  const tables = { mangle: new TableRules("mangle"), filter: new TableRules("filter"), nat: new TableRules("nat") };
  const { mangle, filter, nat } = tables;
  for (const t of [mangle, filter, nat]) t.chain("KUBE-KUBELET-CANARY");
  mangle.chain("KUBE-IPTABLES-HINT");
  // The jumps, each prepended (so listed last to first), after the kubelet's KUBE-FIREWALL ones.
  nat.add("PREROUTING", `${comment("kubernetes service portals")} -j KUBE-SERVICES`);
  nat.add("OUTPUT", `${comment("kubernetes service portals")} -j KUBE-SERVICES`);
  nat.add("POSTROUTING", `${comment("kubernetes postrouting rules")} -j KUBE-POSTROUTING`);
  filter.add("INPUT", `${comment("kubernetes ipvs access filter")} -j KUBE-IPVS-FILTER`);
  filter.add("INPUT", `${comment("kube-proxy firewall rules")} -j KUBE-PROXY-FIREWALL`);
  filter.add("INPUT", `${comment("kubernetes health check rules")} -j KUBE-NODE-PORT`);
  filter.add("INPUT", "-j KUBE-FIREWALL");
  filter.add("FORWARD", `${comment("kube-proxy firewall rules")} -j KUBE-PROXY-FIREWALL`);
  filter.add("FORWARD", `${comment("kubernetes forwarding rules")} -j KUBE-FORWARD`);
  filter.add("OUTPUT", `${comment("kubernetes ipvs access filter")} -j KUBE-IPVS-OUT-FILTER`);
  filter.add("OUTPUT", "-j KUBE-FIREWALL");
  filter.add(
    "KUBE-FIREWALL",
    `! -s 127.0.0.0/8 -d 127.0.0.0/8 ${comment("block incoming localnet connections")} -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP`,
  );
  for (const c of ["KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ", "KUBE-NODE-PORT", "KUBE-POSTROUTING", "KUBE-SERVICES"])
    nat.chain(c);
  for (const c of ["KUBE-FORWARD", "KUBE-IPVS-OUT-FILTER", "KUBE-NODE-PORT", "KUBE-PROXY-FIREWALL"]) filter.chain(c);

  const used = ipsetsInUse(cluster, nodeName);
  nat.add("KUBE-SERVICES", "-s 127.0.0.0/8 -j RETURN");
  // ipsetWithIptablesChain, in its order, for the sets that have entries.
  const setRules: [string, string, string, string, string][] = [
    ["KUBE-LOOP-BACK", "KUBE-POSTROUTING", "", "dst,dst,src", "MASQUERADE"],
    ["KUBE-LOAD-BALANCER", "KUBE-SERVICES", "", "dst,dst", "KUBE-LOAD-BALANCER"],
    ["KUBE-LOAD-BALANCER-LOCAL", "KUBE-LOAD-BALANCER", "", "dst,dst", "RETURN"],
    ["KUBE-NODE-PORT-LOCAL-TCP", "KUBE-NODE-PORT", "tcp", "dst", "RETURN"],
    ["KUBE-NODE-PORT-TCP", "KUBE-NODE-PORT", "tcp", "dst", "KUBE-MARK-MASQ"],
    ["KUBE-NODE-PORT-LOCAL-UDP", "KUBE-NODE-PORT", "udp", "dst", "RETURN"],
    ["KUBE-NODE-PORT-UDP", "KUBE-NODE-PORT", "udp", "dst", "KUBE-MARK-MASQ"],
  ];
  for (const [set, from, proto, match, to] of setRules)
    if (used.has(set))
      nat.add(
        from,
        `${proto ? `-p ${proto} ` : ""}${comment(IPSET_COMMENTS[set])} -m set --match-set ${set} ${match} -j ${to}`,
      );
  if (used.has("KUBE-CLUSTER-IP"))
    nat.add(
      "KUBE-SERVICES",
      `! -s ${cluster.podCIDR.text} ${comment(IPSET_COMMENTS["KUBE-CLUSTER-IP"])} -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`,
    );
  nat.add("KUBE-SERVICES", "-m addrtype --dst-type LOCAL -j KUBE-NODE-PORT");
  nat.add("KUBE-LOAD-BALANCER", "-j KUBE-MARK-MASQ");
  filter.add("KUBE-SOURCE-RANGES-FIREWALL", "-j DROP");
  // acceptIPVSTraffic: the end of KUBE-SERVICES accepts what IPVS will handle.
  for (const set of ["KUBE-CLUSTER-IP", "KUBE-LOAD-BALANCER"])
    if (used.has(set)) nat.add("KUBE-SERVICES", `-m set --match-set ${set} dst,dst -j ACCEPT`);
  filter.add(
    "KUBE-FORWARD",
    `${comment("kubernetes forwarding rules")} -m mark --mark ${MASQ_MARK}/${MASQ_MARK} -j ACCEPT`,
  );
  filter.add(
    "KUBE-FORWARD",
    `${comment("kubernetes forwarding conntrack rule")} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
  );
  filter.add(
    "KUBE-NODE-PORT",
    `${comment("Kubernetes health check node port")} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`,
  );
  // Issue 72236: no access to the host's own ports through a Service address.
  for (const set of ["KUBE-LOAD-BALANCER", "KUBE-CLUSTER-IP", "KUBE-EXTERNAL-IP", "KUBE-EXTERNAL-IP-LOCAL"])
    filter.add("KUBE-IPVS-FILTER", `-m set --match-set ${set} dst,dst -j RETURN`);
  filter.add("KUBE-IPVS-FILTER", "-m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN");
  filter.add(
    "KUBE-IPVS-FILTER",
    "-m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable",
  );
  nat.add("KUBE-POSTROUTING", `-m mark ! --mark ${MASQ_MARK}/${MASQ_MARK} -j RETURN`);
  nat.add("KUBE-POSTROUTING", `-j MARK --set-xmark ${MASQ_MARK}/0x0`);
  nat.add("KUBE-POSTROUTING", `${comment("kubernetes service traffic requiring SNAT")} -j MASQUERADE --random-fully`);
  nat.add("KUBE-MARK-MASQ", `-j MARK --set-xmark ${MASQ_MARK}/${MASQ_MARK}`);
  return saveTables(cluster, tables, only);
}

/** The ipsets' comments (pkg/proxy/ipvs/ipset.go). */
const IPSET_COMMENTS: Record<string, string> = {
  "KUBE-LOOP-BACK": "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose",
  "KUBE-CLUSTER-IP": "Kubernetes service cluster ip + port for masquerade purpose",
  "KUBE-LOAD-BALANCER": "Kubernetes service lb portal",
  "KUBE-LOAD-BALANCER-LOCAL": "Kubernetes service load balancer ip + port with externalTrafficPolicy=local",
  "KUBE-NODE-PORT-TCP": "Kubernetes nodeport TCP port for masquerade purpose",
  "KUBE-NODE-PORT-LOCAL-TCP": "Kubernetes nodeport TCP port with externalTrafficPolicy=local",
  "KUBE-NODE-PORT-UDP": "Kubernetes nodeport UDP port for masquerade purpose",
  "KUBE-NODE-PORT-LOCAL-UDP": "Kubernetes nodeport UDP port with externalTrafficPolicy=local",
};

export interface VirtualServer {
  protocol: string;
  address: string;
  port: number;
  /** ClientIP affinity: ipvsadm's "persistent" timeout. */
  persistent?: number;
  reals: string[];
}

/**
 * The virtual servers on `nodeName`: the ClusterIP, each of this node's addresses for a NodePort, each load
 * balancer IP. A policy of Local (internal for the ClusterIP, external for the others) keeps the
 * real servers to this node's endpoints when it has some, else all of them (syncEndpoint: traffic
 * from local pods is still served, kubernetes#97081).
 */
export function virtualServers(cluster: Cluster, nodeName: string): VirtualServer[] {
  // realIPGetter.NodeIPs: the node's own local addresses, without loopback and without kube-ipvs0's
  // (here eth0's and the cni0 bridge's, the pod range's first address: shell/node-tools.ts ip route).
  const node = cluster.store.get("Node", undefined, nodeName);
  const nodeAddresses = node ? [cluster.nodeIP(node), formatIPv4(parseCidr(node.spec.podCIDR).base + 1)] : [];
  const out: VirtualServer[] = [];
  const reals = (service: Service, port: ServicePort, local: boolean) => {
    const here = local ? backends(cluster, service, port, nodeName) : [];
    return (here.length ? here : backends(cluster, service, port))
      .map((b) => ({ address: b.endpoint.addresses[0], port: b.port }))
      .sort((a, b) => ipvsCompare(a.address, b.address) || a.port - b.port)
      .map((r) => `${r.address}:${r.port}`);
  };
  for (const service of services(cluster)) {
    const persistent =
      service.spec.sessionAffinity === "ClientIP"
        ? (service.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800)
        : undefined;
    const externalLocal = service.spec.externalTrafficPolicy === "Local";
    for (const port of service.spec.ports) {
      const base = { protocol: port.protocol, persistent };
      const internal = reals(service, port, service.spec.internalTrafficPolicy === "Local");
      const external = reals(service, port, externalLocal);
      out.push({ ...base, address: service.spec.clusterIP!, port: port.port, reals: internal });
      if (port.nodePort)
        for (const ip of nodeAddresses) out.push({ ...base, address: ip, port: port.nodePort, reals: external });
      for (const ingress of service.status.loadBalancer.ingress ?? [])
        out.push({ ...base, address: ingress.ip, port: port.port, reals: external });
    }
  }
  return out.sort(
    (a, b) => IP_PROTOCOL[a.protocol] - IP_PROTOCOL[b.protocol] || ipvsCompare(a.address, b.address) || a.port - b.port,
  );
}

/** IANA protocol numbers, which ipvsadm compares (IPPROTO_TCP 6, IPPROTO_UDP 17, IPPROTO_SCTP 132). */
const IP_PROTOCOL: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

/**
 * ipvsadm sorts what the kernel hands it (unless --nosort): services by fwmark, family, protocol,
 * address, port (libipvs.c ipvs_cmp_services), each service's real servers by address, port
 * (ipvs_cmp_dests). The address comparison is `r = ntohl(a) - ntohl(b)`, an unsigned difference
 * stored in an int, so two addresses more than 2^31 apart compare the wrong way round: a node's
 * 172.18.0.x sorts before the 10.96.x.x ClusterIPs, as real listings show.
 */
function ipvsCompare(a: string, b: string): number {
  return ((parseIPv4(a) ?? 0) - (parseIPv4(b) ?? 0)) | 0;
}
