import { KubeError } from "../../errors";
import { type FlagSpec, intFlag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { parseTargets } from "../resources";
import { requireDeployment, requireStatefulSet } from "../workloads";

const FLAGS: readonly FlagSpec[] = [{ name: "replicas", takesValue: true }];

export const scaleCommand: KubectlCommand = {
  name: "scale",
  summary: "Set a new size for a deployment, replica set, or replication controller",
  group: "Deploy Commands",
  usage: "scale --replicas=COUNT (TYPE NAME | TYPE/NAME) [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlScale,
};

function kubectlScale(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "scale");
  const replicas = intFlag(args, "replicas");
  if (replicas === undefined) throw new KubeError('error: required flag(s) "replicas" not set');
  if (replicas < 0)
    throw new KubeError("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  const namespace = namespaceOf(ctx, args);
  const out: string[] = [];
  for (const { type, name } of parseTargets(args.positional)) {
    if (type.kind !== "Deployment" && type.kind !== "StatefulSet")
      throw new KubeError(`error: cannot scale ${type.plural} here (scale a Deployment or a StatefulSet)`);
    const workload =
      type.kind === "Deployment"
        ? requireDeployment(ctx.cluster, namespace, name)
        : requireStatefulSet(ctx.cluster, namespace, name);
    workload.spec.replicas = replicas;
    ctx.cluster.save(workload);
    ctx.cluster.reconcile();
    out.push(`${type.display}/${name} scaled`);
  }
  return out.map(line).join("");
}
