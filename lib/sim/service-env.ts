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

const hasClusterIP = (s: Service) =>
  s.spec.type !== "ExternalName" && !!s.spec.clusterIP && s.spec.clusterIP !== "None";

/** What a container's environment was built from when it started; shared parts are shared objects. */
export interface StartEnvironment {
  /** Service links of the namespace at start time: one frozen object shared by every pod started then. */
  serviceLinks: Readonly<Record<string, string>>;
  own: Record<string, string>;
}

const linkCache = new WeakMap<Cluster, Map<string, { version: number; vars: Readonly<Record<string, string>> }>>();

function serviceLinks(cluster: Cluster, namespace: string): Readonly<Record<string, string>> {
  let byNamespace = linkCache.get(cluster);
  if (!byNamespace) {
    byNamespace = new Map();
    linkCache.set(cluster, byNamespace);
  }
  const version = cluster.store.kindVersion("Service");
  const cached = byNamespace.get(namespace);
  if (cached && cached.version === version) return cached.vars;
  const vars: Record<string, string> = {};
  for (const s of cluster.store.list("Service", namespace)) if (hasClusterIP(s)) Object.assign(vars, varsFor(s));
  const frozen = Object.freeze(vars);
  byNamespace.set(namespace, { version, vars: frozen });
  return frozen;
}

/**
 * The variables the kubelet injects when a pod's containers start: one set per Service with a
 * ClusterIP in the pod's namespace that exists at that moment (enableServiceLinks, default true),
 * plus the `kubernetes` Service's always. A Service created later never shows up in a running pod;
 * DNS is the way to find those.
 */
export function startEnvironment(cluster: Cluster, pod: Pod): StartEnvironment {
  const links = pod.spec.enableServiceLinks !== false ? serviceLinks(cluster, pod.metadata.namespace!) : {};
  const own: Record<string, string> = {};
  const master = cluster.store.get("Service", "default", "kubernetes");
  if (master && hasClusterIP(master)) Object.assign(own, varsFor(master));
  for (const c of pod.spec.containers) for (const e of c.env ?? []) if (e.value !== undefined) own[e.name] = e.value;
  own.HOSTNAME = pod.spec.hostNetwork ? pod.spec.nodeName! : (pod.spec.hostname ?? pod.metadata.name);
  own.PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  own.HOME = "/root";
  return { serviceLinks: links, own };
}

/** The environment a process in the container sees, sorted by name like `env | sort`. */
export function environmentOf(start: StartEnvironment): Record<string, string> {
  const merged = { ...start.serviceLinks, ...start.own };
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}
