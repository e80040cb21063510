import { parseAllDocuments } from "yaml";
import type { Cluster } from "../cluster";
import { invalid, KubeError, resourceName } from "../errors";
import { applyIngress, applyIngressClass, type IngressManifest } from "../ingress-api";
import { BUILTIN_FILES } from "../ingress-nginx-manifest";
import { dnsLabelError } from "../names";
import { admitToNamespace } from "../namespace-lifecycle";
import { applyNetworkPolicy, type NetworkPolicyManifest } from "../network-policy-api";
import { namespaceQuotaRefusal, quotaObject, validateHard } from "../quota";
import { createService, updateService } from "../service-api";
import type {
  Container,
  Deployment,
  DeploymentStrategy,
  Endpoint,
  EndpointAddress,
  Endpoints,
  Kind,
  PodSpec,
  Service,
  ServicePort,
} from "../types";
import { boolFlag, type FlagSpec, flag, parseArgs } from "./args";
import type { KubectlContext } from "./context";
import { refuseUnmodelledKind } from "./unmodelled-kinds";
import { createBarePod, createDaemonSet, createDeployment, createStatefulSet, validateWorkload } from "./workloads";

type Manifest = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
};

const SUPPORTED: Record<string, string> = {
  Namespace: "v1",
  Pod: "v1",
  Service: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  EndpointSlice: "discovery.k8s.io/v1",
  Endpoints: "v1",
  ResourceQuota: "v1",
  NetworkPolicy: "networking.k8s.io/v1",
  Ingress: "networking.k8s.io/v1",
  IngressClass: "networking.k8s.io/v1",
};

/** How kubectl names what it applied: "deployment.apps/web", "networkpolicy.networking.k8s.io/deny". */
const API_GROUP_SUFFIX: Record<string, string> = {
  Deployment: ".apps",
  StatefulSet: ".apps",
  DaemonSet: ".apps",
  EndpointSlice: ".discovery.k8s.io",
  NetworkPolicy: ".networking.k8s.io",
  Ingress: ".networking.k8s.io",
  IngressClass: ".networking.k8s.io",
};

/** Reads the YAML (or JSON) documents of a file, skipping empty ones; Lists are flattened. */
export function readManifests(text: string, file: string): Manifest[] {
  const docs = parseAllDocuments(text);
  const out: Manifest[] = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new KubeError(`error: error parsing ${file}: ${doc.errors[0].message.split("\n")[0]}`);
    const value = doc.toJS() as Manifest | null;
    if (!value) continue;
    if (value.kind === "List" && Array.isArray(value.items)) out.push(...(value.items as Manifest[]));
    else out.push(value);
  }
  return out;
}

function podSpecOf(raw: unknown): PodSpec {
  const spec = (raw ?? {}) as PodSpec;
  return {
    ...spec,
    containers: (spec.containers ?? []).map((c: Container) => ({
      ...c,
      ports: c.ports?.map((p) => ({ ...p, protocol: p.protocol ?? "TCP" })),
    })),
  };
}

function serviceOf(m: Manifest, namespace: string): Service {
  const spec = (m.spec ?? {}) as Partial<Service["spec"]> & { ports?: Partial<ServicePort>[] };
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: m.metadata!.name!,
      namespace,
      labels: m.metadata?.labels,
      annotations: m.metadata?.annotations,
      uid: "",
      creationTimestamp: "",
      resourceVersion: "",
    },
    spec: {
      ...spec,
      type: spec.type ?? "ClusterIP",
      sessionAffinity: spec.sessionAffinity ?? "None",
      ports: (spec.ports ?? []).map((p) => ({
        ...p,
        protocol: p.protocol ?? "TCP",
        port: p.port!,
        targetPort: p.targetPort ?? p.port!,
      })),
    } as Service["spec"],
    status: { loadBalancer: {} },
  };
}

function applyQuota(cluster: Cluster, m: Manifest, name: string, namespace: string): string {
  const existing = cluster.store.get("ResourceQuota", namespace, name);
  if (!existing) admitToNamespace(cluster, namespace, "ResourceQuota", name);
  const hard = validateHard(name, ((m.spec ?? {}) as { hard?: Record<string, unknown> }).hard ?? {});
  if (!existing) {
    cluster.save(quotaObject(cluster, name, namespace, hard));
    cluster.reconcile();
    return "created";
  }
  if (JSON.stringify(existing.spec.hard) === JSON.stringify(hard)) return "unchanged";
  const refused = namespaceQuotaRefusal(cluster, existing, "patch");
  if (refused) throw new KubeError(refused);
  existing.spec.hard = hard;
  cluster.save(existing);
  cluster.reconcile();
  return "configured";
}

/** Applies one manifest; returns "created", "configured" or "unchanged". */
function applyOne(cluster: Cluster, m: Manifest, defaultNamespace: string, file: string): string {
  const kind = m.kind ?? "";
  const name = m.metadata?.name;
  if (!m.apiVersion || !kind)
    throw new KubeError(
      `error: error validating "${file}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
  if (SUPPORTED[kind] !== m.apiVersion) {
    refuseUnmodelledKind(kind, m.apiVersion);
    throw new KubeError(
      `error: resource mapping not found for name: "${name ?? ""}" namespace: "${m.metadata?.namespace ?? ""}" from "${file}": no matches for kind "${kind}" in version "${m.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  if (!name)
    throw new KubeError(
      `error: error when retrieving current configuration of:\nResource: "${kind.toLowerCase()}s", GroupVersionKind: "${m.apiVersion}, Kind=${kind}"\nfrom server for: "${file}": resource name may not be empty`,
    );
  const namespace = m.metadata?.namespace ?? defaultNamespace;
  const display = `${kind.toLowerCase()}${API_GROUP_SUFFIX[kind] ?? ""}/${name}`;

  if (kind === "Namespace") {
    if (cluster.store.get("Namespace", undefined, name)) return `${display} unchanged`;
    cluster.createNamespace(name);
    return `${display} created`;
  }
  if (kind === "IngressClass") {
    const controller = (m.spec as { controller?: string } | undefined)?.controller;
    const { labels, annotations } = m.metadata ?? {};
    return `${display} ${applyIngressClass(cluster, { name, labels, annotations, controller })}`;
  }
  cluster.requireNamespace(namespace);
  if (kind === "Service") {
    const existing = cluster.store.get("Service", namespace, name);
    if (!existing) {
      createService(cluster, serviceOf(m, namespace));
      return `${display} created`;
    }
    return `${display} ${updateService(cluster, existing, serviceOf(m, namespace)) ? "configured" : "unchanged"}`;
  }
  if (kind === "ResourceQuota") return `${display} ${applyQuota(cluster, m, name, namespace)}`;
  if (kind === "NetworkPolicy") {
    const spec = (m.spec ?? {}) as NetworkPolicyManifest["spec"];
    const labels = m.metadata?.labels;
    return `${display} ${applyNetworkPolicy(cluster, { name, namespace, labels, annotations: m.metadata?.annotations, spec })}`;
  }
  if (kind === "Ingress") {
    const spec = (m.spec ?? {}) as IngressManifest["spec"];
    const { labels, annotations } = m.metadata ?? {};
    return `${display} ${applyIngress(cluster, { name, namespace, labels, annotations, spec })}`;
  }
  if (kind === "Pod") {
    const spec = podSpecOf(m.spec);
    const existing = cluster.store.get("Pod", namespace, name);
    if (!existing) {
      createBarePod(cluster, { name, namespace, labels: m.metadata?.labels, spec });
      return `${display} created`;
    }
    const same =
      JSON.stringify(existing.spec.containers.map((c) => [c.image, c.ports ?? []])) ===
      JSON.stringify(spec.containers.map((c) => [c.image, c.ports ?? []]));
    if (same && JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(m.metadata?.labels ?? {}))
      return `${display} unchanged`;
    if (!same)
      throw new KubeError(
        `The Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
      );
    existing.metadata.labels = m.metadata?.labels;
    cluster.save(existing);
    cluster.reconcile();
    return `${display} configured`;
  }
  if (kind === "EndpointSlice") return `${display} ${applyEndpointSlice(cluster, m, name, namespace)}`;
  if (kind === "Endpoints") return `${display} ${applyEndpoints(cluster, m, name, namespace)}`;
  if (kind === "DaemonSet") return `${display} ${applyDaemonSet(cluster, m, name, namespace)}`;
  return `${display} ${kind === "StatefulSet" ? applyStatefulSet(cluster, m, name, namespace) : applyDeployment(cluster, m, name, namespace)}`;
}

/** The fields a Deployment and a StatefulSet manifest share, with the API server's defaults. */
function workloadOf(m: Manifest) {
  const spec = (m.spec ?? {}) as {
    replicas?: number;
    selector?: Deployment["spec"]["selector"];
    strategy?: DeploymentStrategy;
    template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
  };
  const template = {
    metadata: {
      labels: spec.template?.metadata?.labels ?? {},
      ...(spec.template?.metadata?.annotations ? { annotations: spec.template.metadata.annotations } : {}),
    },
    spec: podSpecOf(spec.template?.spec),
  };
  return { replicas: spec.replicas ?? 1, selector: spec.selector ?? {}, template, strategy: spec.strategy };
}

function applyDeployment(cluster: Cluster, m: Manifest, name: string, namespace: string): string {
  const { replicas, selector, template, strategy } = workloadOf(m);
  const existing = cluster.store.get("Deployment", namespace, name);
  if (!existing) {
    const labels = m.metadata?.labels;
    createDeployment(cluster, { name, namespace, replicas, selector, template, labels, strategy });
    return "created";
  }
  validateWorkload("Deployment", name, replicas, selector, template);
  if (JSON.stringify(existing.spec.selector) !== JSON.stringify(selector)) {
    throw new KubeError(
      `The Deployment "${name}" is invalid: spec.selector: Invalid value: ${JSON.stringify(selector)}: field is immutable`,
    );
  }
  const before = JSON.stringify([existing.spec.replicas, existing.spec.template, existing.spec.strategy]);
  existing.spec.replicas = replicas;
  existing.spec.template = template;
  existing.spec.strategy = strategy;
  if (before === JSON.stringify([existing.spec.replicas, existing.spec.template, existing.spec.strategy]))
    return "unchanged";
  cluster.save(existing);
  cluster.reconcile();
  return "configured";
}

/**
 * A StatefulSet: created, or its replicas changed. ValidateStatefulSetUpdate allows changes to
 * replicas, ordinals, template, updateStrategy, persistentVolumeClaimRetentionPolicy and
 * minReadySeconds only; the simulator does not model the rolling update a template change starts,
 * so it says so instead of storing a template its pods do not run.
 */
function applyStatefulSet(cluster: Cluster, m: Manifest, name: string, namespace: string): string {
  const { replicas, selector, template } = workloadOf(m);
  const spec = (m.spec ?? {}) as { serviceName?: string; podManagementPolicy?: string };
  const serviceName = spec.serviceName ?? "";
  const existing = cluster.store.get("StatefulSet", namespace, name);
  if (!existing) {
    createStatefulSet(cluster, {
      name,
      namespace,
      replicas,
      selector,
      serviceName,
      podManagementPolicy: spec.podManagementPolicy,
      template,
      labels: m.metadata?.labels,
    });
    return "created";
  }
  validateWorkload("StatefulSet", name, replicas, selector, template);
  const fixed = (s: { selector: unknown; serviceName: string; podManagementPolicy: string }) =>
    JSON.stringify([s.selector, s.serviceName, s.podManagementPolicy]);
  if (
    fixed(existing.spec) !==
    fixed({ selector, serviceName, podManagementPolicy: spec.podManagementPolicy ?? "OrderedReady" })
  )
    throw new KubeError(
      `The StatefulSet "${name}" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden`,
    );
  if (JSON.stringify(existing.spec.template) !== JSON.stringify(template))
    throw new KubeError(
      `error: the simulator does not roll out a changed StatefulSet template; delete statefulset ${name} and apply it again`,
    );
  if (existing.spec.replicas === replicas) return "unchanged";
  existing.spec.replicas = replicas;
  cluster.save(existing);
  cluster.reconcile();
  return "configured";
}

/**
 * A DaemonSet: created, or left as it is. The selector is immutable (ValidateDaemonSetUpdate); the
 * simulator does not model the rolling update a template change starts, so it says so instead of
 * storing a template its pods do not run.
 */
function applyDaemonSet(cluster: Cluster, m: Manifest, name: string, namespace: string): string {
  const { selector, template } = workloadOf(m);
  const existing = cluster.store.get("DaemonSet", namespace, name);
  if (!existing) {
    createDaemonSet(cluster, { name, namespace, selector, template, labels: m.metadata?.labels });
    return "created";
  }
  validateWorkload("DaemonSet", name, 0, selector, template);
  if (JSON.stringify(existing.spec.selector) !== JSON.stringify(selector))
    throw new KubeError(
      `The DaemonSet "${name}" is invalid: spec.selector: Invalid value: ${JSON.stringify(selector)}: field is immutable`,
    );
  if (JSON.stringify(existing.spec.template) !== JSON.stringify(template))
    throw new KubeError(
      `error: the simulator does not roll out a changed DaemonSet template; delete daemonset ${name} and apply it again`,
    );
  return "unchanged";
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * An EndpointSlice written by hand, as for a Service without a selector (the Services concept page,
 * "Services without selectors"): kube-proxy and DNS read it through its kubernetes.io/service-name
 * label, and the EndpointSlice controller leaves it alone unless it is labelled as the controller's.
 * Checked as pkg/apis/discovery/validation ValidateEndpointSlice checks what is modelled (addressType
 * required and immutable, IPv4 addresses); the defaults of SetDefaults_EndpointPort (name "", TCP).
 * Simplified: only IPv4 slices, and an endpoint without conditions is stored ready and serving (the
 * API server keeps them unset, which consumers read as ready: the EndpointConditions API docs).
 */
function applyEndpointSlice(cluster: Cluster, m: Manifest, name: string, namespace: string): string {
  const raw = m as Manifest & {
    addressType?: string;
    endpoints?: {
      addresses?: string[];
      conditions?: Partial<Endpoint["conditions"]>;
      nodeName?: string;
      hostname?: string;
    }[];
    ports?: { name?: string; port?: number; protocol?: string }[];
  };
  const errors: string[] = [];
  if (!raw.addressType) errors.push("addressType: Required value");
  else if (raw.addressType !== "IPv4")
    throw new KubeError(`error: the simulator models IPv4 EndpointSlices only, not addressType ${raw.addressType}`);
  const endpoints: Endpoint[] = (raw.endpoints ?? []).map((e, i) => {
    const addresses = e.addresses ?? [];
    if (addresses.length === 0)
      errors.push(`endpoints[${i}].addresses: Required value: must contain at least 1 address`);
    addresses.forEach((a, j) => {
      if (!IPV4.test(a))
        errors.push(`endpoints[${i}].addresses[${j}]: Invalid value: "${a}": must be a valid IPv4 address`);
    });
    const ready = e.conditions?.ready ?? true;
    return {
      addresses,
      conditions: { ready, serving: e.conditions?.serving ?? ready, terminating: e.conditions?.terminating ?? false },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
    };
  });
  const ports = (raw.ports ?? []).map((p) => ({
    name: p.name ?? "",
    port: p.port ?? 0,
    protocol: p.protocol ?? "TCP",
  }));
  const existing = cluster.store.get("EndpointSlice", namespace, name);
  if (existing && raw.addressType && existing.addressType !== raw.addressType)
    errors.push(`addressType: Invalid value: "${raw.addressType}": field is immutable`);
  if (errors.length) throw invalid("EndpointSlice", name, errors);
  const labels = m.metadata?.labels;
  if (existing) {
    const same =
      JSON.stringify([existing.endpoints, existing.ports, existing.metadata.labels ?? {}]) ===
      JSON.stringify([endpoints, ports, labels ?? {}]);
    if (same) return "unchanged";
    Object.assign(existing, { endpoints, ports });
    existing.metadata.labels = labels;
    cluster.save(existing);
    cluster.reconcile();
    return "configured";
  }
  admitToNamespace(cluster, namespace, "EndpointSlice", name);
  cluster.save({
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: cluster.meta(name, namespace, { ...(labels ? { labels } : {}) }),
    addressType: "IPv4",
    endpoints,
    ports,
  });
  cluster.reconcile();
  return "created";
}

/**
 * ValidateNonSpecialIP / ValidateEndpointIP (pkg/apis/core/validation): an endpoint address must be an
 * IP, and not unspecified, loopback, link-local or link-local multicast (the ranges named in the
 * messages cover IPv4 and IPv6). validateEndpointAddress first runs the generic IP check, so an
 * address that is no IP gets both "must be a valid IP address" messages.
 */
function endpointAddressErrors(ip: string, path: string): string[] {
  const bad = (detail: string) => `${path}: Invalid value: "${ip}": ${detail}`;
  if (!IPV4.test(ip)) {
    if (ip.includes(":") && /^[0-9a-fA-F:.]+$/.test(ip))
      throw new KubeError(`error: the simulator models IPv4 endpoint addresses only, not ${ip}`);
    return [bad("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"), bad("must be a valid IP address")];
  }
  const [a, b, c] = ip.split(".").map(Number);
  const errors: string[] = [];
  if (ip === "0.0.0.0") errors.push(bad(`may not be unspecified (${ip})`));
  if (a === 127) errors.push(bad("may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (a === 169 && b === 254) errors.push(bad("may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (a === 224 && b === 0 && c === 0)
    errors.push(bad("may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errors;
}

/**
 * A v1 Endpoints written by hand, the older recipe for a Service without a selector (the Services
 * concept page, "Services without selectors"): stored as written; the EndpointSlice mirroring
 * controller copies it into slices for kube-proxy (endpointslice-mirroring.ts). For a Service with a
 * selector the Endpoints controller owns the object and `kubectl get endpoints` shows the controller's
 * (resources.ts). Checked as ValidateEndpoints / validateEndpointSubsets check what is modelled: each
 * subset needs an address, each address a usable IP, each port a number in range, a known protocol
 * (defaulted to TCP: SetDefaults_EndpointPort) and, when the subset has several, a DNS-label name.
 */
function applyEndpoints(cluster: Cluster, m: Manifest, name: string, namespace: string): string {
  type RawAddress = { ip?: string; hostname?: string; nodeName?: string };
  const raw = m as Manifest & {
    subsets?: {
      addresses?: RawAddress[];
      notReadyAddresses?: RawAddress[];
      ports?: { name?: string; port?: number; protocol?: string }[];
    }[];
  };
  const errors: string[] = [];
  const subsets: NonNullable<Endpoints["subsets"]> = (raw.subsets ?? []).map((s, i) => {
    const at = `subsets[${i}]`;
    if (!s.addresses?.length && !s.notReadyAddresses?.length)
      errors.push(`${at}: Required value: must specify \`addresses\` or \`notReadyAddresses\``);
    const addresses = (list: RawAddress[] | undefined, field: string): EndpointAddress[] =>
      (list ?? []).map((a, j) => {
        errors.push(...endpointAddressErrors(a.ip ?? "", `${at}.${field}[${j}].ip`));
        return {
          ip: a.ip ?? "",
          ...(a.hostname ? { hostname: a.hostname } : {}),
          ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        };
      });
    const ready = addresses(s.addresses, "addresses");
    const notReady = addresses(s.notReadyAddresses, "notReadyAddresses");
    const ports = (s.ports ?? []).map((p, j) => {
      const pat = `${at}.ports[${j}]`;
      const portName = p.name ?? "";
      if ((s.ports ?? []).length > 1 && !portName) errors.push(`${pat}.name: Required value`);
      else if (portName) {
        const e = dnsLabelError(portName);
        if (e) errors.push(`${pat}.name: Invalid value: "${portName}": ${e}`);
      }
      const port = p.port ?? 0;
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        errors.push(`${pat}.port: Invalid value: ${port}: must be between 1 and 65535, inclusive`);
      const protocol = p.protocol ?? "TCP";
      if (!["TCP", "UDP", "SCTP"].includes(protocol))
        errors.push(`${pat}.protocol: Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"`);
      return { ...(portName ? { name: portName } : {}), port, protocol };
    });
    return {
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ports,
    };
  });
  if (errors.length) throw invalid("Endpoints", name, errors);
  const labels = m.metadata?.labels;
  const annotations = m.metadata?.annotations;
  const existing = cluster.store.get("Endpoints", namespace, name);
  if (existing) {
    const state = (e: { subsets?: unknown; labels?: unknown; annotations?: unknown }) =>
      JSON.stringify([e.subsets ?? [], e.labels ?? {}, e.annotations ?? {}]);
    if (
      state({
        subsets: existing.subsets,
        labels: existing.metadata.labels,
        annotations: existing.metadata.annotations,
      }) === state({ subsets, labels, annotations })
    )
      return "unchanged";
    if (subsets.length) existing.subsets = subsets;
    else delete existing.subsets;
    existing.metadata.labels = labels;
    existing.metadata.annotations = annotations;
    cluster.save(existing);
    cluster.reconcile();
    return "configured";
  }
  admitToNamespace(cluster, namespace, "Endpoints", name);
  cluster.save({
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: cluster.meta(name, namespace, { ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) }),
    ...(subsets.length ? { subsets } : {}),
  });
  cluster.reconcile();
  return "created";
}

/** The text of `-f FILE`: the caller's file, else one built into the simulator (ingress-nginx.yaml), else null. */
export const readManifestFile = (ctx: KubectlContext, file: string): string | null =>
  ctx.readFile(file) ?? BUILTIN_FILES[file] ?? null;

/** -f FILE, shared by apply, create -f and delete -f. */
export const FILENAME_FLAG: FlagSpec = {
  name: "filename",
  short: "f",
  takesValue: true,
  repeatable: true,
  values: { kind: "files" },
};

export const APPLY_FLAGS: readonly FlagSpec[] = [
  FILENAME_FLAG,
  { name: "dry-run", takesValue: true },
  { name: "recursive", short: "R", takesValue: false },
];

/** Whether the object a manifest describes is in the store already (so applying it is an update). */
function existingObject(cluster: Cluster, manifest: Manifest, namespace: string): boolean {
  const kind = manifest.kind as Kind;
  return (
    cluster.store.get(kind, manifest.metadata?.namespace ?? namespace, manifest.metadata?.name ?? "") !== undefined
  );
}

/** kubectl apply -f FILE [-f FILE] (and create -f): every document in order; one failure does not stop the others. */
export function applyFiles(ctx: KubectlContext, argv: string[], verb: "apply" | "create"): string {
  const args = parseArgs(argv, APPLY_FLAGS, verb);
  const files = args.flags.get("filename") ?? [];
  if (files.length === 0)
    throw new KubeError(`error: must specify one of -f and -k\n\nSee 'kubectl ${verb} -h' for help and examples`);
  if (boolFlag(args, "recursive") || flag(args, "dry-run")) {
    /* accepted for compatibility; nothing to change */
  }
  const namespace = flag(args, "namespace") ?? "default";
  const lines: string[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const text = readManifestFile(ctx, file);
    if (text === null) {
      errors.push(`error: the path "${file}" does not exist`);
      continue;
    }
    for (const manifest of readManifests(text, file)) {
      try {
        const kind = manifest.kind as Kind;
        if (verb === "create" && SUPPORTED[kind] && existingObject(ctx.cluster, manifest, namespace)) {
          errors.push(
            `Error from server (AlreadyExists): error when creating "${file}": ${resourceName(kind)} "${manifest.metadata?.name}" already exists`,
          );
          continue;
        }
        const existed = SUPPORTED[kind] !== undefined && existingObject(ctx.cluster, manifest, namespace);
        try {
          lines.push(applyOne(ctx.cluster, manifest, namespace, file));
        } catch (err) {
          // apply.go / create.go: cmdutil.AddSourceToErr("creating", source, err) names the file in a
          // refused create: `Error from server (Forbidden): error when creating "pod.yaml": ...`.
          const refusal =
            err instanceof KubeError && !existed && /^(Error from server \(Forbidden\): )(.*)$/s.exec(err.message);
          if (refusal) throw new KubeError(`${refusal[1]}error when creating "${file}": ${refusal[2]}`);
          throw err;
        }
      } catch (err) {
        if (err instanceof KubeError) errors.push(err.message);
        else throw err;
      }
    }
  }
  const out = lines.map((l) => `${l}\n`).join("");
  if (errors.length) throw new KubeError(out + errors.join("\n"));
  return out;
}
