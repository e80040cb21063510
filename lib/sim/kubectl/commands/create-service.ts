import { KubeError } from "../../errors";
import { dnsSubdomainError } from "../../names";
import type { ServicePort, ServiceType } from "../../types";
import { type FlagSpec, flag, intFlag, type ParsedArgs, parseArgs } from "../args";
import { type CommandSpec, subcommandNamed } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { defaultSubCommandRun } from "../help";
import { line } from "../line";

// kubectl create service clusterip|nodeport|loadbalancer|externalname, as the generator in
// kubectl's pkg/cmd/create/create_service.go (Kubernetes v1.31) builds them.

const TCP: FlagSpec = { name: "tcp", takesValue: true, repeatable: true };
const CLUSTER_IP_FLAGS: readonly FlagSpec[] = [TCP, { name: "clusterip", takesValue: true }];
const NODE_PORT_FLAGS: readonly FlagSpec[] = [TCP, { name: "node-port", takesValue: true }];
const EXTERNAL_NAME_FLAGS: readonly FlagSpec[] = [TCP, { name: "external-name", takesValue: true }];

const TYPES: readonly (CommandSpec & { type: ServiceType })[] = [
  {
    name: "clusterip",
    type: "ClusterIP",
    summary: "Create a ClusterIP service",
    usage: "create service clusterip NAME [--tcp=<port>:<targetPort>] [--clusterip=ip|None] [flags]",
    flags: CLUSTER_IP_FLAGS,
    args: [{ kind: "none" }],
  },
  {
    name: "externalname",
    type: "ExternalName",
    summary: "Create an ExternalName service",
    usage: "create service externalname NAME --external-name external.name [flags]",
    flags: EXTERNAL_NAME_FLAGS,
    args: [{ kind: "none" }],
  },
  {
    name: "loadbalancer",
    type: "LoadBalancer",
    summary: "Create a LoadBalancer service",
    usage: "create service loadbalancer NAME [--tcp=port:targetPort] [flags]",
    flags: [TCP],
    args: [{ kind: "none" }],
  },
  {
    name: "nodeport",
    type: "NodePort",
    summary: "Create a NodePort service",
    usage: "create service nodeport NAME [--tcp=port:targetPort] [--node-port=port] [flags]",
    flags: NODE_PORT_FLAGS,
    args: [{ kind: "none" }],
  },
];

export const createServiceSpec: CommandSpec = {
  name: "service",
  aliases: ["svc"],
  summary: "Create a service using a specified subcommand",
  usage: "create service [flags]",
  flags: [],
  args: [{ kind: "none" }],
  subcommands: TYPES,
};

/** validation.IsValidPortName's complaints about a port name (an IANA_SVC_NAME). */
function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(name)) errors.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(name)) errors.push("must contain at least one letter (a-z)");
  if (name.includes("--")) errors.push("must not contain consecutive hyphens");
  if (name.startsWith("-") || name.endsWith("-")) errors.push("must not begin or end with a hyphen");
  return errors;
}

/** parsePorts: "port[:targetPort]"; a target that is not a number must be a valid port name. */
function parsePort(text: string): { port: number; targetPort: number | string } {
  const [portText, targetText] = text.split(":");
  // utilsnet.ParsePort: strconv.ParseUint(port, 10, 16), zero allowed.
  if (!/^\d+$/.test(portText)) throw new KubeError(`error: strconv.ParseUint: parsing "${portText}": invalid syntax`);
  if (Number(portText) > 65535)
    throw new KubeError(`error: strconv.ParseUint: parsing "${portText}": value out of range`);
  const port = Number(portText);
  if (targetText === undefined) return { port, targetPort: port };
  if (/^[-+]?\d+$/.test(targetText)) {
    const n = Number(targetText);
    if (n < 1 || n > 65535) throw new KubeError("error: must be between 1 and 65535, inclusive");
    return { port, targetPort: n };
  }
  const errors = portNameErrors(targetText);
  if (errors.length) throw new KubeError(`error: ${errors.join(",")}`);
  return { port, targetPort: targetText };
}

/** The API server's refusal, as create_service.go wraps it: "failed to create TYPE service: ...". */
function wrapRefusal(type: ServiceType, err: unknown): never {
  if (!(err instanceof KubeError)) throw err;
  const reason = err.message.replace(/^Error from server \(\w+\): /, "").replace(/^The /, "");
  throw new KubeError(`error: failed to create ${type} service: ${reason}`);
}

/** `kubectl create service TYPE NAME ...`: `argv` starts at TYPE. */
export function createServiceOfType(ctx: KubectlContext, argv: string[]): string {
  const spec = TYPES.find((t) => t === subcommandNamed(createServiceSpec, argv[0]));
  if (!spec) defaultSubCommandRun(["create", "service"], createServiceSpec, argv);
  const args = parseArgs(argv.slice(1), spec.flags, `create service ${spec.name}`);
  const name = args.positional[0];
  if (args.positional.length !== 1)
    throw new KubeError(
      `error: exactly one NAME is required, got ${args.positional.length}\nSee 'kubectl create service ${spec.name} -h' for help and examples`,
    );
  const service = buildService(ctx, args, spec.type, name);
  try {
    ctx.cluster.createService(service);
  } catch (err) {
    wrapRefusal(spec.type, err);
  }
  return line(`service/${name} created`);
}

/** ServiceOptions.Validate and createService: ports named after their --tcp text, selector app=NAME. */
function buildService(ctx: KubectlContext, args: ParsedArgs, type: ServiceType, name: string) {
  const tcp = (args.flags.get("tcp") ?? []).flatMap((t) => t.split(","));
  const clusterIP = flag(args, "clusterip");
  const externalName = flag(args, "external-name");
  if (type === "ExternalName" && externalName === undefined)
    throw new KubeError('error: required flag(s) "external-name" not set');
  if (clusterIP === "None" && type !== "ClusterIP")
    throw new KubeError("error: ClusterIP=None can only be used with ClusterIP service type");
  if (clusterIP !== "None" && tcp.length === 0 && type !== "ExternalName")
    throw new KubeError("error: at least one tcp port specifier must be provided");
  if (type === "ExternalName" && dnsSubdomainError(externalName ?? ""))
    throw new KubeError(`error: invalid service external name ${externalName}`);
  const nodePort = intFlag(args, "node-port") ?? 0;
  const ports: ServicePort[] = tcp.map((text) => ({
    name: text.replaceAll(":", "-"),
    protocol: "TCP",
    ...parsePort(text),
    // NodePort 0 is "unset": the API server allocates one.
    ...(nodePort ? { nodePort } : {}),
  }));
  const labels = { app: name };
  return ctx.cluster.serviceObject(name, namespaceOf(ctx, args), labels, {
    type,
    selector: { ...labels },
    ports,
    ...(clusterIP ? { clusterIP } : {}),
    ...(type === "ExternalName" ? { externalName } : {}),
  });
}
