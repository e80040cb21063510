import { KubeError } from "../../errors";
import { parseArgs } from "../args";
import { type CommandSpec, type KubectlCommand, subcommandNamed } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { parseTargets } from "../resources";
import { requireDeployment } from "../workloads";

const SUBCOMMANDS: readonly CommandSpec[] = [
  {
    name: "restart",
    summary: "Restart a resource",
    usage: "rollout restart (TYPE NAME | TYPE/NAME) [flags]",
    flags: [],
    args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  },
  {
    name: "status",
    summary: "Show the status of the rollout",
    usage: "rollout status (TYPE NAME | TYPE/NAME) [flags]",
    flags: [],
    args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  },
];

export const rolloutCommand: KubectlCommand = {
  name: "rollout",
  summary: "Manage the rollout of a resource",
  group: "Deploy Commands",
  usage: "rollout SUBCOMMAND",
  flags: [],
  args: [{ kind: "none" }],
  subcommands: SUBCOMMANDS,
  run: kubectlRollout,
};

function kubectlRollout(ctx: KubectlContext, argv: string[]): string {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest, [], `rollout ${sub ?? ""}`.trim());
  const namespace = namespaceOf(ctx, args);
  const verb = subcommandNamed(rolloutCommand, sub)?.name;
  if (verb !== "restart" && verb !== "status")
    throw new KubeError(
      `error: unknown command "${sub ?? ""}" for "kubectl rollout"\nSupported here: ${SUBCOMMANDS.map((s) => s.name).join(", ")}`,
    );
  return parseTargets(args.positional)
    .map(({ type, name }) => {
      if (type.kind !== "Deployment")
        throw new KubeError(
          `error: ${type.plural} "${name}" ${verb === "restart" ? "restarting is not supported" : "has no rollout status"} here`,
        );
      const d = requireDeployment(ctx.cluster, namespace, name);
      if (verb === "status") return line(`deployment "${name}" successfully rolled out`);
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
