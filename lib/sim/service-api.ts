import type { AllocationError } from "./allocators";
import type { Cluster } from "./cluster";
import { alreadyExists, invalid } from "./errors";
import { formatIPv4 } from "./ip";
import { dns1035LabelError, dnsSubdomainError } from "./names";
import { admitToNamespace } from "./namespace-lifecycle";
import { admitCreate } from "./quota";
import type { Service, ServicePort, ServiceType } from "./types";

const TYPES: ServiceType[] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10800;

const isError = (value: unknown): value is AllocationError =>
  typeof value === "object" && value !== null && "kind" in value;
const goList = (ip: string) => `[]string{"${ip}"}`;

/** Validation that needs no allocation; returns field errors in the API server's words. */
function validate(service: Service): string[] {
  const errors: string[] = [];
  const { spec } = service;
  const nameError = dns1035LabelError(service.metadata.name);
  if (nameError) errors.push(`metadata.name: Invalid value: "${service.metadata.name}": ${nameError}`);
  if (!TYPES.includes(spec.type))
    errors.push(
      `spec.type: Unsupported value: "${spec.type}": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"`,
    );
  if (spec.type === "ExternalName") {
    if (!spec.externalName) errors.push("spec.externalName: Required value");
    else {
      const e = dnsSubdomainError(spec.externalName.replace(/\.$/, ""));
      if (e) errors.push(`spec.externalName: Invalid value: "${spec.externalName}": ${e}`);
    }
  } else if (spec.ports.length === 0 && spec.clusterIP !== "None") {
    // ValidateService requires ports unless the Service is headless or ExternalName
    // (pkg/apis/core/validation/validation.go; `kubectl create service clusterip NAME --clusterip=None`).
    errors.push("spec.ports: Required value");
  }
  const seen = new Set<string>();
  spec.ports.forEach((p, i) => {
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535)
      errors.push(`spec.ports[${i}].port: Invalid value: ${p.port}: must be between 1 and 65535, inclusive`);
    if (spec.ports.length > 1 && !p.name) errors.push(`spec.ports[${i}].name: Required value`);
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key))
      errors.push(
        `spec.ports[${i}]: Duplicate value: core.ServicePort{Name:"${p.name ?? ""}", Protocol:"${p.protocol}", Port:${p.port}}`,
      );
    seen.add(key);
    if (typeof p.targetPort === "number" && (p.targetPort < 1 || p.targetPort > 65535))
      errors.push(
        `spec.ports[${i}].targetPort: Invalid value: ${p.targetPort}: must be between 1 and 65535, inclusive`,
      );
    if (p.nodePort !== undefined && spec.type !== "NodePort" && spec.type !== "LoadBalancer") {
      errors.push(`spec.ports[${i}].nodePort: Forbidden: may not be used when \`type\` is '${spec.type}'`);
    }
  });
  if (spec.clusterIP === "None" && (spec.type === "NodePort" || spec.type === "LoadBalancer")) {
    errors.push(`spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${spec.type} services`);
  }
  if (spec.sessionAffinity !== "None" && spec.sessionAffinity !== "ClientIP") {
    errors.push(
      `spec.sessionAffinity: Unsupported value: "${spec.sessionAffinity}": supported values: "ClientIP", "None"`,
    );
  }
  errors.push(...affinityErrors(service), ...trafficPolicyErrors(service));
  return errors;
}

/** core.MaxClientIPServiceAffinitySeconds: one day. */
export const MAX_AFFINITY_TIMEOUT_SECONDS = 86400;

/** validateClientIPAffinityConfig and validateAffinityTimeout (pkg/apis/core/validation/validation.go). */
function affinityErrors(service: Service): string[] {
  const { spec } = service;
  if (spec.sessionAffinity === "None" && spec.sessionAffinityConfig !== undefined)
    return ["spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None"];
  if (spec.sessionAffinity !== "ClientIP") return [];
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (
    typeof timeout !== "number" ||
    !Number.isInteger(timeout) ||
    timeout <= 0 ||
    timeout > MAX_AFFINITY_TIMEOUT_SECONDS
  )
    return [
      `spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: ${timeout}: must be greater than 0 and less than ${MAX_AFFINITY_TIMEOUT_SECONDS}`,
    ];
  return [];
}

const externallyAccessible = (spec: Service["spec"]) => spec.type === "NodePort" || spec.type === "LoadBalancer";
/** apiservice.NeedsHealthCheck: only a LoadBalancer with externalTrafficPolicy Local gets a health check port. */
const needsHealthCheck = (spec: Service["spec"]) =>
  spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";

/** validateServiceExternalTrafficPolicy and validateServiceInternalTrafficFieldsValue. */
function trafficPolicyErrors(service: Service): string[] {
  const { spec } = service;
  const errors: string[] = [];
  if (!externallyAccessible(spec) && spec.externalTrafficPolicy !== undefined)
    errors.push(
      `spec.externalTrafficPolicy: Invalid value: "${spec.externalTrafficPolicy}": may only be set for externally-accessible services`,
    );
  else if (
    externallyAccessible(spec) &&
    spec.externalTrafficPolicy !== "Cluster" &&
    spec.externalTrafficPolicy !== "Local"
  )
    errors.push(
      `spec.externalTrafficPolicy: Unsupported value: "${spec.externalTrafficPolicy}": supported values: "Cluster", "Local"`,
    );
  if (spec.healthCheckNodePort !== undefined && !needsHealthCheck(spec))
    errors.push(
      `spec.healthCheckNodePort: Invalid value: ${spec.healthCheckNodePort}: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local'`,
    );
  if (
    spec.type !== "ExternalName" &&
    spec.internalTrafficPolicy !== "Cluster" &&
    spec.internalTrafficPolicy !== "Local"
  )
    errors.push(
      `spec.internalTrafficPolicy: Unsupported value: "${spec.internalTrafficPolicy}": supported values: "Cluster", "Local"`,
    );
  return errors;
}

function applyDefaults(service: Service): void {
  const { spec } = service;
  spec.sessionAffinity ??= "None";
  spec.ports = spec.ports.map((p) => ({ ...p, protocol: p.protocol ?? "TCP", targetPort: p.targetPort ?? p.port }));
  // SetDefaults_Service: a missing ClientIP timeout becomes 10800; a config under None is left for validation.
  if (spec.sessionAffinity === "ClientIP") {
    spec.sessionAffinityConfig = {
      clientIP: {
        timeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS,
      },
    };
  }
  if (spec.type !== "ExternalName") {
    spec.ipFamilies = ["IPv4"];
    spec.ipFamilyPolicy = "SingleStack";
    spec.internalTrafficPolicy ??= "Cluster";
  }
  if (externallyAccessible(spec)) spec.externalTrafficPolicy ??= "Cluster";
}

/**
 * dropTypeDependentFields (pkg/registry/core/service/strategy.go): when an update changes the type, fields
 * the new type cannot have are cleared if the user left them as they were, instead of being rejected.
 */
function dropTypeDependentFields(existing: Service, next: Service): void {
  const before = existing.spec;
  const after = next.spec;
  if (!externallyAccessible(after) && after.externalTrafficPolicy === before.externalTrafficPolicy)
    delete after.externalTrafficPolicy;
  if (!needsHealthCheck(after) && after.healthCheckNodePort === before.healthCheckNodePort)
    delete after.healthCheckNodePort;
  if (before.sessionAffinity === "ClientIP" && after.sessionAffinity === "None") delete after.sessionAffinityConfig;
}

/**
 * The health check port of a LoadBalancer with externalTrafficPolicy Local: the one requested, the one it
 * had, or the next free one from the NodePort range (pkg/registry/core/service/storage/alloc.go).
 */
function allocateHealthCheckPort(cluster: Cluster, spec: Service["spec"], had: number | undefined): string[] {
  if (!needsHealthCheck(spec)) {
    if (had !== undefined) cluster.nodePorts.release(had);
    return [];
  }
  const requested = spec.healthCheckNodePort;
  if (requested === undefined || requested === 0) {
    if (had !== undefined) {
      spec.healthCheckNodePort = had;
      return [];
    }
    const port = cluster.nodePorts.allocateNext();
    if (isError(port))
      return ["spec.healthCheckNodePort: Internal error: failed to allocate a nodePort: range is full"];
    spec.healthCheckNodePort = port;
    return [];
  }
  if (requested === had) return [];
  const err = cluster.nodePorts.allocate(requested);
  if (err) return [`spec.healthCheckNodePort: Invalid value: ${requested}: ${err.message}`];
  if (had !== undefined) cluster.nodePorts.release(had);
  return [];
}

/** Allocates node ports (requested ones first, so a random one never takes a requested port). */
function allocateNodePorts(cluster: Cluster, ports: ServicePort[], keep: Map<number, number>): string[] {
  const errors: string[] = [];
  const taken: number[] = [];
  ports.forEach((p, i) => {
    const requested = p.nodePort ?? keep.get(p.port);
    if (requested === undefined) return;
    if (keep.get(p.port) === requested) return; // already ours
    const err = cluster.nodePorts.allocate(requested);
    if (err) errors.push(`spec.ports[${i}].nodePort: Invalid value: ${requested}: ${err.message}`);
    else taken.push(requested);
    p.nodePort = requested;
  });
  if (errors.length) {
    for (const t of taken) cluster.nodePorts.release(t);
    return errors;
  }
  for (const p of ports) {
    if (p.nodePort !== undefined) continue;
    const port = cluster.nodePorts.allocateNext();
    if (isError(port)) return ["spec.ports: Internal error: failed to allocate a nodePort: range is full"];
    p.nodePort = port;
  }
  return [];
}

function assignLoadBalancerIP(cluster: Cluster, service: Service): void {
  const pool = cluster.loadBalancerIPs;
  if (!pool || service.spec.type !== "LoadBalancer" || service.status.loadBalancer.ingress?.length) return;
  for (let i = 1; i < pool.cidr.size - 1; i++) {
    const ip = formatIPv4(pool.cidr.base + i);
    if (!pool.used.has(ip)) {
      pool.used.add(ip);
      service.status.loadBalancer = { ingress: [{ ip }] };
      return;
    }
  }
}

function releaseAll(cluster: Cluster, service: Service): void {
  if (service.spec.clusterIP && service.spec.clusterIP !== "None") cluster.clusterIPs.release(service.spec.clusterIP);
  for (const p of service.spec.ports) if (p.nodePort) cluster.nodePorts.release(p.nodePort);
  if (service.spec.healthCheckNodePort) cluster.nodePorts.release(service.spec.healthCheckNodePort);
  for (const ingress of service.status.loadBalancer.ingress ?? []) cluster.loadBalancerIPs?.used.delete(ingress.ip);
}

/** Creates a Service as the API server does: validate, default, allocate a ClusterIP and node ports. */
export function createService(cluster: Cluster, input: Service): Service {
  const service = structuredClone(input);
  const name = service.metadata.name;
  const namespace = service.metadata.namespace ?? "default";
  admitToNamespace(cluster, namespace, "Service", name);
  if (cluster.store.get("Service", namespace, name)) throw alreadyExists("Service", name);
  applyDefaults(service);
  const errors = validate(service);
  if (errors.length) throw invalid("Service", name, errors);
  // Validating admission (ResourceQuota) runs after validation.
  admitCreate(cluster, namespace, "services", name);

  const { spec } = service;
  if (spec.type === "ExternalName") {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else if (spec.clusterIP === "None") {
    spec.clusterIPs = ["None"];
  } else if (spec.clusterIP) {
    const err = cluster.clusterIPs.allocate(spec.clusterIP);
    if (err)
      throw invalid("Service", name, [
        `spec.clusterIPs: Invalid value: ${goList(spec.clusterIP)}: failed to allocate IP ${spec.clusterIP}: ${err.message}`,
      ]);
    spec.clusterIPs = [spec.clusterIP];
  } else {
    const ip = cluster.clusterIPs.allocateNext();
    if (isError(ip))
      throw invalid("Service", name, [
        `spec.clusterIPs: Internal error: failed to allocate a serviceIP: ${ip.message}`,
      ]);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
  }
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
    const portErrors = allocateNodePorts(cluster, spec.ports, new Map());
    const healthErrors = portErrors.length ? [] : allocateHealthCheckPort(cluster, spec, undefined);
    if (portErrors.length || healthErrors.length) {
      if (spec.clusterIP && spec.clusterIP !== "None") cluster.clusterIPs.release(spec.clusterIP);
      if (healthErrors.length) for (const p of spec.ports) if (p.nodePort) cluster.nodePorts.release(p.nodePort);
      throw invalid("Service", name, [...portErrors, ...healthErrors]);
    }
  }
  service.metadata = cluster.meta(name, namespace, {
    ...(service.metadata.labels ? { labels: service.metadata.labels } : {}),
    ...(service.metadata.annotations ? { annotations: service.metadata.annotations } : {}),
  });
  service.status = { loadBalancer: {} };
  assignLoadBalancerIP(cluster, service);
  cluster.save(service);
  cluster.reconcile();
  return service;
}

/**
 * Applies a changed Service: spec.clusterIP is immutable once set (it may be left out, which keeps
 * it); node ports are kept for ports that still exist, allocated for new ones, released when the
 * type no longer needs them. Returns whether anything changed.
 */
export function updateService(cluster: Cluster, existing: Service, input: Service): boolean {
  const name = existing.metadata.name;
  const next = structuredClone(input);
  applyDefaults(next);
  dropTypeDependentFields(existing, next);
  const errors = validate(next);
  const oldIP = existing.spec.clusterIP;
  const newIP = next.spec.clusterIP;
  if (newIP && oldIP && newIP !== oldIP && next.spec.type !== "ExternalName" && existing.spec.type !== "ExternalName") {
    errors.push(`spec.clusterIPs[0]: Invalid value: ${goList(newIP)}: may not change once set`);
    errors.push(`spec.clusterIP: Invalid value: "${newIP}": field is immutable`);
  }
  if (errors.length) throw invalid("Service", name, errors);

  const before = JSON.stringify({ spec: existing.spec, labels: existing.metadata.labels });
  const needsNodePorts = next.spec.type === "NodePort" || next.spec.type === "LoadBalancer";
  // Node ports stay with ports that still exist and do not ask for another; the rest go back.
  const kept = new Map<number, number>();
  for (const old of existing.spec.ports) {
    if (!old.nodePort) continue;
    const match = needsNodePorts ? next.spec.ports.find((n) => n.port === old.port) : undefined;
    if (match && (match.nodePort === undefined || match.nodePort === old.nodePort)) kept.set(old.port, old.nodePort);
    else cluster.nodePorts.release(old.nodePort);
  }
  if (needsNodePorts) {
    const portErrors = allocateNodePorts(cluster, next.spec.ports, kept);
    if (portErrors.length) throw invalid("Service", name, portErrors);
    const healthErrors = allocateHealthCheckPort(cluster, next.spec, existing.spec.healthCheckNodePort);
    if (healthErrors.length) throw invalid("Service", name, healthErrors);
  } else {
    if (existing.spec.healthCheckNodePort) cluster.nodePorts.release(existing.spec.healthCheckNodePort);
    for (const p of next.spec.ports) delete p.nodePort;
  }
  if (next.spec.type === "ExternalName") {
    if (oldIP && oldIP !== "None") cluster.clusterIPs.release(oldIP);
    delete next.spec.clusterIP;
    delete next.spec.clusterIPs;
  } else if (oldIP) {
    next.spec.clusterIP = oldIP;
    next.spec.clusterIPs = [oldIP];
  } else {
    const ip =
      newIP && newIP !== "None"
        ? (cluster.clusterIPs.allocate(newIP) ?? newIP)
        : newIP === "None"
          ? "None"
          : cluster.clusterIPs.allocateNext();
    if (isError(ip))
      throw invalid("Service", name, [
        `spec.clusterIPs: Invalid value: ${goList(newIP ?? "")}: failed to allocate IP ${newIP}: ${ip.message}`,
      ]);
    next.spec.clusterIP = ip;
    next.spec.clusterIPs = [ip];
  }
  existing.spec = next.spec;
  existing.metadata.labels = next.metadata.labels;
  if (!needsNodePorts || next.spec.type !== "LoadBalancer") {
    for (const ingress of existing.status.loadBalancer.ingress ?? []) cluster.loadBalancerIPs?.used.delete(ingress.ip);
    existing.status = { loadBalancer: {} };
  }
  assignLoadBalancerIP(cluster, existing);
  const changed = before !== JSON.stringify({ spec: existing.spec, labels: existing.metadata.labels });
  if (changed) {
    cluster.save(existing);
    cluster.reconcile();
  }
  return changed;
}

export function deleteService(cluster: Cluster, service: Service): void {
  removeService(cluster, service);
  cluster.reconcile();
}

/** The Service's removal without reconciling (a controller's loop calls it: namespace-controller.ts). */
export function removeService(cluster: Cluster, service: Service): void {
  releaseAll(cluster, service);
  cluster.store.remove(service);
  // The Endpoints controller's syncService deletes the Endpoints named like a Service that is gone
  // (pkg/controller/endpoint endpoints_controller.go), a hand-written one included.
  const endpoints = cluster.store.get("Endpoints", service.metadata.namespace, service.metadata.name);
  if (endpoints) cluster.store.remove(endpoints);
}
