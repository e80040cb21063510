import { KubeError } from "../../errors";
import type { Service, ServiceType } from "../../types";
import { type FlagSpec, flag, intFlag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { getObject, parseTargets } from "../resources";

const SERVICE_TYPES: readonly ServiceType[] = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];

const FLAGS: readonly FlagSpec[] = [
  { name: "port", takesValue: true },
  { name: "target-port", takesValue: true },
  { name: "type", takesValue: true, values: { kind: "words", words: SERVICE_TYPES } },
  { name: "name", takesValue: true },
  { name: "cluster-ip", takesValue: true },
  { name: "protocol", takesValue: true, values: { kind: "words", words: ["TCP", "UDP", "SCTP"] } },
  { name: "selector", takesValue: true },
  { name: "session-affinity", takesValue: true, values: { kind: "words", words: ["None", "ClientIP"] } },
];

export const exposeCommand: KubectlCommand = {
  name: "expose",
  summary: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  group: "Basic Commands (Beginner)",
  usage:
    "expose (TYPE NAME | TYPE/NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--type=type] [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlExpose,
};

function kubectlExpose(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "expose");
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
  const serviceType = (SERVICE_TYPES.find((t) => t.toLowerCase() === typeFlag.toLowerCase()) ??
    typeFlag) as ServiceType;
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
