import type { Cluster } from "../../sim/cluster";
import { clientIP } from "../../sim/network";
import type { RequestTrace } from "../../sim/shell/http-client";

/** One box of the drawn path: who sent the request, the Service address it went to, the pod that answered. */
export interface PathHop {
  kind: "client" | "service" | "pod" | "failure";
  /** What it is, in words: "pod client", "Service web (ClusterIP)", "pod web-7d…", "refused". */
  label: string;
  /** Its address as the packet saw it (ip:port), or the reason for a failure. */
  detail: string;
}

/** The most recent request's path, for the cluster view's diagram and its text alternative. */
export interface RequestPath {
  from: string;
  clientPod: string | null;
  to: string;
  service: string | null;
  pod: string | null;
  result: "answered" | "refused" | "timeout" | "closed";
  hops: PathHop[];
  /** Why this pod answered: the kube-proxy rule that picked it, in words. */
  rule: string | null;
  /** The source address the answering pod saw, when kube-proxy rewrote it (SNAT). */
  rewrittenSource: string | null;
  /** The whole path as one sentence: the text alternative to the diagram. */
  summary: string;
}

const FAILURE = { refused: "refused", timeout: "timed out", closed: "closed with no reply" } as const;

const SERVICE_ENTRY = { service: "ClusterIP", nodeport: "node port", loadbalancer: "load balancer" } as const;

/** Turns the simulator's trace of the last connection into what the cluster view draws. */
export function requestPath(cluster: Cluster, trace: RequestTrace): RequestPath | null {
  const r = trace.result;
  if (!r) return null;
  const from =
    trace.client.kind === "pod"
      ? `pod ${trace.client.pod.metadata.name}`
      : trace.client.kind === "node"
        ? `node ${trace.client.nodeName}`
        : "your machine (outside the cluster)";
  const to = `${trace.target.host}:${trace.target.port}`;
  const source = clientIP(cluster, trace.client);
  const service = r.via ? r.via.service.metadata.name : null;
  const hops: PathHop[] = [{ kind: "client", label: from, detail: source }];
  if (r.via)
    hops.push({
      kind: "service",
      label: `Service ${service} (${SERVICE_ENTRY[r.via.kind]})`,
      detail: `${trace.ip}:${trace.target.port}`,
    });
  if (r.ok) hops.push({ kind: "pod", label: `pod ${r.pod.metadata.name}`, detail: `${r.ip}:${r.port}` });
  else hops.push({ kind: "failure", label: FAILURE[r.error], detail: r.reason });
  const path = hops
    .filter((h) => h.kind !== "failure")
    .map((h) => (h.kind === "pod" ? `${h.label} (${r.ok ? r.ip : ""})` : h.label))
    .join(" → ");
  const rule = r.ok ? ruleText(r) : null;
  const rewrittenSource = r.ok && r.clientIP !== source ? r.clientIP : null;
  return {
    from,
    clientPod: trace.client.kind === "pod" ? trace.client.pod.metadata.name : null,
    to,
    service,
    pod: r.ok ? r.pod.metadata.name : null,
    result: r.ok ? "answered" : r.error,
    hops,
    rule,
    rewrittenSource,
    summary: r.ok
      ? `${path}: answered${rule ? `. ${rule}` : ""}${rewrittenSource ? `. The pod saw the request come from ${rewrittenSource} (SNAT)` : ""}`
      : `${path} → ${FAILURE[r.error]}: ${r.reason}`,
  };
}

type Answered = Extract<NonNullable<RequestTrace["result"]>, { ok: true }>;

/**
 * The rule in words. In iptables mode each new connection is matched against the Service's endpoint
 * rules in turn with `statistic --mode random` (probability 1/n, then 1/(n-1), …: each endpoint 1/n
 * overall), so the answer names the rule, not a pod that another connection would also get.
 */
function ruleText(r: Answered): string {
  const choice = r.choice;
  if (!choice) return "Straight to the pod's own address: no Service, so no kube-proxy rule chose it.";
  const parts: string[] = [];
  if (choice.rule === "session-affinity")
    parts.push("sessionAffinity ClientIP: kube-proxy sent this client to the same endpoint as its last connection");
  else if (choice.among === 1) parts.push("kube-proxy had one endpoint to send it to");
  else if (choice.rule === "round-robin")
    parts.push(`kube-proxy (IPVS, round robin) sent it to the next of ${choice.among} endpoints in turn`);
  else
    parts.push(
      `kube-proxy (iptables) picked one of ${choice.among} endpoints at random, each with probability 1/${choice.among}; another connection may get another pod`,
    );
  if (choice.localTo) {
    const field = r.via?.kind === "service" ? "internalTrafficPolicy" : "externalTrafficPolicy";
    parts.push(`${field}: Local kept it to endpoints on ${choice.localTo}`);
  }
  if (choice.terminating) parts.push("no endpoint was ready, so it used a terminating one that still serves");
  return `${parts.join("; ")}.`;
}
