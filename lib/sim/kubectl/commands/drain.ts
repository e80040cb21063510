import { KubeError } from "../../errors";
import type { Pod } from "../../types";
import { boolFlag, type FlagSpec, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import type { KubectlContext } from "../context";
import { line } from "../line";

const FLAGS: readonly FlagSpec[] = [
  { name: "ignore-daemonsets", takesValue: false },
  { name: "force", takesValue: false },
  { name: "delete-emptydir-data", takesValue: false },
  { name: "grace-period", takesValue: true },
  { name: "timeout", takesValue: true },
];

export const drainCommand: KubectlCommand = {
  name: "drain",
  summary: "Drain node in preparation for maintenance",
  group: "Cluster Management Commands",
  usage: "drain NODE [--ignore-daemonsets] [--force] [flags]",
  flags: FLAGS,
  args: [{ kind: "objects", resource: "Node" }],
  run: kubectlDrain,
};

const isDaemonSetPod = (pod: Pod) => pod.metadata.ownerReferences?.some((r) => r.kind === "DaemonSet") ?? false;
const isMirrorPod = (pod: Pod) => pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined;

/** kubectl drain: cordon, then evict every pod on the node except mirror pods (and DaemonSet pods when told). */
function kubectlDrain(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "drain");
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
