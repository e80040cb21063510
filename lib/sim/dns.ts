import type { Cluster } from "./cluster";
import { dashedIP } from "./ip";
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
  nameserver: string;
  search: string[];
  ndots: number;
}

/** /etc/resolv.conf as the kubelet writes it for dnsPolicy ClusterFirst. */
export function resolvConfFor(cluster: Cluster, pod: Pod): ResolvConf {
  const d = cluster.options.clusterDomain;
  const ns = pod.metadata.namespace!;
  return {
    nameserver: cluster.store.get("Service", "kube-system", "kube-dns")?.spec.clusterIP ?? "",
    search: [`${ns}.svc.${d}`, `svc.${d}`, d],
    ndots: 5,
  };
}

export const formatResolvConf = (conf: ResolvConf) =>
  `search ${conf.search.join(" ")}\nnameserver ${conf.nameserver}\noptions ndots:${conf.ndots}\n`;

const readyAddresses = (cluster: Cluster, service: Service) =>
  (cluster.store.sliceFor(service.metadata.namespace!, service.metadata.name)?.endpoints ?? []).filter(
    (e) => e.conditions.ready,
  );

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
  if (!name.endsWith(`.${zone}`)) {
    const address = cluster.options.externalDNS[name];
    return address && type === "A" ? { rcode: "NOERROR", name, records: [{ type: "A", name, address }] } : nx;
  }
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
 * Reverse lookups (spec 2.3.3 and 2.4.3): a ClusterIP points back to its Service's name, and a ready
 * endpoint of a headless Service to <hostname or a-b-c-d>.<service>.<ns>.svc.<zone>. Anything else
 * is NXDOMAIN here.
 */
export function answerReverse(cluster: Cluster, ip: string): DnsAnswer {
  const name = reverseName(ip);
  const zone = cluster.options.clusterDomain;
  for (const service of cluster.store.list("Service")) {
    const fqdn = `${service.metadata.name}.${service.metadata.namespace}.svc.${zone}`;
    if (service.spec.clusterIP === ip)
      return { rcode: "NOERROR", name, records: [{ type: "PTR", name, target: fqdn }] };
    if (service.spec.clusterIP === "None") {
      const endpoint = readyAddresses(cluster, service).find((e) => e.addresses[0] === ip);
      if (endpoint)
        return {
          rcode: "NOERROR",
          name,
          records: [{ type: "PTR", name, target: `${endpoint.hostname ?? dashedIP(ip)}.${fqdn}` }],
        };
    }
  }
  return { rcode: "NXDOMAIN", name };
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
  return dots >= conf.ndots ? [query, ...searched] : [...searched, query];
}

/**
 * A stub resolver in a pod: tries each candidate name against cluster DNS until one exists.
 * When kube-dns has no ready endpoint, or NetworkPolicy drops the query, it times out instead.
 */
export function resolveFromPod(cluster: Cluster, pod: Pod, query: string, type: "A" | "SRV" = "A"): DnsAnswer {
  const conf = resolvConfFor(cluster, pod);
  // A query NetworkPolicy drops gets no answer at all: the resolver times out like a dead server.
  if (clusterDnsDown(cluster) || dnsQueryDrop(cluster, pod)) return { rcode: "TIMEOUT", name: query };
  for (const candidate of candidateNames(query, conf)) {
    const answer = answerQuery(cluster, candidate, type);
    if (answer.rcode === "NOERROR") return answer;
  }
  return { rcode: "NXDOMAIN", name: query };
}
