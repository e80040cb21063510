import { stringify } from "yaml";
import type { Cluster } from "../../cluster";
import { serviceEndpoints } from "../../endpointslice-controller";
import { KubeError } from "../../errors";
import { formatLabels } from "../../labels";
import { probeTiming } from "../../readiness-prober";
import type {
  Container,
  ContainerStatus,
  Deployment,
  EndpointSlice,
  NodeObject,
  Pod,
  ResourceQuota,
  Service,
} from "../../types";
import { humanDuration } from "../age";
import { type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { describeIngress } from "../describe-ingress";
import { describeNetworkPolicy } from "../describe-network-policy";
import { type EndpointsObject, getObject, type Listable, listObjects, parseTargets } from "../resources";
import { selectionFor } from "../selection";
import { tabwrite } from "../tabwriter";
import { byLastTimestamp, interval } from "./events";

const FLAGS: readonly FlagSpec[] = [{ name: "selector", short: "l", takesValue: true }];

export const describeCommand: KubectlCommand = {
  name: "describe",
  summary: "Show details of a specific resource or group of resources",
  group: "Troubleshooting and Debugging Commands",
  usage: "describe (TYPE [NAME] | TYPE/NAME) [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlDescribe,
};

const field = (label: string, value: string, width = 20) => `${(`${label}:`).padEnd(width)}${value}`;
const labelLines = (label: string, labels: Record<string, string> | undefined, width = 20) => {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return [field(label, "<none>", width)];
  return entries.map(([k, v], i) => (i === 0 ? field(label, `${k}=${v}`, width) : `${"".padEnd(width)}${k}=${v}`));
};

/** describeContainers: each container's image, ports, state, readiness, restarts and probe. */
function describeContainers(containers: Container[], statuses: ContainerStatus[]): string[] {
  const lines: string[] = [];
  containers.forEach((c) => {
    const s = statuses.find((status) => status.name === c.name);
    lines.push(
      `  ${c.name}:`,
      `    Image:          ${c.image}`,
      `    Port:           ${c.ports?.map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}${p.name ? ` (${p.name})` : ""}`).join(", ") || "<none>"}`,
    );
    lines.push(
      `    State:          ${s?.state.running ? "Running" : s?.state.terminated ? "Terminated" : "Waiting"}`,
      ...(s?.state.waiting ? [`      Reason:       ${s.state.waiting.reason}`] : []),
      ...(s?.state.terminated
        ? [`      Reason:       ${s.state.terminated.reason}`, `      Exit Code:    ${s.state.terminated.exitCode}`]
        : []),
      `    Ready:          ${s?.ready ? "True" : "False"}`,
      `    Restart Count:  ${s?.restartCount ?? 0}`,
    );
    if (c.readinessProbe) {
      // describe.go describeProbe: the handler, then the timing with its defaults filled in.
      const t = probeTiming(c.readinessProbe);
      lines.push(
        `    Readiness:      ${c.readinessProbe.exec ? `exec [${c.readinessProbe.exec.command.join(" ")}]` : c.readinessProbe.httpGet ? `http-get :${c.readinessProbe.httpGet.port}${c.readinessProbe.httpGet.path ?? "/"}` : `tcp-socket :${c.readinessProbe.tcpSocket?.port}`} delay=${t.initialDelaySeconds}s timeout=${t.timeoutSeconds}s period=${t.periodSeconds}s #success=${t.successThreshold} #failure=${t.failureThreshold}`,
      );
    }
  });
  return lines;
}

function describePod(cluster: Cluster, pod: Pod): string[] {
  const node = pod.spec.nodeName ? cluster.store.get("Node", undefined, pod.spec.nodeName) : undefined;
  const owner = pod.metadata.ownerReferences?.[0];
  const lines = [
    field("Name", pod.metadata.name),
    field("Namespace", pod.metadata.namespace!),
    field("Node", node ? `${node.metadata.name}/${cluster.nodeIP(node)}` : "<none>"),
    field("Start Time", pod.status.startTime ?? "<unset>"),
    ...labelLines("Labels", pod.metadata.labels),
    // describe.go describePod: a deleted pod's status says how long its grace period still lasts.
    ...(pod.metadata.deletionTimestamp
      ? [
          field(
            "Status",
            `Terminating (lasts ${humanDuration(Math.max(0, Date.parse(pod.metadata.deletionTimestamp) - cluster.now()))})`,
          ),
          field("Termination Grace Period", `${pod.metadata.deletionGracePeriodSeconds ?? 30}s`),
        ]
      : // Otherwise the phase, not get's STATUS column: a pod stuck in ImagePullBackOff is Pending here.
        [field("Status", pod.status.phase)]),
    field("IP", pod.status.podIP ?? ""),
    "IPs:",
    ...(pod.status.podIP ? [`  IP:  ${pod.status.podIP}`] : []),
    // describe.go describePod writes "Controlled By" only for a pod that has a controller.
    ...(owner ? [field("Controlled By", `${owner.kind}/${owner.name}`)] : []),
    "Containers:",
  ];
  lines.push(...describeContainers(pod.spec.containers, pod.status.containerStatuses));
  // describe.go describePod: the ephemeral containers (kubectl debug) under their own heading.
  if (pod.spec.ephemeralContainers?.length)
    lines.push(
      "Ephemeral Containers:",
      ...describeContainers(pod.spec.ephemeralContainers, pod.status.ephemeralContainerStatuses ?? []),
    );
  lines.push(
    "Conditions:",
    "  Type              Status",
    ...pod.status.conditions.map((c) => `  ${c.type.padEnd(18)}${c.status}`),
  );
  // describe.go describePod: after the volumes and QoS class (not modelled), the pod's nodeSelector.
  lines.push(field("Node-Selectors", formatLabels(pod.spec.nodeSelector)));
  lines.push(...describeEvents(cluster, pod));
  return lines;
}

/**
 * describe.go DescribeEvents: the object's events, oldest first (SortableEvents, by last timestamp),
 * in a table aligned by the describer's tabwriter; From is the reporting component, as the Kubernetes
 * docs' "Debug Pods" output shows it ("default-scheduler", "kubelet").
 */
function describeEvents(cluster: Cluster, object: Pod): string[] {
  const now = cluster.now();
  const events = cluster.events
    .list(object.metadata.namespace)
    .filter((e) => e.involvedObject.uid === object.metadata.uid)
    .sort(byLastTimestamp);
  if (events.length === 0) return [field("Events", "<none>")];
  const rows = events.map((e) =>
    ["", e.type, e.reason, interval(now, e), e.source.component, e.message.trim()].join("\t"),
  );
  return [
    "Events:",
    ...tabwrite(
      ["\tType\tReason\tAge\tFrom\tMessage", "\t----\t------\t----\t----\t-------", ...rows].join("\n"),
    ).split("\n"),
  ];
}

function describeService(cluster: Cluster, service: Service): string[] {
  const endpoints = serviceEndpoints(cluster, service);
  const lines = [
    field("Name", service.metadata.name, 26),
    field("Namespace", service.metadata.namespace!, 26),
    ...labelLines("Labels", service.metadata.labels, 26),
    field("Selector", formatLabels(service.spec.selector), 26),
    field("Type", service.spec.type, 26),
  ];
  if (service.spec.type === "ExternalName") {
    lines.push(field("External Name", service.spec.externalName ?? "", 26));
  } else {
    lines.push(
      field("IP Family Policy", service.spec.ipFamilyPolicy ?? "SingleStack", 26),
      field("IP Families", "IPv4", 26),
      field("IP", service.spec.clusterIP ?? "", 26),
      field("IPs", service.spec.clusterIP ?? "", 26),
    );
  }
  if (service.status.loadBalancer.ingress?.length)
    lines.push(field("LoadBalancer Ingress", service.status.loadBalancer.ingress.map((i) => i.ip).join(", "), 26));
  service.spec.ports.forEach((p) => {
    const name = p.name || "<unset>";
    lines.push(
      field("Port", `${name}  ${p.port}/${p.protocol}`, 26),
      field("TargetPort", `${p.targetPort}/${p.protocol}`, 26),
    );
    if (p.nodePort) lines.push(field("NodePort", `${name}  ${p.nodePort}/${p.protocol}`, 26));
    // Each endpoint with the number its own slice resolved this port to (named targetPorts vary per pod).
    const ready = endpoints.flatMap(({ endpoint, ports }) => {
      const port = ports.find((sp) => sp.name === (p.name ?? ""));
      return endpoint.conditions.ready && port ? [`${endpoint.addresses[0]}:${port.port}`] : [];
    });
    if (service.spec.type !== "ExternalName")
      lines.push(field("Endpoints", ready.length ? ready.join(",") : "<none>", 26));
  });
  lines.push(field("Session Affinity", service.spec.sessionAffinity, 26));
  if (service.spec.externalTrafficPolicy)
    lines.push(field("External Traffic Policy", service.spec.externalTrafficPolicy, 26));
  if (service.spec.type === "LoadBalancer" && !service.status.loadBalancer.ingress?.length) {
    lines.push(
      field("Events", "", 26),
      "  Normal  EnsuringLoadBalancer  service-controller  Ensuring load balancer (no load-balancer implementation in this cluster, so EXTERNAL-IP stays <pending>)",
    );
  } else lines.push(field("Events", "<none>", 26));
  return lines;
}

function describeDeployment(cluster: Cluster, d: Deployment): string[] {
  const rs = cluster.store
    .list("ReplicaSet", d.metadata.namespace)
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
  const current = rs.find((r) => r.spec.replicas > 0 || r.status.replicas > 0) ?? rs[0];
  return [
    field("Name", d.metadata.name, 24),
    field("Namespace", d.metadata.namespace!, 24),
    ...labelLines("Labels", d.metadata.labels, 24),
    field("Selector", formatLabels(d.spec.selector.matchLabels), 24),
    field(
      "Replicas",
      `${d.spec.replicas} desired | ${d.status.updatedReplicas} updated | ${d.status.replicas} total | ${d.status.availableReplicas} available | ${d.status.replicas - d.status.availableReplicas} unavailable`,
      24,
    ),
    field("StrategyType", "RollingUpdate", 24),
    "Pod Template:",
    ...labelLines("  Labels", d.spec.template.metadata.labels, 24),
    "  Containers:",
    ...d.spec.template.spec.containers.flatMap((c) => [
      `   ${c.name}:`,
      `    Image:         ${c.image}`,
      `    Port:          ${c.ports?.map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ") || "<none>"}`,
    ]),
    // describe.go DescribeDeployment: the status conditions as a Type/Status/Reason table (tab writer padding 2).
    ...(d.status.conditions?.length
      ? [
          "Conditions:",
          ...[
            ["Type", "Status", "Reason"],
            ["----", "------", "------"],
            ...d.status.conditions.map((c) => [c.type, c.status, c.reason]),
          ].map(([type, status, reason]) => `  ${type.padEnd(13)}${status.padEnd(8)}${reason}`),
        ]
      : []),
    field(
      "OldReplicaSets",
      rs
        .filter((r) => r !== current && r.status.replicas > 0)
        .map((r) => `${r.metadata.name} (${r.status.replicas}/${r.spec.replicas} replicas created)`)
        .join(", ") || "<none>",
      24,
    ),
    field(
      "NewReplicaSet",
      current
        ? `${current.metadata.name} (${current.status.replicas}/${current.spec.replicas} replicas created)`
        : "<none>",
      24,
    ),
    field("Events", "<none>", 24),
  ];
}

function describeNode(cluster: Cluster, node: NodeObject): string[] {
  const pods = cluster.pods().filter((p) => p.spec.nodeName === node.metadata.name && !p.metadata.deletionTimestamp);
  return [
    field("Name", node.metadata.name),
    field(
      "Roles",
      Object.hasOwn(node.metadata.labels ?? {}, "node-role.kubernetes.io/control-plane") ? "control-plane" : "<none>",
    ),
    ...labelLines("Labels", node.metadata.labels),
    field(
      "Taints",
      (node.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).join(", ") ||
        (node.spec.unschedulable ? "node.kubernetes.io/unschedulable:NoSchedule" : "<none>"),
    ),
    field("Unschedulable", node.spec.unschedulable ? "true" : "false"),
    "Addresses:",
    ...node.status.addresses.map((a) => `  ${a.type}:  ${a.address}`),
    // describe.go describeNode: Capacity and Allocatable after Addresses (only pods is modelled).
    "Capacity:",
    `  pods:  ${node.status.capacity.pods}`,
    "Allocatable:",
    `  pods:  ${node.status.allocatable.pods}`,
    field("PodCIDR", node.spec.podCIDR),
    field("PodCIDRs", node.spec.podCIDRs.join(",")),
    `Non-terminated Pods:          (${pods.length} in total)`,
    "  Namespace                   Name",
    ...pods
      .sort((a, b) =>
        `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
      )
      .map((p) => `  ${p.metadata.namespace!.padEnd(28)}${p.metadata.name}`),
  ];
}

/**
 * describe.go describeQuota, through kubectl's tabwriter (padding 2): Name and Namespace, then a
 * Resource / Used / Hard table sorted by resource, all lines sharing the first column's width.
 */
function describeQuota(quota: ResourceQuota): string[] {
  const resources = Object.keys(quota.status.hard).sort();
  const rows = [
    ["Name:", quota.metadata.name],
    ["Namespace:", quota.metadata.namespace ?? ""],
    ["Resource", "Used", "Hard"],
    ["--------", "----", "----"],
    ...resources.map((r) => [r, quota.status.used[r] ?? "0", quota.status.hard[r]]),
  ];
  const first = Math.max(...rows.map((r) => r[0].length)) + 2;
  const second = Math.max(...rows.slice(2).map((r) => r[1].length)) + 2;
  return rows.map((r) =>
    r.length === 2 ? `${r[0].padEnd(first)}${r[1]}` : `${r[0].padEnd(first)}${r[1].padEnd(second)}${r[2]}`,
  );
}

/** printLabelsMultiline / printAnnotationsMultiline: sorted keys, the first on the title's line. */
function multiline(title: string, entries: Record<string, string> | undefined): string {
  const keys = Object.keys(entries ?? {}).sort();
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ""}\t${k}=${entries![k]}\n`).join("");
}

/** describe.go describeEndpointSliceV1, laid out by tabwriter as kubectl's describers are. */
function describeEndpointSlice(slice: EndpointSlice): string[] {
  let out = `Name:\t${slice.metadata.name}\nNamespace:\t${slice.metadata.namespace}\n`;
  out += multiline("Labels", slice.metadata.labels) + multiline("Annotations", slice.metadata.annotations);
  out += `AddressType:\t${slice.addressType}\n`;
  if (slice.ports.length === 0) out += "Ports: <unset>\n";
  else {
    out += "Ports:\n  Name\tPort\tProtocol\n  ----\t----\t--------\n";
    for (const p of slice.ports) out += `  ${p.name || "<unset>"}\t${p.port}\t${p.protocol}\n`;
  }
  if (slice.endpoints.length === 0) out += "Endpoints: <none>\n";
  else {
    out += "Endpoints:\n";
    for (const e of slice.endpoints) {
      out += `  - Addresses:\t${e.addresses.join(", ") || "<none>"}\n    Conditions:\n      Ready:\t${e.conditions.ready}\n`;
      out += `    Hostname:\t${e.hostname ?? "<unset>"}\n`;
      if (e.targetRef) out += `    TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`;
      out += `    NodeName:\t${e.nodeName ?? "<unset>"}\n    Zone:\t<unset>\n`;
    }
  }
  out += "Events:\t<none>";
  return [tabwrite(out)];
}

/** describe.go describeEndpoints: per subset the ready and not-ready addresses and the ports. */
function describeEndpoints(ep: EndpointsObject): string[] {
  let out = `Name:\t${ep.metadata.name}\nNamespace:\t${ep.metadata.namespace}\n`;
  out += `${multiline("Labels", ep.metadata.labels)}Annotations:\t<none>\nSubsets:\n`;
  for (const subset of ep.subsets ?? []) {
    out += `  Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`;
    out += `  NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`;
    if (subset.ports.length > 0) {
      out += "  Ports:\n    Name\tPort\tProtocol\n    ----\t----\t--------\n";
      for (const p of subset.ports) out += `    ${p.name || "<unset>"}\t${p.port}\t${p.protocol}\n`;
    }
    out += "\n";
  }
  out += "Events:\t<none>";
  return [tabwrite(out)];
}

function describeGeneric(object: Listable): string[] {
  return [
    field("Name", object.metadata.name),
    ...(object.metadata.namespace ? [field("Namespace", object.metadata.namespace)] : []),
    ...labelLines("Labels", object.metadata.labels),
    stringify(object, { lineWidth: 0 }).trimEnd(),
  ];
}

function kubectlDescribe(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "describe");
  const namespace = namespaceOf(ctx, args);
  const targets = parseTargets(args.positional);
  const selectors = { labelSelector: flag(args, "selector") };
  if (targets.some((t) => t.name) && selectors.labelSelector?.trim())
    throw new KubeError("error: name cannot be provided when a selector is specified");
  const objects = targets.flatMap(({ type, name }) => {
    if (name) return [getObject(ctx.cluster, type, namespace, name)];
    const selected = selectionFor(type, selectors);
    const all = listObjects(ctx.cluster, type, namespace);
    return selected ? all.filter(selected) : all;
  });
  if (objects.length === 0) return `No resources found in ${namespace} namespace.\n`;
  return objects
    .map((o) => {
      const c = ctx.cluster;
      const lines =
        o.kind === "Pod"
          ? describePod(c, o)
          : o.kind === "Service"
            ? describeService(c, o)
            : o.kind === "Deployment"
              ? describeDeployment(c, o)
              : o.kind === "Node"
                ? describeNode(c, o)
                : o.kind === "ResourceQuota"
                  ? describeQuota(o)
                  : o.kind === "NetworkPolicy"
                    ? describeNetworkPolicy(o)
                    : o.kind === "Ingress"
                      ? describeIngress(c, o)
                      : o.kind === "EndpointSlice"
                        ? describeEndpointSlice(o)
                        : o.kind === "Endpoints"
                          ? describeEndpoints(o)
                          : describeGeneric(o);
      return `${lines.join("\n")}\n`;
    })
    .join("\n\n");
}
