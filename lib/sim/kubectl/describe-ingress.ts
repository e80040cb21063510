import type { Cluster } from "../cluster";
import { backendServicePort } from "../ingress-controller";
import { backends } from "../network";
import type { Ingress, IngressBackend } from "../types";
import { since } from "./age";
import { firstThree } from "./printers";

/**
 * Go's text/tabwriter as kubectl's describers use it (minwidth 0, padding 2): cells end at a tab, the last
 * cell of a line is not aligned, and a column's width is set per block of consecutive lines that have it.
 */
export function tabwrite(lines: string[], padding = 2): string[] {
  const cells = lines.map((l) => l.split("\t"));
  const widths = cells.map((c) => c.map(() => 0));
  const format = (from: number, to: number, column: number) => {
    let i = from;
    while (i < to) {
      if (column >= cells[i].length - 1) {
        i++;
        continue;
      }
      let j = i;
      let width = 0;
      while (j < to && column < cells[j].length - 1) width = Math.max(width, cells[j++][column].length);
      for (let k = i; k < j; k++) widths[k][column] = width + padding;
      format(i, j, column + 1);
      i = j;
    }
  };
  format(0, cells.length, 0);
  return cells.map((c, i) => c.map((cell, k) => (k < c.length - 1 ? cell.padEnd(widths[i][k]) : cell)).join(""));
}

/**
 * describe.go describeBackendV1: "svc:port (podIP:port,...)", the port as the Ingress names it (number
 * or name), the Service's ready endpoints for that port (three at most, then "+ N more..."), `<none>`
 * without any, and the lookup's error when the Service does not exist.
 */
function describeBackend(cluster: Cluster, namespace: string, backend: IngressBackend): string {
  const name = backend.service?.name ?? "";
  const port = backend.service?.port;
  const service = cluster.store.get("Service", namespace, name);
  if (!service) return `<error: services "${name}" not found>`;
  const servicePort = backendServicePort(service, backend);
  const addresses = servicePort
    ? backends(cluster, service, servicePort)
        .filter((b) => b.endpoint.conditions.ready)
        .map((b) => `${b.endpoint.addresses[0]}:${b.port}`)
    : [];
  return `${name}:${port?.name || (port?.number ?? 0)} (${addresses.length ? firstThree(addresses) : "<none>"})`;
}

const multiline = (label: string, values: Record<string, string> | undefined) => {
  const entries = Object.entries(values ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return [`${label}:\t<none>`];
  return entries.map(([k, v], i) => (i === 0 ? `${label}:\t${k}=${v}` : `\t${k}=${v}`));
};

/** describe.go DescribeEvents: the object's events, oldest first; a repeated one as "AGE (xN over FIRST)". */
function eventLines(cluster: Cluster, ingress: Ingress): string[] {
  const events = cluster.events
    .list(ingress.metadata.namespace)
    .filter((e) => e.involvedObject.uid === ingress.metadata.uid);
  if (events.length === 0) return ["Events:\t<none>"];
  const now = cluster.now();
  return [
    "Events:",
    "  Type\tReason\tAge\tFrom\tMessage",
    "  ----\t------\t----\t----\t-------",
    ...events.map((e) => {
      const age =
        e.count > 1
          ? `${since(now, e.lastTimestamp)} (x${e.count} over ${since(now, e.firstTimestamp)})`
          : since(now, e.firstTimestamp);
      return `  ${e.type}\t${e.reason}\t${age}\t${e.source.component}\t${e.message}`;
    }),
  ];
}

/** describe.go describeIngressV1. */
export function describeIngress(cluster: Cluster, ingress: Ingress): string[] {
  const namespace = ingress.metadata.namespace!;
  const defaultBackend = ingress.spec.defaultBackend
    ? describeBackend(cluster, namespace, ingress.spec.defaultBackend)
    : "<default>";
  const lines = [
    `Name:\t${ingress.metadata.name}`,
    ...multiline("Labels", ingress.metadata.labels),
    `Namespace:\t${namespace}`,
    `Address:\t${(ingress.status.loadBalancer.ingress ?? []).map((a) => a.ip).join(",")}`,
    `Ingress Class:\t${ingress.spec.ingressClassName ?? "<none>"}`,
    `Default backend:\t${defaultBackend}`,
  ];
  if (ingress.spec.tls?.length) {
    lines.push("TLS:");
    for (const t of ingress.spec.tls)
      lines.push(
        t.secretName
          ? `  ${t.secretName} terminates ${(t.hosts ?? []).join(",")}`
          : `  SNI routes ${(t.hosts ?? []).join(",")}`,
      );
  }
  lines.push("Rules:", "  Host\tPath\tBackends", "  ----\t----\t--------");
  const withHttp = (ingress.spec.rules ?? []).filter((r) => r.http);
  for (const rule of withHttp) {
    lines.push(`  ${rule.host || "*"}\t`);
    for (const p of rule.http!.paths)
      lines.push(`    \t${p.path ?? ""} \t${describeBackend(cluster, namespace, p.backend)}`);
  }
  if (withHttp.length === 0) lines.push(`  *\t*\t${defaultBackend}`);
  lines.push(...multiline("Annotations", ingress.metadata.annotations), ...eventLines(cluster, ingress));
  return tabwrite(lines);
}
