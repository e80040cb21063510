import type { Cluster } from "../cluster";
import { alreadyExists, invalid, notFound } from "../errors";
import { matchesSelector } from "../labels";
import { dnsLabelError, dnsSubdomainError } from "../names";
import { admitToNamespace } from "../namespace-lifecycle";
import type { DaemonSet, Deployment, DeploymentStrategy, Pod, PodSpec, PodTemplate, StatefulSet } from "../types";

/** Creates a Deployment after the API server's validation (the selector must match the template). */
export function createDeployment(
  cluster: Cluster,
  input: {
    name: string;
    namespace: string;
    replicas: number;
    selector: Deployment["spec"]["selector"];
    template: PodTemplate;
    labels?: Record<string, string>;
    strategy?: DeploymentStrategy;
  },
): Deployment {
  admitToNamespace(cluster, input.namespace, "Deployment", input.name);
  if (cluster.store.get("Deployment", input.namespace, input.name)) throw alreadyExists("Deployment", input.name);
  validateWorkload("Deployment", input.name, input.replicas, input.selector, input.template);
  const deployment: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    // The deployment controller stamps deployment.kubernetes.io/revision (rolling-update.ts).
    metadata: cluster.meta(input.name, input.namespace, {
      labels: input.labels ?? { ...input.template.metadata.labels },
    }),
    spec: {
      replicas: input.replicas,
      selector: input.selector,
      template: structuredClone(input.template),
      ...(input.strategy ? { strategy: structuredClone(input.strategy) } : {}),
    },
    status: { replicas: 0, readyReplicas: 0, updatedReplicas: 0, availableReplicas: 0 },
  };
  cluster.save(deployment);
  cluster.reconcile();
  return deployment;
}

export function validateWorkload(
  kind: "Deployment" | "StatefulSet" | "DaemonSet",
  name: string,
  replicas: number,
  selector: Deployment["spec"]["selector"],
  template: PodTemplate,
): void {
  const errors: string[] = [];
  const nameError = dnsSubdomainError(name);
  if (nameError) errors.push(`metadata.name: Invalid value: "${name}": ${nameError}`);
  if (!Number.isInteger(replicas) || replicas < 0)
    errors.push(`spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
  if (!selector.matchLabels && !selector.matchExpressions) errors.push("spec.selector: Required value");
  else if (!matchesSelector(template.metadata.labels, selector)) {
    const labels = Object.entries(template.metadata.labels ?? {})
      .map(([k, v]) => `"${k}":"${v}"`)
      .join(", ");
    errors.push(
      `spec.template.metadata.labels: Invalid value: map[string]string{${labels}}: \`selector\` does not match template \`labels\``,
    );
  }
  errors.push(...validatePodSpec(template.spec, "spec.template.spec"));
  if (errors.length) throw invalid(kind, name, errors);
}

export function validatePodSpec(spec: PodSpec, path: string): string[] {
  const errors: string[] = [];
  if (!spec.containers?.length) errors.push(`${path}.containers: Required value`);
  (spec.containers ?? []).forEach((c, i) => {
    if (!c.name) errors.push(`${path}.containers[${i}].name: Required value`);
    else if (dnsLabelError(c.name))
      errors.push(`${path}.containers[${i}].name: Invalid value: "${c.name}": ${dnsLabelError(c.name)}`);
    if (!c.image) errors.push(`${path}.containers[${i}].image: Required value`);
    (c.ports ?? []).forEach((p, j) => {
      if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) {
        errors.push(
          `${path}.containers[${i}].ports[${j}].containerPort: Invalid value: ${p.containerPort}: must be between 1 and 65535, inclusive`,
        );
      }
    });
  });
  errors.push(...dnsErrors(spec, path));
  return errors;
}

const DNS_POLICIES = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];

/** validateDNSPolicy and validatePodDNSConfig (pkg/apis/core/validation/validation.go). */
function dnsErrors(spec: PodSpec, path: string): string[] {
  const policy = spec.dnsPolicy ?? "ClusterFirst";
  if (!DNS_POLICIES.includes(policy))
    return [
      `${path}.dnsPolicy: Unsupported value: "${policy}": supported values: ${DNS_POLICIES.map((p) => `"${p}"`).join(", ")}`,
    ];
  if (policy !== "None") return [];
  if (!spec.dnsConfig)
    return [`${path}.dnsConfig: Required value: must provide \`dnsConfig\` when \`dnsPolicy\` is None`];
  if (!spec.dnsConfig.nameservers?.length)
    return [
      `${path}.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when \`dnsPolicy\` is None`,
    ];
  return [];
}

export function createBarePod(
  cluster: Cluster,
  input: { name: string; namespace: string; labels?: Record<string, string>; spec: PodSpec },
): Pod {
  const nameError = dnsSubdomainError(input.name);
  const errors = [
    ...(nameError ? [`metadata.name: Invalid value: "${input.name}": ${nameError}`] : []),
    ...validatePodSpec(input.spec, "spec"),
  ];
  if (errors.length) throw invalid("Pod", input.name, errors);
  return cluster.createPod(input);
}

export function requireDeployment(cluster: Cluster, namespace: string, name: string): Deployment {
  const d = cluster.store.get("Deployment", namespace, name);
  if (!d) throw notFound("Deployment", name);
  return d;
}

const POD_MANAGEMENT_POLICIES: readonly StatefulSet["spec"]["podManagementPolicy"][] = ["OrderedReady", "Parallel"];

/**
 * Creates a StatefulSet after the API server's validation (apps/validation ValidateStatefulSetSpec:
 * the selector must match the template, podManagementPolicy is OrderedReady or Parallel) with its
 * defaults (OrderedReady). spec.serviceName is optional (the API never required it; kubernetes#130233
 * marks it so and validates it as a DNS label, because it becomes each pod's spec.subdomain); without
 * it the pods get no subdomain and so no per-pod DNS name.
 */
export function createStatefulSet(
  cluster: Cluster,
  input: {
    name: string;
    namespace: string;
    replicas: number;
    selector: StatefulSet["spec"]["selector"];
    serviceName: string;
    podManagementPolicy?: string;
    template: PodTemplate;
    labels?: Record<string, string>;
  },
): StatefulSet {
  admitToNamespace(cluster, input.namespace, "StatefulSet", input.name);
  if (cluster.store.get("StatefulSet", input.namespace, input.name)) throw alreadyExists("StatefulSet", input.name);
  const policy = (input.podManagementPolicy ?? "OrderedReady") as StatefulSet["spec"]["podManagementPolicy"];
  if (!POD_MANAGEMENT_POLICIES.includes(policy))
    throw invalid("StatefulSet", input.name, [
      `spec.podManagementPolicy: Unsupported value: "${policy}": supported values: "OrderedReady", "Parallel"`,
    ]);
  const serviceNameError = input.serviceName ? dnsLabelError(input.serviceName) : null;
  if (serviceNameError)
    throw invalid("StatefulSet", input.name, [
      `spec.serviceName: Invalid value: "${input.serviceName}": ${serviceNameError}`,
    ]);
  validateWorkload("StatefulSet", input.name, input.replicas, input.selector, input.template);
  const set: StatefulSet = {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: cluster.meta(input.name, input.namespace, { ...(input.labels ? { labels: input.labels } : {}) }),
    spec: {
      replicas: input.replicas,
      selector: input.selector,
      serviceName: input.serviceName,
      podManagementPolicy: policy,
      template: structuredClone(input.template),
    },
    status: { replicas: 0, readyReplicas: 0, currentReplicas: 0, availableReplicas: 0 },
  };
  cluster.save(set);
  cluster.reconcile();
  return set;
}

export function requireStatefulSet(cluster: Cluster, namespace: string, name: string): StatefulSet {
  const set = cluster.store.get("StatefulSet", namespace, name);
  if (!set) throw notFound("StatefulSet", name);
  return set;
}

/**
 * Creates a DaemonSet after the API server's validation (apps/validation ValidateDaemonSetSpec: the
 * selector must match the template's labels); its controller puts one pod on each node the template
 * fits (daemonset-nodes.ts).
 */
export function createDaemonSet(
  cluster: Cluster,
  input: {
    name: string;
    namespace: string;
    selector: DaemonSet["spec"]["selector"];
    template: PodTemplate;
    labels?: Record<string, string>;
  },
): DaemonSet {
  admitToNamespace(cluster, input.namespace, "DaemonSet", input.name);
  if (cluster.store.get("DaemonSet", input.namespace, input.name)) throw alreadyExists("DaemonSet", input.name);
  validateWorkload("DaemonSet", input.name, 0, input.selector, input.template);
  const ds: DaemonSet = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: cluster.meta(input.name, input.namespace, { ...(input.labels ? { labels: input.labels } : {}) }),
    spec: { selector: input.selector, template: structuredClone(input.template) },
    status: { desiredNumberScheduled: 0, numberReady: 0 },
  };
  cluster.save(ds);
  cluster.reconcile();
  return ds;
}
