import type { Cluster } from "./cluster";
import { endpointsOf } from "./endpointslice-controller";
import { dashedIP, formatIPv4 } from "./ip";
import { dnsQueryDrop } from "./network-policy-enforcement";
import type { Pod, Service } from "./types";

export type DnsRecord =
  | { type: "A"; name: string; address: string }
  | { type: "CNAME"; name: string; target: string }
  | { type: "SRV"; name: string; priority: number; weight: number; port: number; target: string }
  | { type: "PTR"; name: string; target: string };

export type DnsAnswer =
  | { rcode: "NOERROR"; name: string; records: DnsRecord[] }
  | { rcode: "NXDOMAIN"; name: string }
  | { rcode: "TIMEOUT"; name: string };

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  options: string[];
}

/** The nodes' resolv.conf: the option, else the node network's gateway as the only nameserver. */
export function nodeResolvConf(cluster: Cluster): ResolvConf {
  const node = cluster.options.nodeResolvConf;
  if (node) return { nameservers: [...node.nameservers], search: [...node.search], options: [...node.options] };
  return { nameservers: [formatIPv4(cluster.nodeCIDR.base + 1)], search: [], options: [] };
}

const unique = (items: string[]) => [...new Set(items)];

/**
 * /etc/resolv.conf as the kubelet writes it (GetPodDNS, pkg/kubelet/network/dns/dns.go):
 *  - ClusterFirst (the default) and ClusterFirstWithHostNet: the cluster DNS Service as the only
 *    nameserver, the pod's namespace search domains followed by the node's, options ndots:5;
 *  - Default, and ClusterFirst on a host-network pod: the node's resolv.conf as it is;
 *  - None: nothing but the pod's dnsConfig.
 * A dnsConfig is then appended: nameservers and searches without duplicates, options merged by name.
 * At most 3 nameservers and 32 search domains are kept (validation.MaxDNSNameservers, ExpandedDNSConfig).
 */
export function resolvConfFor(cluster: Cluster, pod: Pod): ResolvConf {
  const d = cluster.options.clusterDomain;
  const policy = pod.spec.dnsPolicy ?? "ClusterFirst";
  const host = nodeResolvConf(cluster);
  let conf: ResolvConf;
  if (policy === "None") conf = { nameservers: [], search: [], options: [] };
  else if (policy === "Default" || (policy === "ClusterFirst" && pod.spec.hostNetwork)) conf = host;
  else {
    const ns = pod.metadata.namespace!;
    conf = {
      nameservers: [cluster.store.get("Service", "kube-system", "kube-dns")?.spec.clusterIP ?? ""],
      search: unique([`${ns}.svc.${d}`, `svc.${d}`, d, ...host.search]),
      options: ["ndots:5"],
    };
  }
  const extra = pod.spec.dnsConfig;
  if (extra) {
    conf.nameservers = unique([...conf.nameservers, ...(extra.nameservers ?? [])]);
    conf.search = unique([...conf.search, ...(extra.searches ?? [])]);
    const byName = new Map(conf.options.map((o) => [o.split(":")[0], o]));
    for (const o of extra.options ?? []) byName.set(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
    conf.options = [...byName.values()];
  }
  return { ...conf, nameservers: conf.nameservers.slice(0, 3), search: conf.search.slice(0, 32) };
}

/** The resolver's ndots: from options, else 1 (resolv.conf(5)). */
export function ndotsOf(conf: ResolvConf): number {
  const option = conf.options.find((o) => o.startsWith("ndots:"));
  return option ? Number(option.slice(6)) : 1;
}

/** The file as containerd writes it: search, nameserver lines, options; empty parts left out. */
export const formatResolvConf = (conf: ResolvConf) =>
  [
    conf.search.length ? `search ${conf.search.join(" ")}\n` : "",
    ...conf.nameservers.map((n) => `nameserver ${n}\n`),
    conf.options.length ? `options ${conf.options.join(" ")}\n` : "",
  ].join("");

const readyAddresses = (cluster: Cluster, service: Service) =>
  endpointsOf(cluster, service).filter((e) => e.conditions.ready);

/**
 * The cluster DNS server (CoreDNS's kubernetes plugin), answering one fully qualified name per the
 * Kubernetes DNS-based service discovery specification:
 *  - <svc>.<ns>.svc.<zone>: A = ClusterIP; headless: one A per ready endpoint; ExternalName: CNAME
 *  - <hostname|a-b-c-d>.<svc>.<ns>.svc.<zone>: A for one endpoint of a headless Service
 *  - _<port>._<proto>.<svc>.<ns>.svc.<zone>: SRV for a named port
 *  - <a-b-c-d>.<ns>.pod.<zone>: A for that address
 * Names outside the zone go upstream (the simulated internet in options.externalDNS).
 */
export function answerQuery(cluster: Cluster, fqdn: string, type: "A" | "SRV" = "A"): DnsAnswer {
  const name = fqdn.replace(/\.$/, "").toLowerCase();
  const zone = cluster.options.clusterDomain;
  const nx: DnsAnswer = { rcode: "NXDOMAIN", name };
  if (!name.endsWith(`.${zone}`)) return answerUpstream(cluster, name, type);
  const labels = name.slice(0, -(zone.length + 1)).split(".");
  if (labels.length === 3 && labels[2] === "pod") {
    const ip = labels[0].replace(/-/g, ".");
    return /^\d+(\.\d+){3}$/.test(ip) && cluster.store.get("Namespace", undefined, labels[1])
      ? { rcode: "NOERROR", name, records: [{ type: "A", name, address: ip }] }
      : nx;
  }
  if (labels[labels.length - 1] !== "svc") return nx;
  const parts = labels.slice(0, -1); // [..., svc, ns]
  if (parts.length < 2) return nx;
  const namespace = parts[parts.length - 1];
  const serviceName = parts[parts.length - 2];
  const service = cluster.store.get("Service", namespace, serviceName);
  if (!service) return nx;
  const headless = service.spec.clusterIP === "None";
  const serviceFqdn = `${serviceName}.${namespace}.svc.${zone}`;

  if (parts.length === 2) {
    if (type === "SRV") return nx;
    if (service.spec.type === "ExternalName") {
      const target = service.spec.externalName!.replace(/\.$/, "");
      const records: DnsRecord[] = [{ type: "CNAME", name, target }];
      const upstream = answerQuery(cluster, target, "A");
      if (upstream.rcode === "NOERROR") records.push(...upstream.records);
      return { rcode: "NOERROR", name, records };
    }
    if (!headless) return { rcode: "NOERROR", name, records: [{ type: "A", name, address: service.spec.clusterIP! }] };
    const endpoints = readyAddresses(cluster, service);
    return endpoints.length === 0
      ? nx
      : { rcode: "NOERROR", name, records: endpoints.map((e) => ({ type: "A", name, address: e.addresses[0] })) };
  }
  if (parts.length === 3 && headless) {
    const endpoint = readyAddresses(cluster, service).find(
      (e) => e.hostname === parts[0] || dashedIP(e.addresses[0]) === parts[0],
    );
    return endpoint ? { rcode: "NOERROR", name, records: [{ type: "A", name, address: endpoint.addresses[0] }] } : nx;
  }
  if (parts.length === 4 && parts[0].startsWith("_") && parts[1].startsWith("_")) {
    const port = service.spec.ports.find(
      (p) => p.name === parts[0].slice(1) && p.protocol.toLowerCase() === parts[1].slice(1),
    );
    if (!port) return nx;
    if (!headless) {
      return {
        rcode: "NOERROR",
        name,
        records: [{ type: "SRV", name, priority: 0, weight: 100, port: port.port, target: serviceFqdn }],
      };
    }
    const endpoints = readyAddresses(cluster, service);
    if (endpoints.length === 0) return nx;
    const share = Math.floor(100 / endpoints.length);
    return {
      rcode: "NOERROR",
      name,
      records: endpoints.map((e) => ({
        type: "SRV",
        name,
        priority: 0,
        weight: share,
        port: port.port,
        target: `${e.hostname ?? dashedIP(e.addresses[0])}.${serviceFqdn}`,
      })),
    };
  }
  return nx;
}

/** "10.96.0.1" → "1.0.96.10.in-addr.arpa", the name a reverse (PTR) lookup asks for. */
export const reverseName = (ip: string) => `${ip.split(".").reverse().join(".")}.in-addr.arpa`;

/**
 * Reverse lookups as CoreDNS's kubernetes plugin answers them (plugin/kubernetes/reverse.go): a
 * ClusterIP points back to its Service's name (spec 2.3.3); otherwise every Service that lists the
 * address as a ready endpoint gives one PTR record to <hostname or a-b-c-d>.<service>.<ns>.svc.<zone>.
 * The specification asks this only of headless Services (2.4.3); CoreDNS does it for every Service.
 * Anything else is NXDOMAIN.
 */
export function answerReverse(cluster: Cluster, ip: string): DnsAnswer {
  const name = reverseName(ip);
  const zone = cluster.options.clusterDomain;
  const services = cluster.store
    .list("Service")
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
    );
  const fqdn = (s: Service) => `${s.metadata.name}.${s.metadata.namespace}.svc.${zone}`;
  const owner = services.find((s) => s.spec.clusterIP === ip);
  if (owner) return { rcode: "NOERROR", name, records: [{ type: "PTR", name, target: fqdn(owner) }] };
  const records: DnsRecord[] = services.flatMap((service) =>
    readyAddresses(cluster, service)
      .filter((e) => e.addresses[0] === ip)
      .map((e) => ({ type: "PTR" as const, name, target: `${e.hostname ?? dashedIP(ip)}.${fqdn(service)}` })),
  );
  return records.length > 0 ? { rcode: "NOERROR", name, records } : { rcode: "NXDOMAIN", name };
}

const clusterDnsDown = (cluster: Cluster) => {
  const dns = cluster.store.get("Service", "kube-system", "kube-dns");
  return !dns || readyAddresses(cluster, dns).length === 0;
};

/** A reverse lookup from a pod: no search list applies to an address. */
export const reverseFromPod = (cluster: Cluster, pod: Pod, ip: string): DnsAnswer =>
  clusterDnsDown(cluster) || dnsQueryDrop(cluster, pod)
    ? { rcode: "TIMEOUT", name: reverseName(ip) }
    : answerReverse(cluster, ip);

/** The names a resolver tries for `query`, given resolv.conf's search list and ndots. */
export function candidateNames(query: string, conf: ResolvConf): string[] {
  if (query.endsWith(".")) return [query];
  const dots = query.split(".").length - 1;
  const searched = conf.search.map((s) => `${query}.${s}`);
  return dots >= ndotsOf(conf) ? [query, ...searched] : [...searched, query];
}

/** One query the resolver sent while walking the search list, and how its nameserver answered it. */
export interface SearchStep {
  name: string;
  rcode: DnsAnswer["rcode"];
}

/** Is the pod's first nameserver the cluster DNS Service (as with ClusterFirst)? */
const usesClusterDNS = (cluster: Cluster, conf: ResolvConf) =>
  conf.nameservers[0] !== undefined &&
  conf.nameservers[0] === cluster.store.get("Service", "kube-system", "kube-dns")?.spec.clusterIP;

/**
 * A stub resolver in a pod (glibc's res_search, resolv.conf(5) "search" and "ndots"): it sends one
 * query per candidate name, in candidateNames order, to its first nameserver, and stops at the first
 * name that exists. Every NXDOMAIN before that is a query the name cost, which is why ndots:5 makes
 * external names slow. Cluster DNS knows the cluster's names and forwards the rest; any other
 * nameserver (the node's resolver under dnsPolicy Default, or one from dnsConfig) knows only names
 * outside the cluster. With no nameserver, cluster DNS without a ready endpoint, or a query to it that
 * NetworkPolicy drops, the first query times out and the walk ends there.
 */
export function searchWalk(
  cluster: Cluster,
  pod: Pod,
  query: string,
  type: "A" | "SRV" = "A",
): { tried: SearchStep[]; answer: DnsAnswer } {
  const conf = resolvConfFor(cluster, pod);
  const candidates = candidateNames(query, conf);
  const viaCluster = usesClusterDNS(cluster, conf);
  // A query NetworkPolicy drops gets no answer at all: the resolver times out like a dead server.
  if (conf.nameservers.length === 0 || (viaCluster && (clusterDnsDown(cluster) || dnsQueryDrop(cluster, pod))))
    return { tried: [{ name: candidates[0], rcode: "TIMEOUT" }], answer: { rcode: "TIMEOUT", name: query } };
  const tried: SearchStep[] = [];
  for (const candidate of candidates) {
    const answer = viaCluster ? answerQuery(cluster, candidate, type) : answerUpstream(cluster, candidate, type);
    tried.push({ name: candidate, rcode: answer.rcode });
    if (answer.rcode === "NOERROR") return { tried, answer };
  }
  return { tried, answer: { rcode: "NXDOMAIN", name: query } };
}

/** What a lookup from a pod finally returns: the first candidate name that exists, else NXDOMAIN. */
export const resolveFromPod = (cluster: Cluster, pod: Pod, query: string, type: "A" | "SRV" = "A"): DnsAnswer =>
  searchWalk(cluster, pod, query, type).answer;

/** A resolver outside the cluster: the simulated internet's names only. */
function answerUpstream(cluster: Cluster, fqdn: string, type: "A" | "SRV"): DnsAnswer {
  const name = fqdn.replace(/\.$/, "").toLowerCase();
  const address = cluster.options.externalDNS[name];
  return address && type === "A"
    ? { rcode: "NOERROR", name, records: [{ type: "A", name, address }] }
    : { rcode: "NXDOMAIN", name };
}
