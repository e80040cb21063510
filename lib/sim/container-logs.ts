import type { Cluster } from "./cluster";
import type { ConnectResult } from "./network";
import type { Pod } from "./types";

/** Appends what one of a pod's containers wrote to stdout; `kubectl logs` prints it back. */
export function appendLog(cluster: Cluster, pod: Pod, container: string, text: string): void {
  const runtime = cluster.runtime.get(pod.metadata.uid);
  if (!runtime || !text) return;
  runtime.logs = { ...runtime.logs, [container]: (runtime.logs?.[container] ?? "") + text };
}

export const containerLog = (cluster: Cluster, pod: Pod, container: string): string =>
  cluster.runtime.get(pod.metadata.uid)?.logs?.[container] ?? "";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** nginx's $time_local: `15/Jan/2026:09:00:00 +0000` (the simulated nodes run in UTC). */
function nginxTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const isNginx = (image: string) => /^(?:docker\.io\/)?(?:library\/)?nginx(?::|@|$)/.test(image);

/**
 * One request served by a pod: an nginx container writes a line in the `main` log_format of the
 * nginx image's /etc/nginx/nginx.conf (from the nginx.org package; `access_log
 * /var/log/nginx/access.log main`, linked to stdout): nginx's `combined` fields
 * (`$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
 * "$http_user_agent"`) and then `"$http_x_forwarded_for"`, "-" when the request has no such header
 * and the original client when an ingress controller proxied it. `$remote_addr` is the source address
 * of the connection as the pod received it, so a node's SNAT (kube-proxy masquerading traffic that
 * arrived at a NodePort from outside) shows up as the node's address instead of the client's.
 */
export function logRequest(
  cluster: Cluster,
  served: Extract<ConnectResult, { ok: true }>,
  request: { method: string; path: string; status: number; bytes: number; userAgent: string; forwardedFor?: string },
): void {
  const nginx = served.pod.spec.containers.find((c) => isNginx(c.image));
  if (!nginx) return;
  const line = `${served.clientIP} - - [${nginxTime(cluster.now())}] "${request.method} ${request.path} HTTP/1.1" ${request.status} ${request.bytes} "-" "${request.userAgent}" "${request.forwardedFor ?? "-"}"\n`;
  appendLog(cluster, served.pod, nginx.name, line);
}

/**
 * One request the ingress-nginx controller proxied, in its default `log-format-upstream` (ingress-nginx
 * docs, ConfigMap options): the combined fields, then `$request_length $request_time [$proxy_upstream_name]
 * [$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time
 * $upstream_status $req_id`. The upstream is named namespace-service-port. Simulated requests take no
 * time, so both times are the smallest nginx prints (0.001 s), and the request length counts a request
 * line with the Host, User-Agent and Accept headers curl sends plus any set with -H.
 */
export function logIngressRequest(
  cluster: Cluster,
  controller: Pod,
  request: {
    client: string;
    path: string;
    headers: Record<string, string>;
    userAgent: string;
    status: number;
    bytes: number;
    upstream: string;
    upstreamAddr: string;
    requestId: string;
  },
): void {
  const headers = { host: request.headers.host, "user-agent": request.userAgent, accept: "*/*", ...request.headers };
  const length =
    `GET ${request.path} HTTP/1.1\r\n`.length +
    Object.entries(headers).reduce((n, [k, v]) => n + `${k}: ${v}\r\n`.length, 0) +
    2;
  const line = `${request.client} - - [${nginxTime(cluster.now())}] "GET ${request.path} HTTP/1.1" ${request.status} ${request.bytes} "-" "${request.userAgent}" ${length} 0.001 [${request.upstream}] [] ${request.upstreamAddr} ${request.bytes} 0.001 ${request.status} ${request.requestId}\n`;
  appendLog(cluster, controller, "controller", line);
}
