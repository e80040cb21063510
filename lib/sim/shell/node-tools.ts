import type { Cluster } from "../cluster";
import { conntrackList } from "../conntrack";
import { formatIPv4, parseCidr } from "../ip";
import { iptablesSave, type Table } from "../kube-proxy-iptables";
import { ipvsIptablesSave, virtualServers } from "../kube-proxy-ipvs";
import type { CommandResult, Container, Pod } from "../types";

// The tools a learner uses to look at what kube-proxy and the network plugin did to a node:
// iptables-save, ip route and ipvsadm. They read the network namespace the process runs in: a
// pod's own, or the node's for a host-network pod (a node debugging pod, kube-proxy itself).

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });

/**
 * Reading netfilter or IPVS state needs CAP_NET_ADMIN, which containers do not get by default
 * (containerd's default capability set): a privileged container (kubectl debug --profile=sysadmin)
 * or one that adds NET_ADMIN (--profile=netadmin) has it.
 */
export const hasNetAdmin = (container: Container) =>
  container.securityContext?.privileged === true ||
  (container.securityContext?.capabilities?.add ?? []).includes("NET_ADMIN");

/**
 * iptables-save [-t TABLE]. In the node's namespace it prints kube-proxy's rules for that node
 * (lib/sim/kube-proxy-iptables.ts, or kube-proxy-ipvs.ts in IPVS mode); a pod's own namespace has none.
 * Without NET_ADMIN the nf_tables backend cannot read the rule set and says so (the wording reported
 * with iptables 1.8.10 in ysdragon/Pterodactyl-VPS-Egg#37; NET_ADMIN fixes it, Praqma/Network-MultiTool#13).
 */
export function iptablesSaveTool(cluster: Cluster, pod: Pod, container: Container, args: string[]): CommandResult {
  const t = args.indexOf("-t");
  const table = t >= 0 ? args[t + 1] : args.find((a) => a.startsWith("--table="))?.slice(8);
  // Wording for an unknown table not checked against iptables' source.
  if (table !== undefined && table !== "nat" && table !== "filter" && table !== "mangle")
    return {
      output: `iptables-save v1.8.9 (nf_tables): Table '${table}' does not exist\n`,
      exitCode: 1,
    };
  if (!hasNetAdmin(container))
    return {
      output:
        "iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n",
      exitCode: 1,
    };
  if (!pod.spec.hostNetwork) return ok("");
  const chosen = table as Table | undefined;
  return ok(
    cluster.options.proxyMode === "ipvs"
      ? ipvsIptablesSave(cluster, pod.spec.nodeName!, chosen)
      : iptablesSave(cluster, pod.spec.nodeName!, chosen),
  );
}

/** The node's routes: its pod range on the bridge, every other node's range through that node. */
function nodeRoutes(cluster: Cluster, nodeName: string): string[] {
  const gateway = formatIPv4(cluster.nodeCIDR.base + 1);
  const lines = [`default via ${gateway} dev eth0`];
  const nodes = cluster.nodes();
  const self = nodes.find((n) => n.metadata.name === nodeName)!;
  const byRange = [...nodes].sort((a, b) => parseCidr(a.spec.podCIDR).base - parseCidr(b.spec.podCIDR).base);
  for (const n of byRange) {
    const range = parseCidr(n.spec.podCIDR);
    if (n === self) lines.push(`${range.text} dev cni0 proto kernel scope link src ${formatIPv4(range.base + 1)}`);
    else lines.push(`${range.text} via ${cluster.nodeIP(n)} dev eth0`);
  }
  lines.push(`${cluster.options.nodeCIDR} dev eth0 proto kernel scope link src ${cluster.nodeIP(self)}`);
  return lines;
}

/**
 * `ip route` (also `ip r`, `ip route show`, `ip route list`). The simulator's network plugin is a
 * bridge on each node (cni0, the range's first address) with a route to every other node's pod
 * range through that node's address, as host-gateway plugins (kindnet, flannel host-gw) set up.
 * A pod sees its default route through the bridge. Layout as iproute2 prints the main table
 * (`proto kernel scope link src` for connected routes); not checked against a particular plugin.
 */
export function ipTool(cluster: Cluster, pod: Pod, args: string[]): CommandResult {
  const [object, verb] = args;
  const isRoute = object !== undefined && "route".startsWith(object) && object.length >= 1 && object !== "";
  if (!isRoute || (verb !== undefined && verb !== "show" && verb !== "list"))
    return {
      output: `Usage: ip route [ list | show ]\n(the simulator models \`ip route\` only)\n`,
      exitCode: 1,
    };
  if (pod.spec.hostNetwork) return ok(`${nodeRoutes(cluster, pod.spec.nodeName!).join("\n")}\n`);
  const node = cluster.store.get("Node", undefined, pod.spec.nodeName ?? "");
  if (!node || !pod.status.podIP) return ok("");
  const range = parseCidr(node.spec.podCIDR);
  return ok(
    `default via ${formatIPv4(range.base + 1)} dev eth0\n${range.text} dev eth0 proto kernel scope link src ${pod.status.podIP}\n`,
  );
}

/**
 * ipvsadm -Ln: the IPVS table kube-proxy programs in IPVS mode (lib/sim/kube-proxy-ipvs.ts), with the
 * round-robin scheduler (rr, kube-proxy's default) and one masquerading real server per endpoint;
 * in iptables mode the table is empty.
 * Layout as ipvsadm 1.31 prints a listing (ipvsadm.c list_all, print_title, print_service_entry):
 * the version line, the two title lines, then each service as "PROTO  ADDR:PORT SCHED[ persistent
 * TIMEOUT]" and its real servers as printf("  -> %-28s %-7s %-6d %-10u %-10u\n"), both sorted as
 * ipvsadm sorts them (kube-proxy-ipvs.ts virtualServers).
 */
export function ipvsadmTool(cluster: Cluster, pod: Pod, container: Container, args: string[]): CommandResult {
  if (!hasNetAdmin(container))
    // ipvsadm.c fail(2, "Can't initialize ipvs: %s\nAre you sure ..."), libipvs's wording for EPERM.
    return {
      output:
        "Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n",
      exitCode: 2,
    };
  const listing = args.length === 0 || args.some((a) => /^-[A-Za-z]*L|^--list$/.test(a));
  if (!listing) return { output: "ipvsadm: the simulator models listing only (ipvsadm -Ln)\n", exitCode: 2 };
  const header = [
    "IP Virtual Server version 1.2.1 (size=4096)",
    "Prot LocalAddress:Port Scheduler Flags",
    "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn",
  ];
  if (cluster.options.proxyMode !== "ipvs" || !pod.spec.hostNetwork) return ok(`${header.join("\n")}\n`);
  const lines = virtualServers(cluster, pod.spec.nodeName!).flatMap((v) => [
    `${v.protocol}  ${v.address}:${v.port} rr${v.persistent !== undefined ? ` persistent ${v.persistent}` : ""}`,
    // ipvsadm's printf("  -> %-28s %-7s %-6d %-10u %-10u\n", ...): the last column keeps its padding.
    ...v.reals.map(
      (r) => `  -> ${r.padEnd(28)} ${"Masq".padEnd(7)} ${"1".padEnd(6)} ${"0".padEnd(10)} ${"0".padEnd(10)}`,
    ),
  ]);
  return ok(`${[...header, ...lines].join("\n")}\n`);
}

/**
 * conntrack -L: the node's connection tracking table (lib/sim/conntrack.ts); a pod's own network
 * namespace tracks nothing the simulator records. Reading it needs NET_ADMIN; the refusal's wording
 * is conntrack-tools' as commonly reported, not checked against its source.
 */
export function conntrackTool(cluster: Cluster, pod: Pod, container: Container, args: string[]): CommandResult {
  if (!args.some((a) => a === "-L" || a === "--dump"))
    return { output: "conntrack v1.4.7 (conntrack-tools): the simulator models conntrack -L only\n", exitCode: 2 };
  if (!hasNetAdmin(container))
    return { output: "conntrack v1.4.7 (conntrack-tools): Operation failed: Operation not permitted\n", exitCode: 1 };
  if (!pod.spec.hostNetwork) return ok("conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n");
  return ok(conntrackList(cluster, pod.spec.nodeName!));
}
