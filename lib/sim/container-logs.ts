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
 * One request served by a pod: an nginx container writes a line in nginx's default `combined`
 * log_format (ngx_http_log_module: `$remote_addr - $remote_user [$time_local] "$request" $status
 * $body_bytes_sent "$http_referer" "$http_user_agent"`). `$remote_addr` is the source address of
 * the connection as the pod received it, so a node's SNAT (kube-proxy masquerading traffic that
 * arrived at a NodePort from outside) shows up as the node's address instead of the client's.
 */
export function logRequest(
  cluster: Cluster,
  served: Extract<ConnectResult, { ok: true }>,
  request: { method: string; path: string; status: number; bytes: number; userAgent: string },
): void {
  const nginx = served.pod.spec.containers.find((c) => isNginx(c.image));
  if (!nginx) return;
  const line = `${served.clientIP} - - [${nginxTime(cluster.now())}] "${request.method} ${request.path} HTTP/1.1" ${request.status} ${request.bytes} "-" "${request.userAgent}"\n`;
  appendLog(cluster, served.pod, nginx.name, line);
}
