import { KubeError } from "../../errors";
import { parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import type { KubectlContext } from "../context";
import { line } from "../line";

// cordon and uncordon are one family: the same toggle of spec.unschedulable, in two directions.

export const cordonCommand: KubectlCommand = {
  name: "cordon",
  summary: "Mark node as unschedulable",
  group: "Cluster Management Commands",
  usage: "cordon NODE [flags]",
  flags: [],
  args: [{ kind: "objects", resource: "Node" }],
  run: (ctx, argv) => setUnschedulable(ctx, argv, true),
};

export const uncordonCommand: KubectlCommand = {
  name: "uncordon",
  summary: "Mark node as schedulable",
  group: "Cluster Management Commands",
  usage: "uncordon NODE [flags]",
  flags: [],
  args: [{ kind: "objects", resource: "Node" }],
  run: (ctx, argv) => setUnschedulable(ctx, argv, false),
};

function setUnschedulable(ctx: KubectlContext, argv: string[], cordon: boolean): string {
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
