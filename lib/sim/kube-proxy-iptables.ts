import type { Cluster } from "./cluster";
import { type Backend, backends } from "./network";
import { base32, sha256 } from "./sha256";
import type { Service, ServicePort } from "./types";

// The iptables rules kube-proxy (iptables mode) programs on one node for the cluster's current
// Services and EndpointSlices, written as `iptables-save` prints them. Read from
// pkg/proxy/iptables/proxier.go (v1.31: syncProxyRules, writeServiceToEndpointRules, iptablesJumpChains,
// portProtoHash, servicePortEndpointChainName, computeProbability) and from iptables' save format
// (extensions/libxt_statistic.c: the probability is stored as round(2^31 * p) and printed with
// "%.11f"; addresses get their /32; the IP header matches -s, -d, -p come before the -m matches).
// Left out: the rules of the CNI plugin and the container runtime, which differ by installation;
// the localhost NodePort rule that counts packets with nfacct (written only when the kernel has
// nfacct); externalIPs and loadBalancerSourceRanges, which the simulator does not model.
// The layout (tables mangle, filter, nat as iptables-nft saves them; built-in chains first, then the
// others sorted by name; the jump order in INPUT/FORWARD/OUTPUT) was compared with real nodes' dumps
// (kube-proxy-iptables.test.ts "iptables-save's layout"). Packet counters are always [0:0] here.
// kube-proxy walks Services in Go map order, which is random; here they are sorted by port name so
// the output is stable.

/** kube-proxy's masquerade bit 14 (KubeProxyIPTablesConfiguration.masqueradeBit default). */
const MASQ_MARK = "0x4000";

/** The 16 characters of base32(sha256(...)) that name a chain (portProtoHash). */
const chainHash = (text: string) => base32(sha256(text)).slice(0, 16);

/** "ns/name:port" (proxy.ServicePortName.String(): no ":" for an unnamed port). */
export const servicePortName = (service: Service, port: ServicePort) =>
  `${service.metadata.namespace}/${service.metadata.name}${port.name ? `:${port.name}` : ""}`;

/** KUBE-SVC-, KUBE-SVL-, KUBE-EXT-... + portProtoHash(servicePortName, lower-case protocol). */
export const serviceChain = (prefix: "SVC" | "SVL" | "EXT" | "FW", name: string, protocol: string) =>
  `KUBE-${prefix}-${chainHash(name + protocol.toLowerCase())}`;

/** KUBE-SEP- + the hash of servicePortName, protocol and the endpoint's "ip:port". */
export const endpointChain = (name: string, protocol: string, endpoint: string) =>
  `KUBE-SEP-${chainHash(name + protocol.toLowerCase() + endpoint)}`;

/** computeProbability: what kube-proxy writes for the i-th of n endpoints, 1/(n-i) as "%0.10f". */
export const kubeProxyProbability = (remaining: number) => (1 / remaining).toFixed(10);

/** What iptables-save prints back for a probability: the kernel keeps round(2^31 * p) (libxt_statistic.c). */
export const savedProbability = (written: string) => (Math.round(2 ** 31 * Number(written)) / 2 ** 31).toFixed(11);

export type Table = "mangle" | "filter" | "nat";

const BUILTIN: Record<Table, string[]> = {
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
};

/** One table being built: its chains and their rules, in the order they were written. */
export class TableRules {
  readonly chains = new Map<string, string[]>();
  constructor(readonly table: Table) {
    for (const chain of BUILTIN[table]) this.chains.set(chain, []);
  }
  chain(name: string): void {
    if (!this.chains.has(name)) this.chains.set(name, []);
  }
  add(chain: string, rule: string): void {
    this.chain(chain);
    this.chains.get(chain)!.push(`-A ${chain} ${rule}`);
  }
  save(): string {
    const builtin = BUILTIN[this.table];
    const others = [...this.chains.keys()].filter((c) => !builtin.includes(c)).sort();
    const order = [...builtin, ...others];
    return [
      `*${this.table}`,
      ...builtin.map((c) => `:${c} ACCEPT [0:0]`),
      ...others.map((c) => `:${c} - [0:0]`),
      ...order.flatMap((c) => this.chains.get(c) ?? []),
      "COMMIT",
    ].join("\n");
  }
}

export const comment = (text: string) => `-m comment --comment "${text}"`;

/** The endpoints of a Service port as kube-proxy's endpoints map holds them: sorted by "ip:port". */
function endpointList(list: Backend[]): Ep[] {
  return list
    .map((b) => ({ ip: b.endpoint.addresses[0], text: `${b.endpoint.addresses[0]}:${b.port}` }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** The three tables as `iptables-save` prints them on `nodeName`; `only` keeps one (`-t TABLE`). */
export function iptablesSave(cluster: Cluster, nodeName: string, only?: Table): string {
  const tables = {
    mangle: new TableRules("mangle"),
    filter: new TableRules("filter"),
    nat: new TableRules("nat"),
  };
  const { mangle, filter, nat } = tables;
  // The canary chains kube-proxy (ipt.Monitor) and the kubelet create in every table; the kubelet's hint.
  writeFixedRules(mangle, filter, nat);

  const podCIDR = cluster.podCIDR.text;
  const ports = cluster.store
    .list("Service")
    // ShouldSkipService: no rules for headless or ExternalName Services.
    .filter((s) => s.spec.type !== "ExternalName" && s.spec.clusterIP && s.spec.clusterIP !== "None")
    .flatMap((service) => service.spec.ports.map((port) => ({ service, port, name: servicePortName(service, port) })))
    .sort((a, b) => (a.name + a.port.protocol < b.name + b.port.protocol ? -1 : 1));
  // largeClusterMode: past 1000 endpoints kube-proxy leaves the comments out of the endpoint rules.
  const totalEndpoints = ports.reduce((n, p) => n + backends(cluster, p.service, p.port).length, 0);
  const large = totalEndpoints > 1000;
  const nodePortRules: [string, string][] = [];

  for (const entry of ports) writeServicePort({ cluster, nodeName, podCIDR, large, filter, nat, nodePortRules }, entry);
  for (const [, rule] of nodePortRules) nat.add("KUBE-NODEPORTS", rule);
  // The tail call to KUBE-NODEPORTS: NodePorts on every local address (nodePortAddresses unset).
  nat.add(
    "KUBE-SERVICES",
    `${comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain")} -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`,
  );
  return saveTables(cluster, tables, only);
}

/** The tables in iptables-save's format, each between its "Generated" and "Completed" lines. */
export function saveTables(cluster: Cluster, tables: Record<Table, TableRules>, only?: Table): string {
  const stamp = ctime(cluster.now());
  const chosen = only ? [tables[only]] : [tables.mangle, tables.filter, tables.nat];
  return `${chosen
    .map((t) => `# Generated by iptables-save v1.8.9 (nf_tables) on ${stamp}\n${t.save()}\n# Completed on ${stamp}`)
    .join("\n")}\n`;
}

/** The chains and rules that do not depend on Services: jumps from the built-in chains, masquerading. */
function writeFixedRules(mangle: TableRules, filter: TableRules, nat: TableRules): void {
  for (const t of [mangle, filter, nat]) {
    t.chain("KUBE-KUBELET-CANARY");
    t.chain("KUBE-PROXY-CANARY");
  }
  mangle.chain("KUBE-IPTABLES-HINT");
  // Jumps from the built-in chains (iptablesJumpChains, each prepended, so the last one listed is first;
  // the kubelet's KUBE-FIREWALL jumps were there before kube-proxy started).
  const newConn = "-m conntrack --ctstate NEW";
  filter.add("INPUT", `${newConn} ${comment("kubernetes load balancer firewall")} -j KUBE-PROXY-FIREWALL`);
  filter.add("INPUT", `${comment("kubernetes health check service ports")} -j KUBE-NODEPORTS`);
  filter.add(
    "INPUT",
    `${newConn} ${comment("kubernetes externally-visible service portals")} -j KUBE-EXTERNAL-SERVICES`,
  );
  filter.add("INPUT", "-j KUBE-FIREWALL");
  filter.add("FORWARD", `${newConn} ${comment("kubernetes load balancer firewall")} -j KUBE-PROXY-FIREWALL`);
  filter.add("FORWARD", `${comment("kubernetes forwarding rules")} -j KUBE-FORWARD`);
  filter.add("FORWARD", `${newConn} ${comment("kubernetes service portals")} -j KUBE-SERVICES`);
  filter.add(
    "FORWARD",
    `${newConn} ${comment("kubernetes externally-visible service portals")} -j KUBE-EXTERNAL-SERVICES`,
  );
  filter.add("OUTPUT", `${newConn} ${comment("kubernetes load balancer firewall")} -j KUBE-PROXY-FIREWALL`);
  filter.add("OUTPUT", `${newConn} ${comment("kubernetes service portals")} -j KUBE-SERVICES`);
  filter.add("OUTPUT", "-j KUBE-FIREWALL");
  for (const c of ["KUBE-SERVICES", "KUBE-EXTERNAL-SERVICES", "KUBE-FORWARD", "KUBE-NODEPORTS", "KUBE-PROXY-FIREWALL"])
    filter.chain(c);
  // iptables.localhostNodePorts (default true) opens NodePorts on 127.0.0.1; this rule closes the hole (#90259).
  filter.add(
    "KUBE-FIREWALL",
    `! -s 127.0.0.0/8 -d 127.0.0.0/8 ${comment("block incoming localnet connections")} -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP`,
  );
  nat.add("PREROUTING", `${comment("kubernetes service portals")} -j KUBE-SERVICES`);
  nat.add("OUTPUT", `${comment("kubernetes service portals")} -j KUBE-SERVICES`);
  nat.add("POSTROUTING", `${comment("kubernetes postrouting rules")} -j KUBE-POSTROUTING`);
  nat.chain("KUBE-NODEPORTS");
  // MARK --xor-mark and --or-mark are saved as --set-xmark VALUE/MASK.
  nat.add("KUBE-POSTROUTING", `-m mark ! --mark ${MASQ_MARK}/${MASQ_MARK} -j RETURN`);
  nat.add("KUBE-POSTROUTING", `-j MARK --set-xmark ${MASQ_MARK}/0x0`);
  nat.add("KUBE-POSTROUTING", `${comment("kubernetes service traffic requiring SNAT")} -j MASQUERADE --random-fully`);
  nat.add("KUBE-MARK-MASQ", `-j MARK --set-xmark ${MASQ_MARK}/${MASQ_MARK}`);

  filter.add("KUBE-FORWARD", "-m conntrack --ctstate INVALID -j DROP");
  filter.add(
    "KUBE-FORWARD",
    `${comment("kubernetes forwarding rules")} -m mark --mark ${MASQ_MARK}/${MASQ_MARK} -j ACCEPT`,
  );
  filter.add(
    "KUBE-FORWARD",
    `${comment("kubernetes forwarding conntrack rule")} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
  );
}

interface PortContext {
  cluster: Cluster;
  nodeName: string;
  podCIDR: string;
  /** largeClusterMode: past 1000 endpoints kube-proxy leaves the comments out of the endpoint rules. */
  large: boolean;
  filter: TableRules;
  nat: TableRules;
  nodePortRules: [string, string][];
}

/** The rules of one Service port (the body of syncProxyRules' loop over svcPortMap). */
function writeServicePort(
  { cluster, nodeName, podCIDR, large, filter, nat, nodePortRules }: PortContext,
  { service, port, name }: { service: Service; port: ServicePort; name: string },
): void {
  const protocol = port.protocol.toLowerCase();
  const proto = `-p ${protocol}`;
  const clusterIP = `-d ${service.spec.clusterIP}/32`;
  const lbIPs = (service.status.loadBalancer.ingress ?? []).map((i) => i.ip);
  const externallyAccessible = !!port.nodePort || lbIPs.length > 0;
  const internalLocal = service.spec.internalTrafficPolicy === "Local";
  const externalLocal = externallyAccessible && service.spec.externalTrafficPolicy === "Local";
  const clusterEndpoints = endpointList(backends(cluster, service, port));
  const localEndpoints = endpointList(backends(cluster, service, port, nodeName));
  const hasEndpoints = clusterEndpoints.length > 0;
  const svc = serviceChain("SVC", name, protocol);
  const svl = serviceChain("SVL", name, protocol);
  const ext = serviceChain("EXT", name, protocol);
  const usesCluster = hasEndpoints && (!internalLocal || externallyAccessible);
  const usesLocal = localEndpoints.length > 0 && (internalLocal || externalLocal);
  const hasInternal = hasEndpoints && (!internalLocal || localEndpoints.length > 0);
  const hasExternal = hasEndpoints && (!externalLocal || localEndpoints.length > 0);
  const internalChain = internalLocal ? svl : svc;
  const externalPolicyChain = externalLocal ? svl : svc;
  const noEndpoints = hasEndpoints ? `${name} has no local endpoints` : `${name} has no endpoints`;
  const rejectTarget = hasEndpoints ? "-j DROP" : "-j REJECT --reject-with icmp-port-unreachable";
  const dport = (n: number) => `-m ${protocol} --dport ${n}`;

  if (hasInternal)
    nat.add(
      "KUBE-SERVICES",
      `${clusterIP} ${proto} ${comment(`${name} cluster IP`)} ${dport(port.port)} -j ${internalChain}`,
    );
  else filter.add("KUBE-SERVICES", `${clusterIP} ${proto} ${comment(noEndpoints)} ${dport(port.port)} ${rejectTarget}`);
  for (const ip of lbIPs) {
    if (hasEndpoints)
      nat.add(
        "KUBE-SERVICES",
        `-d ${ip}/32 ${proto} ${comment(`${name} loadbalancer IP`)} ${dport(port.port)} -j ${ext}`,
      );
    if (!hasExternal)
      filter.add(
        "KUBE-EXTERNAL-SERVICES",
        `-d ${ip}/32 ${proto} ${comment(noEndpoints)} ${dport(port.port)} ${rejectTarget}`,
      );
  }
  if (port.nodePort) {
    if (hasEndpoints) nodePortRules.push([name, `${proto} ${comment(name)} ${dport(port.nodePort)} -j ${ext}`]);
    if (!hasExternal)
      filter.add(
        "KUBE-EXTERNAL-SERVICES",
        `${proto} ${comment(noEndpoints)} -m addrtype --dst-type LOCAL ${dport(port.nodePort)} ${rejectTarget}`,
      );
  }
  if (service.spec.healthCheckNodePort)
    filter.add(
      "KUBE-NODEPORTS",
      `-p tcp ${comment(`${name} health check node port`)} -m tcp --dport ${service.spec.healthCheckNodePort} -j ACCEPT`,
    );

  // Traffic to the ClusterIP from outside the pod network (detectLocalMode ClusterCIDR) is masqueraded.
  if (hasInternal)
    nat.add(
      internalChain,
      `! -s ${podCIDR} ${clusterIP} ${proto} ${comment(`${name} cluster IP`)} ${dport(port.port)} -j KUBE-MARK-MASQ`,
    );
  if (hasEndpoints && externallyAccessible) {
    nat.chain(ext);
    if (!externalLocal)
      nat.add(ext, `${comment(`masquerade traffic for ${name} external destinations`)} -j KUBE-MARK-MASQ`);
    else {
      nat.add(ext, `-s ${podCIDR} ${comment(`pod traffic for ${name} external destinations`)} -j ${svc}`);
      nat.add(
        ext,
        `${comment(`masquerade LOCAL traffic for ${name} external destinations`)} -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      );
      nat.add(
        ext,
        `${comment(`route LOCAL traffic for ${name} external destinations`)} -m addrtype --src-type LOCAL -j ${svc}`,
      );
    }
    if (hasExternal) nat.add(ext, `-j ${externalPolicyChain}`);
  }
  writeEndpointChains(nat, large, service, name, protocol, [
    ...(usesCluster ? [{ chain: svc, list: clusterEndpoints }] : []),
    ...(usesLocal ? [{ chain: svl, list: localEndpoints }] : []),
  ]);
}

type Ep = { ip: string; text: string };

/**
 * The policy chains' jumps to the endpoints (writeServiceToEndpointRules: affinity checks first, then
 * one rule per endpoint with probability 1/(n-i), the last without) and one KUBE-SEP chain per
 * endpoint reachable from this node (hairpin masquerade, then DNAT).
 */
function writeEndpointChains(
  nat: TableRules,
  large: boolean,
  service: Service,
  name: string,
  protocol: string,
  policies: { chain: string; list: Ep[] }[],
): void {
  const proto = `-p ${protocol}`;
  const affinity =
    service.spec.sessionAffinity === "ClientIP"
      ? (service.spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 10800)
      : null;
  const withComment = (text: string) => (large ? "" : `${comment(text)} `);
  const toEndpoints = (chain: string, list: Ep[]) => {
    nat.chain(chain);
    if (affinity !== null)
      for (const ep of list) {
        const sep = endpointChain(name, protocol, ep.text);
        nat.add(
          chain,
          `${withComment(`${name} -> ${ep.text}`)}-m recent --rcheck --seconds ${affinity} --reap --name ${sep} --mask 255.255.255.255 --rsource -j ${sep}`,
        );
      }
    list.forEach((ep, i) => {
      const sep = endpointChain(name, protocol, ep.text);
      const statistic =
        i < list.length - 1
          ? `-m statistic --mode random --probability ${savedProbability(kubeProxyProbability(list.length - i))} `
          : "";
      nat.add(chain, `${withComment(`${name} -> ${ep.text}`)}${statistic}-j ${sep}`);
    });
  };
  for (const { chain, list } of policies) toEndpoints(chain, list);
  const reachable = new Map<string, Ep>();
  for (const ep of policies.flatMap((p) => p.list)) reachable.set(ep.text, ep);
  for (const ep of reachable.values()) {
    const sep = endpointChain(name, protocol, ep.text);
    // A connection from the endpoint to itself (hairpin) is masqueraded, then DNAT to the endpoint.
    nat.add(sep, `-s ${ep.ip}/32 ${withComment(name)}-j KUBE-MARK-MASQ`);
    const recent = affinity !== null ? `-m recent --set --name ${sep} --mask 255.255.255.255 --rsource ` : "";
    nat.add(sep, `${proto} ${withComment(name)}${recent}-m ${protocol} -j DNAT --to-destination ${ep.text}`);
  }
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** ctime(3) in UTC, as iptables-save stamps its output: "Thu Jan 15 09:00:00 2026". */
function ctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}
