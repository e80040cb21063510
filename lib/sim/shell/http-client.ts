import type { Cluster } from "../cluster";
import { resolveFromPod } from "../dns";
import { parseIPv4 } from "../ip";
import { type Client, type ConnectResult, clientIP, connect } from "../network";
import { policyDrop } from "../network-policy-enforcement";

export interface HttpTarget {
  host: string;
  port: number;
  path: string;
}

export function parseUrl(raw: string): HttpTarget | null {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([^\s]*)$/i.exec(raw);
  if (!m) return null;
  const scheme = (m[1] ?? "http").toLowerCase();
  return { host: m[2], port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}

export type Resolution = { ok: true; ip: string } | { ok: false; error: "nxdomain" | "dns-timeout" };

/** Name resolution as the client sees it: pods use cluster DNS; the outside host knows only public names. */
export function resolveHost(cluster: Cluster, client: Client, host: string): Resolution {
  if (parseIPv4(host) !== null) return { ok: true, ip: host };
  if (client.kind === "pod") {
    const answer = resolveFromPod(cluster, client.pod, host);
    if (answer.rcode === "TIMEOUT") return { ok: false, error: "dns-timeout" };
    const a = answer.rcode === "NOERROR" ? answer.records.find((r) => r.type === "A") : undefined;
    return a && a.type === "A" ? { ok: true, ip: a.address } : { ok: false, error: "nxdomain" };
  }
  const address = cluster.options.externalDNS[host.replace(/\.$/, "").toLowerCase()];
  return address ? { ok: true, ip: address } : { ok: false, error: "nxdomain" };
}

export type Exchange =
  | { kind: "dns-failed"; error: "nxdomain" | "dns-timeout"; target: HttpTarget }
  | { kind: "connected"; target: HttpTarget; ip: string; result: ConnectResult }
  | { kind: "internet"; target: HttpTarget; ip: string };

/** The request path of the most recent exchange, for views that draw it (client → Service → pod). */
export interface RequestTrace {
  client: Client;
  target: HttpTarget;
  ip: string;
  result: ConnectResult | null;
}
const traces = new WeakMap<Cluster, RequestTrace>();
export const lastRequest = (cluster: Cluster) => traces.get(cluster) ?? null;

export function httpExchange(cluster: Cluster, client: Client, target: HttpTarget): Exchange {
  const resolved = resolveHost(cluster, client, target.host);
  if (!resolved.ok) return { kind: "dns-failed", error: resolved.error, target };
  const internet = Object.values(cluster.options.externalDNS).includes(resolved.ip);
  // Egress to the internet passes the pod's egress policy too (an ipBlock can allow it).
  const dropped = internet && policyDrop(cluster, clientIP(cluster, client), resolved.ip, target.port, "TCP");
  if (dropped) {
    const result: ConnectResult = { ok: false, error: "timeout", reason: dropped, via: null };
    traces.set(cluster, { client, target, ip: resolved.ip, result });
    return { kind: "connected", target, ip: resolved.ip, result };
  }
  if (internet) {
    traces.set(cluster, { client, target, ip: resolved.ip, result: null });
    return { kind: "internet", target, ip: resolved.ip };
  }
  const result = connect(cluster, client, resolved.ip, target.port);
  traces.set(cluster, { client, target, ip: resolved.ip, result });
  return { kind: "connected", target, ip: resolved.ip, result };
}

/** What the modelled web server in every non-client container answers: its pod's hostname. */
export function responseBody(exchange: Exchange): string {
  if (exchange.kind === "internet")
    return `<!doctype html><html><head><title>${exchange.target.host}</title></head><body>A page from outside the cluster.</body></html>\n`;
  if (exchange.kind === "connected" && exchange.result.ok) {
    const pod = exchange.result.pod;
    return `${pod.spec.hostNetwork ? pod.spec.nodeName : (pod.spec.hostname ?? pod.metadata.name)}\n`;
  }
  return "";
}

/** Seconds a client waits before giving up on a connection nobody answers (Linux SYN retries). */
export const CONNECT_TIMEOUT_SECONDS = 130;
