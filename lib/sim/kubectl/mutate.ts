import { KubeError } from "../errors";
import { parseLabelQuery } from "../labels";
import { deleteService } from "../service-api";
import type { Pod, Service, ServiceType } from "../types";
import { boolFlag, flag, intFlag, type ParsedArgs, parseArgs } from "./args";
import { type KubectlContext, namespaceOf } from "./context";
import { getObject, parseTargets, type ResourceType } from "./resources";
import { createBarePod, createDeployment, requireDeployment } from "./workloads";

const line = (text: string) => `${text}\n`;

function containerName(image: string): string {
  return (
    image
      .split("/")
      .at(-1)!
      .split(/[:@]/)[0]
      .replace(/[^a-z0-9-]/g, "-") || "app"
  );
}

export function kubectlCreate(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(
    argv,
    [
      { name: "image", takesValue: true, repeatable: true },
      { name: "replicas", short: "r", takesValue: true },
      { name: "port", takesValue: true },
    ],
    "create",
  );
  const [what, name] = args.positional;
  const namespace = namespaceOf(ctx, args);
  if (what === "namespace" || what === "ns") {
    if (!name) throw new KubeError("error: exactly one NAME is required, got 0");
    ctx.cluster.createNamespace(name);
    return line(`namespace/${name} created`);
  }
  if (what === "deployment" || what === "deploy") {
    if (!name) throw new KubeError("error: exactly one NAME is required, got 0");
    const images = args.flags.get("image") ?? [];
    if (images.length === 0) throw new KubeError('error: required flag(s) "image" not set');
    const port = intFlag(args, "port");
    const labels = { app: name };
    createDeployment(ctx.cluster, {
      name,
      namespace,
      replicas: intFlag(args, "replicas") ?? 1,
      selector: { matchLabels: labels },
      labels,
      template: {
        metadata: { labels },
        spec: {
          containers: images.map((image) => ({
            name: containerName(image),
            image,
            ...(port ? { ports: [{ containerPort: port, protocol: "TCP" as const }] } : {}),
          })),
        },
      },
    });
    return line(`deployment.apps/${name} created`);
  }
  throw new KubeError(
    what
      ? `error: unknown command "${what}" for "kubectl create"\nSupported here: deployment, namespace (and -f FILE)`
      : "error: must specify one of -f and -k",
  );
}

/** kubectl run NAME --image=IMAGE [--port=P] [--labels=k=v] [-- COMMAND...]: a bare pod. */
export function kubectlRun(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(
    argv,
    [
      { name: "image", takesValue: true },
      { name: "port", takesValue: true },
      { name: "labels", short: "l", takesValue: true },
      { name: "restart", takesValue: true },
      { name: "command", takesValue: false },
    ],
    "run",
  );
  const name = args.positional[0];
  if (!name) throw new KubeError("error: NAME is required for run");
  const image = flag(args, "image");
  if (!image) throw new KubeError('error: required flag(s) "image" not set');
  const port = intFlag(args, "port");
  const labels = Object.fromEntries(
    (flag(args, "labels") ?? `run=${name}`).split(",").map((kv) => kv.split("=") as [string, string]),
  );
  const rest = args.rest ?? [];
  const namespace = namespaceOf(ctx, args);
  createBarePod(ctx.cluster, {
    name,
    namespace,
    labels,
    spec: {
      restartPolicy: (flag(args, "restart") as "Always" | "Never" | "OnFailure" | undefined) ?? "Always",
      containers: [
        {
          name,
          image,
          ...(port ? { ports: [{ containerPort: port, protocol: "TCP" as const }] } : {}),
          ...(rest.length ? (boolFlag(args, "command") ? { command: rest } : { args: rest }) : {}),
        },
      ],
    },
  });
  return line(`pod/${name} created`);
}

export function kubectlExpose(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(
    argv,
    [
      { name: "port", takesValue: true },
      { name: "target-port", takesValue: true },
      { name: "type", takesValue: true },
      { name: "name", takesValue: true },
      { name: "cluster-ip", takesValue: true },
      { name: "protocol", takesValue: true },
      { name: "selector", takesValue: true },
      { name: "session-affinity", takesValue: true },
    ],
    "expose",
  );
  const namespace = namespaceOf(ctx, args);
  const [{ type, name }] = parseTargets(args.positional);
  if (!name) throw new KubeError("error: the name of the resource to expose is required");
  const source = getObject(ctx.cluster, type, namespace, name);
  let selector: Record<string, string> | undefined;
  let portGuess: number | undefined;
  if (source.kind === "Deployment") {
    selector = source.spec.selector.matchLabels;
    portGuess = source.spec.template.spec.containers[0]?.ports?.[0]?.containerPort;
  } else if (source.kind === "Pod") {
    selector = source.metadata.labels;
    portGuess = source.spec.containers[0]?.ports?.[0]?.containerPort;
  } else if (source.kind === "Service") {
    selector = source.spec.selector;
    portGuess = source.spec.ports[0]?.port;
  } else {
    throw new KubeError(`error: cannot expose a ${source.kind}`);
  }
  const selectorFlag = flag(args, "selector");
  if (selectorFlag)
    selector = Object.fromEntries(selectorFlag.split(",").map((kv) => kv.split("=") as [string, string]));
  if (!selector || Object.keys(selector).length === 0)
    throw new KubeError(
      `error: couldn't retrieve selectors via --selector flag or introspection: the ${source.kind.toLowerCase()} has no labels`,
    );
  const port = intFlag(args, "port") ?? portGuess;
  if (!port)
    throw new KubeError(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
    );
  const target = flag(args, "target-port");
  const serviceName = flag(args, "name") ?? name;
  const typeFlag = flag(args, "type") ?? "ClusterIP";
  const serviceType = (["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].find(
    (t) => t.toLowerCase() === typeFlag.toLowerCase(),
  ) ?? typeFlag) as ServiceType;
  const affinity = flag(args, "session-affinity");
  const service: Service = ctx.cluster.serviceObject(
    serviceName,
    namespace,
    { ...selector },
    {
      type: serviceType,
      selector,
      sessionAffinity: (affinity as "None" | "ClientIP" | undefined) ?? "None",
      ports: [
        {
          protocol: (flag(args, "protocol") ?? "TCP").toUpperCase() as "TCP",
          port,
          targetPort: target === undefined ? port : /^\d+$/.test(target) ? Number(target) : target,
        },
      ],
      ...(flag(args, "cluster-ip") ? { clusterIP: flag(args, "cluster-ip") } : {}),
    },
  );
  ctx.cluster.createService(service);
  return line(`service/${serviceName} exposed`);
}

export function kubectlScale(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, [{ name: "replicas", takesValue: true }], "scale");
  const replicas = intFlag(args, "replicas");
  if (replicas === undefined) throw new KubeError('error: required flag(s) "replicas" not set');
  if (replicas < 0)
    throw new KubeError("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  const namespace = namespaceOf(ctx, args);
  const out: string[] = [];
  for (const { type, name } of parseTargets(args.positional)) {
    if (type.kind !== "Deployment") throw new KubeError(`error: cannot scale ${type.plural} here (scale a Deployment)`);
    const d = requireDeployment(ctx.cluster, namespace, name);
    d.spec.replicas = replicas;
    ctx.cluster.save(d);
    ctx.cluster.reconcile();
    out.push(`deployment.apps/${name} scaled`);
  }
  return out.map(line).join("");
}

export function kubectlRollout(ctx: KubectlContext, argv: string[]): string {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, [], `rollout ${sub ?? ""}`.trim());
  const namespace = namespaceOf(ctx, args);
  if (sub !== "restart" && sub !== "status")
    throw new KubeError(`error: unknown command "${sub ?? ""}" for "kubectl rollout"\nSupported here: restart, status`);
  return parseTargets(args.positional)
    .map(({ type, name }) => {
      if (type.kind !== "Deployment")
        throw new KubeError(
          `error: ${type.plural} "${name}" ${sub === "restart" ? "restarting is not supported" : "has no rollout status"} here`,
        );
      const d = requireDeployment(ctx.cluster, namespace, name);
      if (sub === "status") return line(`deployment "${name}" successfully rolled out`);
      // kubectl rollout restart stamps the pod template, which makes a new ReplicaSet.
      d.spec.template.metadata.annotations = {
        ...d.spec.template.metadata.annotations,
        "kubectl.kubernetes.io/restartedAt": ctx.cluster.timestamp(),
      };
      ctx.cluster.save(d);
      ctx.cluster.reconcile();
      return line(`deployment.apps/${name} restarted`);
    })
    .join("");
}

export function kubectlLabel(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(
    argv,
    [
      { name: "overwrite", takesValue: false },
      { name: "selector", short: "l", takesValue: true },
    ],
    "label",
  );
  const namespace = namespaceOf(ctx, args);
  const changes = args.positional.filter((p) => /=|-$/.test(p) && !p.includes("/"));
  const targets = parseTargets(args.positional.filter((p) => !changes.includes(p)));
  if (changes.length === 0) throw new KubeError("error: at least one label update is required");
  const out: string[] = [];
  for (const { type, name } of targets) {
    const object = getObject(ctx.cluster, type, namespace, name);
    if (object.kind === "Endpoints")
      throw new KubeError("error: endpoints are derived from EndpointSlices here; label the Service instead");
    const labels = { ...(object.metadata.labels ?? {}) };
    for (const change of changes) {
      if (change.endsWith("-") && !change.includes("=")) {
        delete labels[change.slice(0, -1)];
        continue;
      }
      const [key, value] = change.split("=", 2);
      if (labels[key] !== undefined && labels[key] !== value && !boolFlag(args, "overwrite")) {
        throw new KubeError(`error: '${key}' already has a value (${labels[key]}), and --overwrite is false`);
      }
      labels[key] = value;
    }
    const changed = JSON.stringify(labels) !== JSON.stringify(object.metadata.labels ?? {});
    object.metadata.labels = labels;
    if (changed) {
      ctx.cluster.save(object);
      ctx.cluster.reconcile();
    }
    out.push(`${type.display}/${name} ${changed ? "labeled" : "not labeled"}`);
  }
  return out.map(line).join("");
}

export function kubectlCordon(ctx: KubectlContext, argv: string[], cordon: boolean): string {
  const args = parseArgs(argv, [], cordon ? "cordon" : "uncordon");
  return args.positional
    .map((name) => {
      const node = ctx.cluster.store.get("Node", undefined, name);
      if (!node) throw new KubeError(`Error from server (NotFound): nodes "${name}" not found`);
      const already = (node.spec.unschedulable ?? false) === cordon;
      if (!already) {
        if (cordon) node.spec.unschedulable = true;
        else delete node.spec.unschedulable;
        ctx.cluster.save(node);
        ctx.cluster.reconcile();
      }
      return line(`node/${name} ${already ? "already " : ""}${cordon ? "cordoned" : "uncordoned"}`);
    })
    .join("");
}

const isDaemonSetPod = (pod: Pod) => pod.metadata.ownerReferences?.some((r) => r.kind === "DaemonSet") ?? false;
const isMirrorPod = (pod: Pod) => pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined;

/** kubectl drain: cordon, then evict every pod on the node except mirror pods (and DaemonSet pods when told). */
export function kubectlDrain(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(
    argv,
    [
      { name: "ignore-daemonsets", takesValue: false },
      { name: "force", takesValue: false },
      { name: "delete-emptydir-data", takesValue: false },
      { name: "grace-period", takesValue: true },
      { name: "timeout", takesValue: true },
    ],
    "drain",
  );
  const name = args.positional[0];
  const node = ctx.cluster.store.get("Node", undefined, name ?? "");
  if (!node) throw new KubeError(`Error from server (NotFound): nodes "${name}" not found`);
  const out = [node.spec.unschedulable ? `node/${name} already cordoned` : `node/${name} cordoned`];
  node.spec.unschedulable = true;
  ctx.cluster.save(node);
  const pods = ctx.cluster
    .pods()
    .filter((p) => p.spec.nodeName === name && !isMirrorPod(p) && !p.metadata.deletionTimestamp);
  const daemonPods = pods.filter(isDaemonSetPod);
  const barePods = pods.filter((p) => !p.metadata.ownerReferences?.length);
  const problems: string[] = [];
  if (daemonPods.length && !boolFlag(args, "ignore-daemonsets"))
    problems.push(
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonPods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")}`,
    );
  if (barePods.length && !boolFlag(args, "force"))
    problems.push(
      `cannot delete Pods that declare no controller (use --force to override): ${barePods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")}`,
    );
  if (problems.length) {
    ctx.cluster.reconcile();
    throw new KubeError(
      `${out.join("\n")}\nerror: unable to drain node "${name}" due to error: [${problems.join(", ")}], continuing command...\nThere are pending nodes to be drained:\n ${name}\n${problems.map((p) => `error: ${p}`).join("\n")}`,
    );
  }
  if (daemonPods.length)
    out.push(
      `Warning: ignoring DaemonSet-managed Pods: ${daemonPods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")}`,
    );
  if (barePods.length)
    out.push(
      `Warning: deleting Pods that declare no controller: ${barePods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")}`,
    );
  const evicted = pods.filter((p) => !isDaemonSetPod(p));
  for (const pod of evicted) out.push(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}`);
  ctx.cluster.batch(() => {
    for (const pod of evicted) ctx.cluster.deletePod(pod, { wait: false });
  });
  for (const pod of evicted) {
    ctx.cluster.waitUntilGone(pod);
    out.push(`pod/${pod.metadata.name} evicted`);
  }
  out.push(`node/${name} drained`);
  return out.map(line).join("");
}

export function kubectlDelete(
  ctx: KubectlContext,
  argv: string[],
  readTargets: (args: ParsedArgs) => { type: ResourceType; name: string; namespace?: string }[] | null,
): string {
  const args = parseArgs(
    argv,
    [
      { name: "filename", short: "f", takesValue: true, repeatable: true },
      { name: "selector", short: "l", takesValue: true },
      { name: "wait", takesValue: false },
      { name: "force", takesValue: false },
      { name: "grace-period", takesValue: true },
      { name: "now", takesValue: false },
      { name: "all", takesValue: false },
      { name: "ignore-not-found", takesValue: false },
    ],
    "delete",
  );
  const namespace = namespaceOf(ctx, args);
  const wait = flag(args, "wait") !== "false";
  const immediate = boolFlag(args, "force") && flag(args, "grace-period") === "0";
  let targets: { type: ResourceType; name: string; namespace?: string }[] =
    readTargets(args) ?? parseTargets(args.positional);
  const selectorText = flag(args, "selector");
  if ((selectorText || boolFlag(args, "all")) && targets.every((t) => !t.name)) {
    const test = selectorText ? parseLabelQuery(selectorText) : () => true;
    if (typeof test === "string") throw new KubeError(`error: ${test}`);
    targets = targets.flatMap(({ type }) =>
      (type.kind === "Endpoints" ? [] : ctx.cluster.store.list(type.kind, type.namespaced ? namespace : undefined))
        .filter((o) => test(o.metadata.labels))
        .map((o) => ({ type, name: o.metadata.name })),
    );
    if (targets.length === 0) return line(`No resources found`);
  } else if (targets.some((t) => !t.name)) {
    throw new KubeError(`error: resource(s) were provided, but no name was specified`);
  }
  const out: string[] = [];
  const errors: string[] = [];
  for (const target of targets) {
    const ns = target.namespace ?? namespace;
    let object: ReturnType<typeof getObject>;
    try {
      object = getObject(ctx.cluster, target.type, ns, target.name);
    } catch (err) {
      if (boolFlag(args, "ignore-not-found")) continue;
      if (err instanceof KubeError) {
        errors.push(err.message);
        continue;
      }
      throw err;
    }
    const cluster = ctx.cluster;
    switch (object.kind) {
      case "Pod":
        if (immediate)
          out.push(
            "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.",
          );
        cluster.deletePod(object, { wait: wait && !immediate });
        break;
      case "Service":
        deleteService(cluster, object);
        break;
      case "Deployment":
      case "ReplicaSet":
      case "DaemonSet": {
        // Background cascading deletion: the owner goes now, its dependents follow.
        cluster.store.remove(object);
        const owned = cluster.store
          .list("ReplicaSet", ns)
          .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === object.metadata.uid));
        for (const rs of owned) cluster.store.remove(rs);
        for (const owner of [object, ...owned])
          for (const pod of cluster.store.podsOwnedBy(owner.metadata.uid)) cluster.deletePod(pod, { wait: false });
        cluster.reconcile();
        break;
      }
      case "Namespace":
        if (["default", "kube-system", "kube-public", "kube-node-lease"].includes(object.metadata.name)) {
          errors.push(
            `Error from server (Forbidden): namespaces "${object.metadata.name}" is forbidden: this namespace may not be deleted`,
          );
          continue;
        }
        cluster.batch(() => {
          for (const s of cluster.store.list("Service", object.metadata.name)) deleteService(cluster, s);
          for (const kind of ["Deployment", "ReplicaSet", "DaemonSet"] as const)
            for (const o of cluster.store.list(kind, object.metadata.name)) cluster.store.remove(o);
          for (const p of cluster.pods(object.metadata.name)) cluster.deletePod(p, { wait: false });
          cluster.store.remove(object);
        });
        break;
      default:
        errors.push(
          `error: deleting ${target.type.plural} is not supported by the simulator (they are managed by the control plane)`,
        );
        continue;
    }
    out.push(`${target.type.display} "${target.name}" deleted`);
  }
  const text = out.map(line).join("");
  if (errors.length) throw new KubeError(text + errors.join("\n"));
  return text;
}
