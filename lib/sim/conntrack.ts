import type { Cluster } from "./cluster";
import type { Client, ConnectResult } from "./network";
import { sha256 } from "./sha256";

// The connection tracking table of each node, as `conntrack -L` (conntrack-tools) lists it. Only
// the connections the simulator makes (an HTTP request from curl or wget, answered) are tracked,
// on the node that translated them: the client's node for a pod or the node itself, the receiving
// node for a NodePort reached from outside. Each request closes its connection, so the entry sits
// in TIME_WAIT for the kernel's 120 seconds (nf_conntrack_tcp_timeout_time_wait) and then goes.
// The original direction is what the client sent (to the ClusterIP); the reply direction is what
// came back after kube-proxy's DNAT and, if it masqueraded, SNAT. Not tracked: DNS over UDP,
// refused or timed-out attempts, the backend node's own entry for a connection from another node.

const TIME_WAIT_SECONDS = 120;
const MAX_ENTRIES = 500;

export interface ConntrackEntry {
  node: string;
  at: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  replySrc: string;
  replyDst: string;
  replySport: number;
}

const tables = new WeakMap<Cluster, ConntrackEntry[]>();

/** An ephemeral port from Linux's default ip_local_port_range (32768-60999), stable for the same moment and peers. */
function ephemeralPort(cluster: Cluster, src: string, dst: string, count: number): number {
  const d = sha256(`${cluster.now()} ${src} ${dst} ${count}`);
  return 32768 + (((d[0] << 8) | d[1]) % (60999 - 32768 + 1));
}

/** Records an answered connection from `client` to dst:dport. */
export function trackConnection(
  cluster: Cluster,
  client: Client,
  clientAddress: string,
  dst: string,
  dport: number,
  result: ConnectResult,
): void {
  if (!result.ok) return;
  const node =
    client.kind === "pod"
      ? client.pod.spec.nodeName
      : client.kind === "node"
        ? client.nodeName
        : result.via?.kind === "nodeport"
          ? cluster.nodes().find((n) => cluster.nodeIP(n) === dst)?.metadata.name
          : undefined;
  if (!node) return;
  const entries = tables.get(cluster) ?? [];
  const sport = ephemeralPort(cluster, clientAddress, dst, entries.length);
  entries.push({
    node,
    at: cluster.now(),
    src: clientAddress,
    dst,
    sport,
    dport,
    replySrc: result.ip,
    replyDst: result.clientIP,
    replySport: result.port,
  });
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
  tables.set(cluster, entries);
}

/**
 * conntrack -L on `node`: one line per entry, newest last, then the summary conntrack prints (on
 * stderr, here in the same output). Layout as conntrack-tools 1.4.7 prints the default format
 * ("%-8s %u %lu STATE src= dst= sport= dport= src= ... [ASSURED] mark=0 use=1"), from published
 * outputs; not checked against its source.
 */
export function conntrackList(cluster: Cluster, node: string): string {
  const now = cluster.now();
  const live = (tables.get(cluster) ?? []).filter((e) => e.node === node && now - e.at < TIME_WAIT_SECONDS * 1000);
  const lines = live.map((e) => {
    const left = TIME_WAIT_SECONDS - Math.floor((now - e.at) / 1000);
    return `${"tcp".padEnd(8)} 6 ${left} TIME_WAIT src=${e.src} dst=${e.dst} sport=${e.sport} dport=${e.dport} src=${e.replySrc} dst=${e.replyDst} sport=${e.replySport} dport=${e.sport} [ASSURED] mark=0 use=1`;
  });
  return `${lines.map((l) => `${l}\n`).join("")}conntrack v1.4.7 (conntrack-tools): ${lines.length} flow entries have been shown.\n`;
}
