import { KubeError } from "../../errors";
import { type FlagSpec, intFlag, type ParsedArgs, parseArgs } from "../args";
import { type CommandSpec, type KubectlCommand, subcommandNamed } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { APPLY_FLAGS, applyFiles } from "../manifests";
import { createDeployment } from "../workloads";
import { createIngressNamed, createIngressSpec } from "./create-ingress";
import { createServiceOfType, createServiceSpec } from "./create-service";

const DEPLOYMENT_FLAGS: readonly FlagSpec[] = [
  { name: "image", takesValue: true, repeatable: true },
  { name: "replicas", short: "r", takesValue: true },
  { name: "port", takesValue: true },
];

const SUBCOMMANDS: readonly CommandSpec[] = [
  {
    name: "deployment",
    aliases: ["deploy"],
    summary: "Create a deployment with the specified name",
    usage: "create deployment NAME --image=image [--replicas=N] [--port=port] [flags] -- [COMMAND] [args...]",
    flags: DEPLOYMENT_FLAGS,
    args: [{ kind: "none" }],
  },
  createIngressSpec,
  createServiceSpec,
  {
    name: "namespace",
    aliases: ["ns"],
    summary: "Create a namespace with the specified name",
    usage: "create namespace NAME [flags]",
    flags: [],
    args: [{ kind: "none" }],
  },
];

export const createCommand: KubectlCommand = {
  name: "create",
  summary: "Create a resource from a file or from stdin",
  group: "Basic Commands (Beginner)",
  usage: "create -f FILENAME [flags]",
  flags: APPLY_FLAGS,
  args: [{ kind: "none" }],
  subcommands: SUBCOMMANDS,
  run: (ctx, argv) =>
    argv.some((a) => a === "-f" || a.startsWith("--filename") || a.startsWith("-f"))
      ? applyFiles(ctx, argv, "create")
      : kubectlCreate(ctx, argv),
};

function containerName(image: string): string {
  return (
    image
      .split("/")
      .at(-1)!
      .split(/[:@]/)[0]
      .replace(/[^a-z0-9-]/g, "-") || "app"
  );
}

function kubectlCreate(ctx: KubectlContext, argv: string[]): string {
  // `create service TYPE` has flags of its own per type.
  if (subcommandNamed(createCommand, argv[0]) === createServiceSpec) return createServiceOfType(ctx, argv.slice(1));
  if (subcommandNamed(createCommand, argv[0]) === createIngressSpec) return createIngressNamed(ctx, argv.slice(1));
  // One flag set for every sub-verb: only `create deployment` has flags of its own.
  const args = parseArgs(argv, DEPLOYMENT_FLAGS, "create");
  const [what, name] = args.positional;
  const namespace = namespaceOf(ctx, args);
  const sub = subcommandNamed(createCommand, what);
  // CreateOptions.Complete: `kubectl create` itself takes no arguments, only -f.
  if (!sub)
    throw new KubeError(
      what
        ? `error: Unexpected args: [${args.positional.join(" ")}]\nSee 'kubectl create -h' for help and examples`
        : "error: must specify one of -f and -k",
    );
  if (!name) throw new KubeError("error: exactly one NAME is required, got 0");
  switch (sub.name) {
    case "namespace":
      ctx.cluster.createNamespace(name);
      return line(`namespace/${name} created`);
    case "deployment":
      return createDeploymentNamed(ctx, args, name, namespace);
    default:
      throw new Error(`kubectl create ${sub.name} is listed but not implemented`);
  }
}

function createDeploymentNamed(ctx: KubectlContext, args: ParsedArgs, name: string, namespace: string): string {
  const images = args.flags.get("image") ?? [];
  if (images.length === 0) throw new KubeError('error: required flag(s) "image" not set');
  const port = intFlag(args, "port");
  // What follows `--` becomes the container's command (kubectl create deployment's -- [COMMAND] [args...]).
  const command = args.rest ?? [];
  if (command.length > 0 && images.length > 1)
    throw new KubeError("error: cannot specify multiple --image options and command");
  const labels = { app: name };
  wrapCreateRefusal("deployment", () =>
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
            ...(command.length ? { command } : {}),
            ...(port ? { ports: [{ containerPort: port, protocol: "TCP" as const }] } : {}),
          })),
        },
      },
    }),
  );
  return line(`deployment.apps/${name} created`);
}

/**
 * create_deployment.go: `fmt.Errorf("failed to create deployment: %v", err)`, so the server's refusal
 * (Forbidden, AlreadyExists) is printed without kubectl's "Error from server (Reason): " prefix.
 */
function wrapCreateRefusal(what: string, create: () => unknown): void {
  try {
    create();
  } catch (err) {
    if (!(err instanceof KubeError)) throw err;
    const refusal = /^Error from server \((?:Forbidden|AlreadyExists)\): (.*)$/s.exec(err.message);
    if (!refusal) throw err;
    throw new KubeError(`error: failed to create ${what}: ${refusal[1]}`);
  }
}
