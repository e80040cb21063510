// The API server's side of Ingress and IngressClass: validation (pkg/apis/networking/validation/validation.go,
// validateIngressSpec, validateIngressRules, validateHTTPIngressPath, validateIngressBackend) and create or update.
import type { Cluster } from "./cluster";
import { invalid } from "./errors";
import { defaultIngressClass } from "./ingress-controller";
import { parseIPv4 } from "./ip";
import { dnsSubdomainError } from "./names";
import { admitToNamespace } from "./namespace-lifecycle";
import type { HTTPIngressPath, Ingress, IngressBackend, IngressClass, IngressRule } from "./types";

export interface IngressManifest {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec: Partial<Ingress["spec"]> & { rules?: (IngressRule & { http?: { paths?: Partial<HTTPIngressPath>[] } })[] };
}

const PATH_TYPES = ["Exact", "Prefix", "ImplementationSpecific"];

// IsWildcardDNS1123Subdomain (apimachinery pkg/util/validation/validation.go).
const WILDCARD = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const WILDCARD_MESSAGE =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function backendProblems(backend: IngressBackend | undefined, path: string): string[] {
  const service = backend?.service;
  if (!service) return [`${path}: Invalid value: "": resource or service backend is required`];
  const problems: string[] = [];
  if (!service.name) problems.push(`${path}.service.name: Required value`);
  const port = service.port ?? {};
  if (port.name && port.number !== undefined)
    problems.push(`${path}.service.port: Invalid value: "${port.name}": cannot set both port name & port number`);
  else if (!port.name && port.number === undefined)
    problems.push(`${path}.service.port.name: Required value: port name or number is required`);
  else if (port.number !== undefined && (!Number.isInteger(port.number) || port.number < 1 || port.number > 65535))
    problems.push(`${path}.service.port.number: Invalid value: ${port.number}: must be between 1 and 65535, inclusive`);
  return problems;
}

/** validateHTTPIngressPath: pathType is required; Exact and Prefix paths must be absolute. */
function pathProblems(p: Partial<HTTPIngressPath>, path: string): string[] {
  if (!p.pathType) return [`${path}.pathType: Required value: pathType must be specified`];
  if (!PATH_TYPES.includes(p.pathType))
    return [
      `${path}.pathType: Unsupported value: "${p.pathType}": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
    ];
  const text = p.path ?? "";
  const problems: string[] = [];
  if ((p.pathType !== "ImplementationSpecific" || text !== "") && !text.startsWith("/"))
    problems.push(`${path}.path: Invalid value: "${text}": must be an absolute path`);
  return [...problems, ...backendProblems(p.backend, `${path}.backend`)];
}

/** validateIngressRules: a host is a DNS name (a leading `*.` label allowed), never an IP address. */
function ruleProblems(rules: IngressManifest["spec"]["rules"]): string[] {
  return (rules ?? []).flatMap((rule, i) => {
    const problems: string[] = [];
    const host = rule.host ?? "";
    const at = `spec.rules[${i}]`;
    if (host) {
      if (parseIPv4(host) !== null)
        problems.push(`${at}.host: Invalid value: "${host}": must be a DNS name, not an IP address`);
      if (host.includes("*")) {
        if (!WILDCARD.test(host)) problems.push(`${at}.host: Invalid value: "${host}": ${WILDCARD_MESSAGE}`);
      } else {
        const problem = dnsSubdomainError(host);
        if (problem) problems.push(`${at}.host: Invalid value: "${host}": ${problem}`);
      }
    }
    if (rule.http) {
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) problems.push(`${at}.http.paths: Required value`);
      paths.forEach((p, j) => {
        problems.push(...pathProblems(p, `${at}.http.paths[${j}]`));
      });
    }
    return problems;
  });
}

/** Validates a manifest into the Ingress the API server stores (no defaults are applied to Ingress v1). */
export function ingressFromManifest(cluster: Cluster, m: IngressManifest): Ingress {
  const spec = m.spec ?? {};
  const problems: string[] = [];
  if (!spec.rules?.length && !spec.defaultBackend)
    problems.push('spec: Invalid value: "": either `defaultBackend` or `rules` must be specified');
  if (spec.defaultBackend) problems.push(...backendProblems(spec.defaultBackend, "spec.defaultBackend"));
  problems.push(...ruleProblems(spec.rules));
  if (spec.ingressClassName) {
    const problem = dnsSubdomainError(spec.ingressClassName);
    if (problem) problems.push(`spec.ingressClassName: Invalid value: "${spec.ingressClassName}": ${problem}`);
  }
  if (problems.length) throw invalid("Ingress", m.name, problems);
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: cluster.meta(m.name, m.namespace, {
      ...(m.labels ? { labels: m.labels } : {}),
      ...(m.annotations ? { annotations: m.annotations } : {}),
    }),
    spec: {
      ...(spec.ingressClassName ? { ingressClassName: spec.ingressClassName } : {}),
      ...(spec.defaultBackend ? { defaultBackend: spec.defaultBackend } : {}),
      ...(spec.rules ? { rules: spec.rules as IngressRule[] } : {}),
      ...(spec.tls ? { tls: spec.tls } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/**
 * Stores a new Ingress. The DefaultIngressClass admission plugin gives one created without
 * spec.ingressClassName the default IngressClass, if there is one (only on create, never on update).
 */
export function createIngress(cluster: Cluster, ingress: Ingress): void {
  const byDefault = ingress.spec.ingressClassName ? undefined : defaultIngressClass(cluster);
  if (byDefault) ingress.spec = { ingressClassName: byDefault, ...ingress.spec };
  cluster.save(ingress);
  cluster.reconcile();
}

/** kubectl apply of an Ingress: "created", "configured" or "unchanged". */
export function applyIngress(cluster: Cluster, manifest: IngressManifest): string {
  const existing = cluster.store.get("Ingress", manifest.namespace, manifest.name);
  // A create passes the NamespaceLifecycle admission (mutating, so before validation).
  if (!existing) admitToNamespace(cluster, manifest.namespace, "Ingress", manifest.name);
  const desired = ingressFromManifest(cluster, manifest);
  if (!existing) {
    createIngress(cluster, desired);
    return "created";
  }
  // A class the admission plugin filled in is not in the applied manifest, so apply leaves it in place.
  if (!desired.spec.ingressClassName && existing.spec.ingressClassName)
    desired.spec = { ingressClassName: existing.spec.ingressClassName, ...desired.spec };
  const same =
    JSON.stringify([existing.spec, existing.metadata.labels ?? {}]) ===
    JSON.stringify([desired.spec, desired.metadata.labels ?? {}]);
  if (same) return "unchanged";
  existing.spec = desired.spec;
  existing.metadata.labels = desired.metadata.labels;
  cluster.save(existing);
  cluster.reconcile();
  return "configured";
}

/** kubectl apply of an IngressClass (cluster-scoped); spec.controller is required and immutable. */
export function applyIngressClass(
  cluster: Cluster,
  m: { name: string; labels?: Record<string, string>; annotations?: Record<string, string>; controller?: string },
): string {
  const controller = m.controller ?? "";
  if (!controller) throw invalid("IngressClass", m.name, ["spec.controller: Required value"]);
  const existing = cluster.store.get("IngressClass", undefined, m.name);
  if (existing) {
    if (existing.spec.controller !== controller)
      throw invalid("IngressClass", m.name, [`spec.controller: Invalid value: "${controller}": field is immutable`]);
    if (JSON.stringify(existing.metadata.annotations ?? {}) === JSON.stringify(m.annotations ?? {})) return "unchanged";
    existing.metadata.annotations = m.annotations;
    cluster.save(existing);
    return "configured";
  }
  const ingressClass: IngressClass = {
    apiVersion: "networking.k8s.io/v1",
    kind: "IngressClass",
    metadata: cluster.meta(m.name, undefined, {
      ...(m.labels ? { labels: m.labels } : {}),
      ...(m.annotations ? { annotations: m.annotations } : {}),
    }),
    spec: { controller },
  };
  cluster.save(ingressClass);
  cluster.reconcile();
  return "created";
}
