import type { Cluster } from "../cluster";
import { trackConnection } from "../conntrack";
import { logRequest } from "../container-logs";
import { resolveFromPod } from "../dns";
import { imageProfile } from "../images";
import { parseIPv4 } from "../ip";
import { type Client, type ConnectResult, clientIP, connect, type HealthCheck } from "../network";
import { policyDrop } from "../network-policy-enforcement";
import { containerListeningOn } from "../pod-runtime";
import type { Pod } from "../types";

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
  // /etc/hosts comes before DNS (nsswitch "files dns"): the kubelet writes localhost into every pod's.
  if (host.toLowerCase() === "localhost") return { ok: true, ip: "127.0.0.1" };
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

/** One GET request; a pod that serves it logs it (`userAgent` is the client program's User-Agent header). */
export function httpExchange(cluster: Cluster, client: Client, target: HttpTarget, userAgent = "-"): Exchange {
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
  trackConnection(cluster, client, clientIP(cluster, client), resolved.ip, target.port, result);
  traces.set(cluster, { client, target, ip: resolved.ip, result });
  const exchange: Exchange = { kind: "connected", target, ip: resolved.ip, result };
  if (result.ok) {
    const response = httpResponse(cluster, exchange);
    logRequest(cluster, result, {
      method: "GET",
      path: target.path,
      status: response.status,
      bytes: response.body.length,
      userAgent,
    });
  }
  return exchange;
}

export interface HttpResponse {
  status: 200 | 404 | 503;
  body: string;
}

/**
 * kube-proxy's answer on a healthCheckNodePort (pkg/proxy/healthcheck/service_health.go): 200 while the
 * node has a local endpoint for the Service, 503 otherwise, with the count in a small JSON document.
 */
function healthCheckResponse(check: HealthCheck): HttpResponse {
  const { namespace, name } = check.service.metadata;
  const body = `{\n\t"service": {\n\t\t"namespace": "${namespace}",\n\t\t"name": "${name}"\n\t},\n\t"localEndpoints": ${check.localEndpoints},\n\t"serviceProxyHealthy": true\n}`;
  return { status: check.localEndpoints > 0 ? 200 : 503, body };
}

/** The hostname a pod's processes see: the node's for a host-network pod. */
export const podHostname = (pod: Pod) =>
  pod.spec.hostNetwork ? pod.spec.nodeName! : (pod.spec.hostname ?? pod.metadata.name);

/** The default site of the nginx image: /usr/share/nginx/html/index.html at /, 404 elsewhere. */
const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/1.27.3</center>
</body>
</html>
`;

function nginx(path: string): HttpResponse {
  const file = path.split("?")[0];
  return file === "/" || file === "/index.html" ? { status: 200, body: NGINX_INDEX } : { status: 404, body: NGINX_404 };
}

/**
 * agnhost netexec (test/images/agnhost/netexec/netexec.go): /hostname answers the hostname, /clientip
 * the address and port the request came from (after any SNAT), /echo?msg= the message; every other
 * path is the root handler, which answers the time. No trailing newline: the handlers write none.
 */
function netexec(cluster: Cluster, pod: Pod, path: string, clientIP: string): HttpResponse {
  const [file, query = ""] = path.split("?");
  if (file === "/hostname" || file === "/hostName") return { status: 200, body: podHostname(pod) };
  if (file === "/clientip") {
    // The client's ephemeral source port, from Linux's default ip_local_port_range (32768-60999).
    const port = 32768 + cluster.rng.int(28232);
    return { status: 200, body: `${clientIP}:${port}` };
  }
  if (file === "/echo") return { status: 200, body: new URLSearchParams(query).get("msg") ?? "" };
  const now = new Date(cluster.now())
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " +0000 UTC");
  return { status: 200, body: `NOW: ${now}` };
}

/** What the server that accepted the connection answers (lib/sim/images.ts says which server an image runs). */
export function httpResponse(cluster: Cluster, exchange: Exchange): HttpResponse {
  if (exchange.kind === "internet")
    return {
      status: 200,
      body: `<!doctype html><html><head><title>${exchange.target.host}</title></head><body>A page from outside the cluster.</body></html>\n`,
    };
  if (exchange.kind !== "connected" || !exchange.result.ok) return { status: 200, body: "" };
  const result = exchange.result;
  if (result.healthCheck) return healthCheckResponse(result.healthCheck);
  const container = containerListeningOn(result.pod, result.port);
  const server = container ? imageProfile(container.image).server : "hostname";
  if (server === "nginx") return nginx(exchange.target.path);
  if (server === "netexec") return netexec(cluster, result.pod, exchange.target.path, result.clientIP);
  return { status: 200, body: `${podHostname(result.pod)}\n` };
}

export const STATUS_TEXT: Record<HttpResponse["status"], string> = {
  200: "OK",
  404: "Not Found",
  503: "Service Unavailable",
};

/** Seconds a client waits before giving up on a connection nobody answers (Linux SYN retries). */
export const CONNECT_TIMEOUT_SECONDS = 130;
