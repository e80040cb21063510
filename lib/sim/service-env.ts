import type { Cluster } from "./cluster";
import type { Pod, Service } from "./types";

const envName = (serviceName: string) => serviceName.toUpperCase().replace(/-/g, "_");

function varsFor(service: Service): Record<string, string> {
  const ip = service.spec.clusterIP!;
  const name = envName(service.metadata.name);
  const vars: Record<string, string> = { [`${name}_SERVICE_HOST`]: ip };
  service.spec.ports.forEach((p, i) => {
    const proto = p.protocol.toLowerCase();
    if (i === 0) {
      vars[`${name}_SERVICE_PORT`] = String(p.port);
      vars[`${name}_PORT`] = `${proto}://${ip}:${p.port}`;
    }
    if (p.name) vars[`${name}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
    const prefix = `${name}_PORT_${p.port}_${p.protocol}`;
    vars[prefix] = `${proto}://${ip}:${p.port}`;
    vars[`${prefix}_PROTO`] = proto;
    vars[`${prefix}_PORT`] = String(p.port);
    vars[`${prefix}_ADDR`] = ip;
  });
  return vars;
}

const hasClusterIP = (s: Service) => s.spec.type !== "ExternalName" && !!s.spec.clusterIP && s.spec.clusterIP !== "None";

/**
 * The variables the kubelet injects when a pod's containers start: one set per Service with a
 * ClusterIP in the pod's namespace that exists at that moment (enableServiceLinks, default true),
 * plus the `kubernetes` Service's always. A Service created later never shows up in a running pod;
 * DNS is the way to find those.
 */
export function serviceEnvironment(cluster: Cluster, pod: Pod): Record<string, string> {
  const env: Record<string, string> = {};
  if (pod.spec.enableServiceLinks !== false) {
    for (const s of cluster.store.list("Service", pod.metadata.namespace)) if (hasClusterIP(s)) Object.assign(env, varsFor(s));
  }
  const master = cluster.store.get("Service", "default", "kubernetes");
  if (master && hasClusterIP(master)) Object.assign(env, varsFor(master));
  for (const c of pod.spec.containers) for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  env.HOSTNAME = pod.spec.hostNetwork ? pod.spec.nodeName! : (pod.spec.hostname ?? pod.metadata.name);
  env.PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  env.HOME = "/root";
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
}
