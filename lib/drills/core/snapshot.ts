import type { Cluster } from "../../sim/cluster";
import { lastRequest } from "../../sim/shell/http-client";
import { type RequestPath, requestPath } from "./request-path";

export interface ClusterSnapshot {
  nodes: {
    name: string;
    ip: string;
    schedulable: boolean;
    controlPlane: boolean;
    pods: { name: string; ip: string; ready: boolean; terminating: boolean }[];
  }[];
  pending: string[];
  services: {
    name: string;
    type: string;
    clusterIP: string;
    ports: string;
    endpoints: { ip: string; ready: boolean; pod: string }[];
  }[];
  /** The most recent request's path, for highlighting and drawing: who asked, through which Service, which pod answered. */
  lastRequest: RequestPath | null;
}

/** What the drill page's cluster view shows: the default namespace's workloads on each node, and its Services. */
export function clusterSnapshot(cluster: Cluster): ClusterSnapshot {
  const pods = cluster.pods("default");
  const nodes = cluster.nodes().map((n) => ({
    name: n.metadata.name,
    ip: cluster.nodeIP(n),
    schedulable: !n.spec.unschedulable,
    controlPlane: n.metadata.name === "control-plane",
    pods: pods
      .filter((p) => p.spec.nodeName === n.metadata.name)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
      .map((p) => ({
        name: p.metadata.name,
        ip: p.status.podIP ?? "",
        ready: cluster.isPodReady(p),
        terminating: !!p.metadata.deletionTimestamp,
      })),
  }));
  const services = cluster.store
    .list("Service", "default")
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
    .map((s) => ({
      name: s.metadata.name,
      type: s.spec.type,
      clusterIP: s.spec.clusterIP ?? "",
      ports: s.spec.ports
        .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
        .join(", "),
      endpoints: cluster.store
        .slicesFor("default", s.metadata.name)
        .flatMap((slice) => slice.endpoints)
        .map((e) => ({
          ip: e.addresses[0],
          ready: e.conditions.ready,
          pod: e.targetRef?.name ?? "",
        })),
    }));
  const trace = lastRequest(cluster);
  return {
    nodes,
    pending: pods.filter((p) => !p.spec.nodeName).map((p) => p.metadata.name),
    services,
    lastRequest: trace ? requestPath(cluster, trace) : null,
  };
}
