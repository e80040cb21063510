import type { Cluster } from "../cluster";
import { formatLabelSelector, formatLabels } from "../labels";
import type {
  DaemonSet,
  Deployment,
  EndpointSlice,
  Ingress,
  IngressClass,
  KubeEvent,
  Namespace,
  NetworkPolicy,
  NodeObject,
  Pod,
  ReplicaSet,
  ResourceQuota,
  Service,
  StatefulSet,
} from "../types";
import { humanDuration, since } from "./age";
import type { EndpointsObject, Listable, ResourceKind } from "./resources";

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
}

type Row = string[];
interface Columns {
  headers: string[];
  wideHeaders?: string[];
  row: (o: never, cluster: Cluster) => Row;
  wideRow?: (o: never, cluster: Cluster) => Row;
}

const age = (cluster: Cluster, o: { metadata: { creationTimestamp: string } }) =>
  since(cluster.now(), o.metadata.creationTimestamp);
const none = (v: string | undefined) => (v === undefined || v === "" ? "<none>" : v);

/**
 * printPod's STATUS (pkg/printers/internalversion/printers.go): the phase, overridden by the last
 * container (in reverse order, so the first one wins) that is waiting (ContainerCreating) or
 * terminated (Completed, Error); "Completed" while another container still runs reads Running or
 * NotReady; and any pod with a deletionTimestamp that has not finished reads Terminating.
 */
export function podStatusText(pod: Pod): string {
  let reason: string = pod.status.phase;
  // A scheduled pod the kubelet has not reported on yet (no sandbox): its containers wait to be created.
  if (reason === "Pending" && pod.spec.nodeName && pod.status.containerStatuses.length === 0)
    reason = "ContainerCreating";
  let hasRunning = false;
  for (const s of [...pod.status.containerStatuses].reverse()) {
    if (s.state.waiting?.reason) reason = s.state.waiting.reason;
    else if (s.state.terminated) reason = s.state.terminated.reason || `ExitCode:${s.state.terminated.exitCode}`;
    else if (s.ready && s.state.running) hasRunning = true;
  }
  if (reason === "Completed" && hasRunning)
    reason = pod.status.conditions.some((c) => c.type === "Ready" && c.status === "True") ? "Running" : "NotReady";
  const terminal = pod.status.phase === "Succeeded" || pod.status.phase === "Failed";
  if (pod.metadata.deletionTimestamp && !terminal) return "Terminating";
  return reason;
}

function restarts(cluster: Cluster, pod: Pod): string {
  const count = pod.status.containerStatuses.reduce((n, s) => n + s.restartCount, 0);
  if (count === 0) return "0";
  const last = pod.status.containerStatuses
    .map((s) => s.state.running?.startedAt)
    .filter(Boolean)
    .sort()
    .at(-1);
  return last ? `${count} (${humanDuration(cluster.now() - Date.parse(last!))} ago)` : String(count);
}

export function servicePorts(service: Service): string {
  if (service.spec.ports.length === 0) return "<none>";
  return service.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol}`).join(",");
}

export function serviceExternalIP(service: Service): string {
  if (service.spec.type === "ExternalName") return service.spec.externalName ?? "<none>";
  if (service.spec.type === "LoadBalancer")
    return service.status.loadBalancer.ingress?.map((i) => i.ip).join(",") || "<pending>";
  return "<none>";
}

export const firstThree = (items: string[]) =>
  items.length > 3 ? `${items.slice(0, 3).join(",")} + ${items.length - 3} more...` : items.join(",");

export function endpointsText(ep: EndpointsObject): string {
  const items = (ep.subsets ?? []).flatMap((s) =>
    (s.addresses ?? []).flatMap((a) => s.ports.map((p) => `${a.ip}:${p.port}`)),
  );
  return items.length ? firstThree(items) : "<none>";
}

/**
 * printers.go formatHosts: the first three hosts; a rule met once three are listed adds "+ N more..."
 * (N counts rules, not hosts); "*" when no rule has a host.
 */
export function ingressHosts(ingress: Ingress): string {
  const rules = ingress.spec.rules ?? [];
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return "*";
  return more ? `${hosts.join(",")} + ${rules.length - 3} more...` : hosts.join(",");
}

const COLUMNS: Record<ResourceKind, Columns> = {
  Pod: {
    headers: ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
    wideHeaders: ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
    row: (p: Pod, c) => [
      p.metadata.name,
      `${p.status.containerStatuses.filter((s) => s.ready).length}/${p.spec.containers.length}`,
      podStatusText(p),
      restarts(c, p),
      age(c, p),
    ],
    wideRow: (p: Pod) => [none(p.status.podIP), none(p.spec.nodeName), "<none>", "<none>"],
  },
  Service: {
    headers: ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
    wideHeaders: ["SELECTOR"],
    row: (s: Service, c) => [
      s.metadata.name,
      s.spec.type,
      s.spec.clusterIP ?? "<none>",
      serviceExternalIP(s),
      servicePorts(s),
      age(c, s),
    ],
    wideRow: (s: Service) => [formatLabels(s.spec.selector)],
  },
  Deployment: {
    headers: ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
    wideHeaders: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (d: Deployment, c) => [
      d.metadata.name,
      `${d.status.readyReplicas}/${d.spec.replicas}`,
      String(d.status.updatedReplicas),
      String(d.status.availableReplicas),
      age(c, d),
    ],
    wideRow: (d: Deployment) => [
      d.spec.template.spec.containers.map((x) => x.name).join(","),
      d.spec.template.spec.containers.map((x) => x.image).join(","),
      formatLabels(d.spec.selector.matchLabels),
    ],
  },
  ReplicaSet: {
    headers: ["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
    wideHeaders: ["CONTAINERS", "IMAGES", "SELECTOR"],
    row: (r: ReplicaSet, c) => [
      r.metadata.name,
      String(r.spec.replicas),
      String(r.status.replicas),
      String(r.status.readyReplicas),
      age(c, r),
    ],
    wideRow: (r: ReplicaSet) => [
      r.spec.template.spec.containers.map((x) => x.name).join(","),
      r.spec.template.spec.containers.map((x) => x.image).join(","),
      formatLabels(r.spec.selector.matchLabels),
    ],
  },
  DaemonSet: {
    headers: ["NAME", "DESIRED", "CURRENT", "READY", "UP-TO-DATE", "AVAILABLE", "NODE SELECTOR", "AGE"],
    row: (d: DaemonSet, c) => {
      const n = String(d.status.desiredNumberScheduled);
      const r = String(d.status.numberReady);
      // printers.go printDaemonSet: NODE SELECTOR is the template's nodeSelector, <none> without one.
      const selector = Object.entries(d.spec.template.spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
      return [d.metadata.name, n, n, r, n, r, selector.join(",") || "<none>", age(c, d)];
    },
  },
  // printers.go printStatefulSet: READY is ready/desired.
  StatefulSet: {
    headers: ["NAME", "READY", "AGE"],
    wideHeaders: ["CONTAINERS", "IMAGES"],
    row: (s: StatefulSet, c) => [s.metadata.name, `${s.status.readyReplicas}/${s.spec.replicas}`, age(c, s)],
    wideRow: (s: StatefulSet) => [
      s.spec.template.spec.containers.map((x) => x.name).join(","),
      s.spec.template.spec.containers.map((x) => x.image).join(","),
    ],
  },
  EndpointSlice: {
    headers: ["NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"],
    row: (s: EndpointSlice, c) => [
      s.metadata.name,
      s.addressType,
      s.ports.length ? s.ports.map((p) => String(p.port)).join(",") : "<unset>",
      s.endpoints.length ? firstThree(s.endpoints.map((e) => e.addresses[0])) : "<unset>",
      age(c, s),
    ],
  },
  Endpoints: {
    headers: ["NAME", "ENDPOINTS", "AGE"],
    row: (e: EndpointsObject, c) => [e.metadata.name, endpointsText(e), age(c, e)],
  },
  Node: {
    headers: ["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
    wideHeaders: ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"],
    row: (n: NodeObject, c) => [
      n.metadata.name,
      `Ready${n.spec.unschedulable ? ",SchedulingDisabled" : ""}`,
      Object.hasOwn(n.metadata.labels ?? {}, "node-role.kubernetes.io/control-plane") ? "control-plane" : "<none>",
      age(c, n),
      n.status.nodeInfo.kubeletVersion,
    ],
    wideRow: (n: NodeObject, c) => [
      c.nodeIP(n),
      "<none>",
      n.status.nodeInfo.osImage,
      n.status.nodeInfo.kernelVersion,
      n.status.nodeInfo.containerRuntimeVersion,
    ],
  },
  Namespace: {
    headers: ["NAME", "STATUS", "AGE"],
    row: (n: Namespace, c) => [n.metadata.name, n.status.phase, age(c, n)],
  },
  // printers.go printResourceQuota: "resource: used/hard" by resource name, limits.* under LIMIT.
  ResourceQuota: {
    headers: ["NAME", "AGE", "REQUEST", "LIMIT"],
    row: (q: ResourceQuota, c) => {
      const cells = (limits: boolean) =>
        Object.keys(q.status.hard)
          .sort()
          .filter((r) => r.startsWith("limits.") === limits)
          .map((r) => `${r}: ${q.status.used[r] ?? "0"}/${q.status.hard[r]}`)
          .join(", ");
      return [q.metadata.name, age(c, q), cells(false), cells(true)];
    },
  },
  // printers.go printNetworkPolicy: NAME, POD-SELECTOR, AGE.
  NetworkPolicy: {
    headers: ["NAME", "POD-SELECTOR", "AGE"],
    row: (p: NetworkPolicy, c) => [p.metadata.name, formatLabelSelector(p.spec.podSelector), age(c, p)],
  },
  // printers.go printIngress: CLASS <none> without ingressClassName; HOSTS the first three hosts, "*" for
  // none; ADDRESS the status IPs, empty until a controller writes them; PORTS "80, 443" once TLS is set.
  Ingress: {
    headers: ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
    row: (i: Ingress, c) => [
      i.metadata.name,
      i.spec.ingressClassName ?? "<none>",
      ingressHosts(i),
      (i.status.loadBalancer.ingress ?? []).map((a) => a.ip).join(","),
      i.spec.tls?.length ? "80, 443" : "80",
      age(c, i),
    ],
  },
  // printers.go printIngressClass: NAME, CONTROLLER, PARAMETERS, AGE.
  IngressClass: {
    headers: ["NAME", "CONTROLLER", "PARAMETERS", "AGE"],
    row: (i: IngressClass, c) => [i.metadata.name, i.spec.controller, "<none>", age(c, i)],
  },
  // The API server's event printer (printers.go printEvent): the object as lowercase kind/name.
  Event: {
    headers: ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
    row: (e: KubeEvent, c) => [
      since(c.now(), e.lastTimestamp),
      e.type,
      e.reason,
      `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      e.message.trim(),
    ],
  },
};

/** Columns padded like kubectl's tabwriter: three spaces between columns, no padding at the end. */
export function renderTable(rows: Row[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return `${rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3)))
        .join("")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

export function printTable(cluster: Cluster, kind: ResourceKind, objects: Listable[], options: TableOptions): string {
  const cols = COLUMNS[kind];
  const headers = [
    ...(options.withNamespace ? ["NAMESPACE"] : []),
    ...cols.headers,
    ...(options.wide ? (cols.wideHeaders ?? []) : []),
    ...(options.showLabels ? ["LABELS"] : []),
  ];
  const rows = objects.map((o) => [
    ...(options.withNamespace ? [o.metadata.namespace ?? ""] : []),
    ...cols.row(o as never, cluster),
    ...(options.wide && cols.wideRow ? cols.wideRow(o as never, cluster) : []),
    ...(options.showLabels ? [formatLabels(o.metadata.labels)] : []),
  ]);
  return renderTable([headers, ...rows]);
}
