import type { Cluster } from "../cluster";
import { trackConnection } from "../conntrack";
import { logIngressRequest, logRequest } from "../container-logs";
import { resolveFromPod } from "../dns";
import { imageProfile } from "../images";
import {
  chooseUpstream,
  nginxErrorPage,
  redirectsToHttps,
  rewrittenPath,
  routeRequest,
  servedIngresses,
} from "../ingress-controller";
import { parseIPv4 } from "../ip";
import { type Client, type ConnectResult, clientIP, connect, type HealthCheck } from "../network";
import { policyDrop } from "../network-policy-enforcement";
import { containerListeningOn } from "../pod-runtime";
import type { Pod } from "../types";

export interface HttpTarget {
  host: string;
  port: number;
  path: string;
  /** Request headers the client set (curl -H, wget --header), by lowercase name; Host among them. */
  headers?: Record<string, string>;
  /** An https:// URL: the client opens TLS first. */
  scheme?: "https";
  /** The client accepts a certificate it cannot verify (curl -k; busybox wget never verifies). */
  insecure?: boolean;
}

export function parseUrl(raw: string): HttpTarget | null {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d+))?([^\s]*)$/i.exec(raw);
  if (!m) return null;
  const scheme = (m[1] ?? "http").toLowerCase();
  const target: HttpTarget = {
    host: m[2],
    port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80,
    path: m[4] || "/",
  };
  if (scheme === "https") target.scheme = "https";
  return target;
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
  | { kind: "connected"; target: HttpTarget; ip: string; result: ConnectResult; response?: HttpResponse }
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
  // The server answers once: the response is kept with the exchange (a proxy's choice of pod must not be made twice).
  // Over https the TLS handshake comes first: a server that does not speak TLS, or a certificate the
  // client refuses, ends the exchange before any request reaches the server.
  if (result.ok) exchange.response = handshake(result, target) ?? serve(cluster, result, target, userAgent);
  return exchange;
}

/** What the server that accepted the connection answers, logged by it (lib/sim/images.ts says which server an image runs). */
function serve(
  cluster: Cluster,
  result: Extract<ConnectResult, { ok: true }>,
  target: HttpTarget,
  userAgent: string,
): HttpResponse {
  const response = serverResponse(cluster, result, target, userAgent);
  logRequest(cluster, result, {
    method: "GET",
    path: target.path,
    status: response.status,
    bytes: response.body.length,
    userAgent,
    forwardedFor: target.headers?.["x-forwarded-for"],
  });
  return response;
}

export interface HttpResponse {
  status: 200 | 308 | 400 | 404 | 502 | 503 | 504;
  body: string;
  /** The Location header of a redirect. */
  location?: string;
  /** The TLS handshake failed: the server does not speak TLS there, or the client refused its certificate. */
  tlsError?: "not-tls" | "untrusted";
}

/** Does the server behind this connection answer TLS on it? Only the ingress controller's https port does. */
function speaksTls(result: Extract<ConnectResult, { ok: true }>): boolean {
  if (result.healthCheck) return false;
  const container = containerListeningOn(result.pod, result.port);
  return container !== undefined && imageProfile(container.image).server === "ingress-nginx" && result.port === 443;
}

/**
 * The TLS handshake of an https request. ingress-nginx presents the certificate of the Ingress's TLS
 * secret for a host in spec.tls, else its own "Kubernetes Ingress Controller Fake Certificate"; both are
 * self-signed here (a learner's certificate from openssl, or the controller's), so only a client that
 * skips verification gets through.
 */
function handshake(result: Extract<ConnectResult, { ok: true }>, target: HttpTarget): HttpResponse | null {
  if (target.scheme !== "https") return null;
  if (!speaksTls(result)) return { status: 400, body: "", tlsError: "not-tls" };
  return target.insecure ? null : { status: 400, body: "", tlsError: "untrusted" };
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

/** The response of an exchange (kept from when the server answered it). */
export function httpResponse(cluster: Cluster, exchange: Exchange): HttpResponse {
  if (exchange.kind === "internet")
    return {
      status: 200,
      body: `<!doctype html><html><head><title>${exchange.target.host}</title></head><body>A page from outside the cluster.</body></html>\n`,
    };
  if (exchange.kind !== "connected" || !exchange.result.ok) return { status: 200, body: "" };
  return exchange.response ?? serverResponse(cluster, exchange.result, exchange.target, "-");
}

function serverResponse(
  cluster: Cluster,
  result: Extract<ConnectResult, { ok: true }>,
  target: HttpTarget,
  userAgent: string,
): HttpResponse {
  if (result.healthCheck) return healthCheckResponse(result.healthCheck);
  const container = containerListeningOn(result.pod, result.port);
  const server = container ? imageProfile(container.image).server : "hostname";
  if (server === "nginx") return nginx(target.path);
  if (server === "netexec") return netexec(cluster, result.pod, target.path, result.clientIP);
  if (server === "ingress-nginx" && (result.port === 80 || result.port === 443)) {
    // nginx's answer to plain HTTP on its ssl port (ngx_http_request.c NGX_HTTP_TO_HTTPS).
    if (result.port === 443 && target.scheme !== "https")
      return {
        status: 400,
        body: "<html>\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\n<body>\n<center><h1>400 Bad Request</h1></center>\n<center>The plain HTTP request was sent to HTTPS port</center>\n<hr><center>nginx</center>\n</body>\n</html>\n",
      };
    return ingressNginx(cluster, result.pod, target, result.clientIP, userAgent);
  }
  if (server === "echoserver") return echoserver(result.pod, target, result.clientIP, userAgent);
  return { status: 200, body: `${podHostname(result.pod)}\n` };
}

/**
 * An ingress-nginx controller pod answering a request: route it by Host header and path
 * (ingress-controller.ts), then proxy it from the controller pod to one backend pod. The backend sees
 * the controller pod's address as the client; the original client (as the controller saw it, so after
 * any SNAT by kube-proxy on the way in) travels in X-Forwarded-For and X-Real-IP, which ingress-nginx
 * sets to $remote_addr when use-forwarded-headers is off (its default).
 */
function ingressNginx(
  cluster: Cluster,
  controller: Pod,
  target: HttpTarget,
  client: string,
  userAgent: string,
): HttpResponse {
  const host = target.headers?.host ?? target.host;
  const route = routeRequest(servedIngresses(cluster), host, target.path);
  if (!route) return { status: 404, body: nginxErrorPage("404 Not Found") };
  const scheme = target.scheme ?? "http";
  if (scheme === "http" && redirectsToHttps(route.ingress, host))
    return {
      status: 308,
      body: nginxErrorPage("308 Permanent Redirect"),
      location: `https://${host.replace(/:\d+$/, "")}${target.path}`,
    };
  const upstream = chooseUpstream(cluster, route);
  if (!upstream.ok) return { status: 503, body: nginxErrorPage("503 Service Temporarily Unavailable") };
  const path = rewrittenPath(route, target.path);
  const forwarded: Record<string, string> = {
    ...target.headers,
    host,
    "x-real-ip": client,
    "x-forwarded-for": client,
    "x-forwarded-host": host,
    "x-forwarded-port": String(target.port),
    "x-forwarded-proto": scheme,
    "x-forwarded-scheme": scheme,
    "x-scheme": scheme,
  };
  if ("external" in upstream) {
    // An ExternalName backend: the controller resolves the name through DNS and proxies to what it finds.
    const exchange = httpExchange(
      cluster,
      { kind: "pod", pod: controller },
      { host: upstream.external, port: upstream.port, path, headers: forwarded },
      userAgent,
    );
    if (exchange.kind === "dns-failed")
      return { status: 503, body: nginxErrorPage("503 Service Temporarily Unavailable") };
    if (exchange.kind === "connected" && !exchange.result.ok)
      return { status: 502, body: nginxErrorPage("502 Bad Gateway") };
    return httpResponse(cluster, exchange);
  }
  const ip = upstream.endpoint.endpoint.addresses[0];
  const result = connect(cluster, { kind: "pod", pod: controller }, ip, upstream.endpoint.port);
  if (!result.ok) {
    // proxy_connect_timeout is 5 s in ingress-nginx's configuration.
    if (result.error === "timeout") cluster.advance(5);
    return result.error === "timeout"
      ? { status: 504, body: nginxErrorPage("504 Gateway Time-out") }
      : { status: 502, body: nginxErrorPage("502 Bad Gateway") };
  }
  const requestId = Array.from({ length: 32 }, () => cluster.rng.int(16).toString(16)).join("");
  const headers: Record<string, string> = { ...forwarded, "x-request-id": requestId };
  const upstreamTarget = { host, port: upstream.endpoint.port, path, headers };
  const response = serve(cluster, result, upstreamTarget, userAgent);
  const { namespace, name } = upstream.service.metadata;
  logIngressRequest(cluster, controller, {
    client,
    path: target.path,
    headers: { ...target.headers, host },
    userAgent,
    status: response.status,
    bytes: response.body.length,
    upstream: `${namespace}-${name}-${upstream.port.port}`,
    upstreamAddr: `${ip}:${upstream.endpoint.port}`,
    requestId,
  });
  return response;
}

/**
 * The echoserver test image: a plain-text page of what it received (the client address it saw, the request
 * line and every request header, sorted, lowercase), with the pod's hostname first.
 */
function echoserver(pod: Pod, target: HttpTarget, client: string, userAgent: string): HttpResponse {
  const [file, query = ""] = target.path.split("?");
  const headers: Record<string, string> = {
    accept: "*/*",
    host: target.port === 80 ? target.host : `${target.host}:${target.port}`,
    "user-agent": userAgent,
    ...target.headers,
  };
  const headerLines = Object.keys(headers)
    .sort()
    .map((k) => `\t${k}=${headers[k]}`);
  const body = [
    "",
    "",
    `Hostname: ${podHostname(pod)}`,
    "",
    "Pod Information:",
    "\t-no pod information available-",
    "",
    "Server values:",
    "\tserver_version=nginx: 1.14.2 - lua: 10015",
    "",
    "Request Information:",
    `\tclient_address=${client}`,
    "\tmethod=GET",
    `\treal path=${file}`,
    `\tquery=${query}`,
    "\trequest_version=1.1",
    "\trequest_scheme=http",
    `\trequest_uri=http://${headers.host.includes(":") ? headers.host : `${headers.host}:${target.port}`}${target.path}`,
    "",
    "Request Headers:",
    ...headerLines,
    "",
    "Request Body:",
    "\t-no body in request-",
    "",
    "",
  ];
  return { status: 200, body: body.join("\n") };
}

export const STATUS_TEXT: Record<HttpResponse["status"], string> = {
  200: "OK",
  308: "Permanent Redirect",
  400: "Bad Request",
  404: "Not Found",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Seconds a client waits before giving up on a connection nobody answers (Linux SYN retries). */
export const CONNECT_TIMEOUT_SECONDS = 130;
