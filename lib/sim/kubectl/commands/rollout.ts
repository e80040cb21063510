import type { Cluster } from "../../cluster";
import { KubeError } from "../../errors";
import { revisionOf } from "../../rolling-update";
import type { Deployment, ReplicaSet } from "../../types";
import { type FlagSpec, intFlag, parseArgs } from "../args";
import { type CommandSpec, type KubectlCommand, subcommandNamed } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { parseTargets } from "../resources";
import { requireDeployment } from "../workloads";

const TARGET_ARGS = [{ kind: "resource-types" }, { kind: "typed-objects" }] as const;
const HISTORY_FLAGS: readonly FlagSpec[] = [{ name: "revision", takesValue: true }];
const UNDO_FLAGS: readonly FlagSpec[] = [{ name: "to-revision", takesValue: true }];
const STATUS_FLAGS: readonly FlagSpec[] = [
  { name: "watch", short: "w", takesValue: false },
  { name: "timeout", takesValue: true },
];

const SUBCOMMANDS: readonly CommandSpec[] = [
  {
    name: "history",
    summary: "View rollout history",
    usage: "rollout history (TYPE NAME | TYPE/NAME) [flags]",
    flags: HISTORY_FLAGS,
    args: TARGET_ARGS,
  },
  {
    name: "restart",
    summary: "Restart a resource",
    usage: "rollout restart (TYPE NAME | TYPE/NAME) [flags]",
    flags: [],
    args: TARGET_ARGS,
  },
  {
    name: "status",
    summary: "Show the status of the rollout",
    usage: "rollout status (TYPE NAME | TYPE/NAME) [flags]",
    flags: STATUS_FLAGS,
    args: TARGET_ARGS,
  },
  {
    name: "undo",
    summary: "Undo a previous rollout",
    usage: "rollout undo (TYPE NAME | TYPE/NAME) [flags]",
    flags: UNDO_FLAGS,
    args: TARGET_ARGS,
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

const ownedReplicaSets = (cluster: Cluster, d: Deployment): ReplicaSet[] =>
  cluster.store
    .list("ReplicaSet", d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid));

/** The pod template a ReplicaSet holds, without its pod-template-hash label (rollback.go). */
function templateOf(rs: ReplicaSet): Deployment["spec"]["template"] {
  const template = structuredClone(rs.spec.template);
  const { "pod-template-hash": _, ...labels } = template.metadata.labels ?? {};
  template.metadata.labels = labels;
  return template;
}

/** history.go ViewHistory: one row per ReplicaSet revision, tab-aligned as tabwriter pads them. */
function history(cluster: Cluster, d: Deployment, revision: number | undefined): string {
  const byRevision = new Map(ownedReplicaSets(cluster, d).map((rs) => [revisionOf(rs), rs]));
  const display = `deployment.apps/${d.metadata.name}`;
  if (revision !== undefined && revision < 0)
    throw new KubeError(`error: revision must be a positive integer: ${revision}`);
  if (revision) {
    const rs = byRevision.get(revision);
    if (!rs) throw new KubeError("error: unable to find the specified revision");
    const t = templateOf(rs);
    const labels = Object.entries(rs.spec.template.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    const containers = t.spec.containers.map((c) => `   ${c.name}:\n    Image:\t${c.image}\n`).join("");
    return `${display} with revision #${revision}\nPod Template:\n  Labels:\t${labels.join("\n\t")}\n  Containers:\n${containers}\n`;
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((r) => `${String(r).padEnd(10)}<none>\n`);
  return `${display} \nREVISION  CHANGE-CAUSE\n${rows.join("")}\n`;
}

/** rollback.go DeploymentRollbacker: the previous revision, or --to-revision; the template goes back. */
function undo(cluster: Cluster, d: Deployment, toRevision: number): string {
  const sets = ownedReplicaSets(cluster, d).sort((a, b) => revisionOf(b) - revisionOf(a));
  const target = toRevision > 0 ? sets.find((rs) => revisionOf(rs) === toRevision) : sets[1];
  if (!target) {
    if (toRevision > 0) throw new KubeError(`error: unable to find specified revision ${toRevision} in history`);
    throw new KubeError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  }
  const display = `deployment.apps/${d.metadata.name}`;
  const template = templateOf(target);
  if (JSON.stringify(template) === JSON.stringify(d.spec.template))
    return line(`${display} skipped rollback (current template already matches revision ${revisionOf(target)})`);
  d.spec.template = template;
  cluster.save(d);
  cluster.reconcile();
  return line(`${display} rolled back`);
}

/**
 * kubectl rollout status (polymorphichelpers/rollout_status.go DeploymentStatusViewer): watches the
 * Deployment, printing each new state, until every replica is updated and available. The simulator
 * polls once a second of simulated time (for at most ten minutes).
 */
function rolloutStatus(cluster: Cluster, namespace: string, name: string): string {
  const out: string[] = [];
  for (let second = 0; second <= 600; second++) {
    const d = requireDeployment(cluster, namespace, name);
    const s = d.status;
    const waiting = `Waiting for deployment "${name}" rollout to finish: `;
    let message: string;
    if (s.updatedReplicas < d.spec.replicas)
      message = `${waiting}${s.updatedReplicas} out of ${d.spec.replicas} new replicas have been updated...`;
    else if (s.replicas > s.updatedReplicas)
      message = `${waiting}${s.replicas - s.updatedReplicas} old replicas are pending termination...`;
    else if (s.availableReplicas < s.updatedReplicas)
      message = `${waiting}${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available...`;
    else message = `deployment "${name}" successfully rolled out`;
    if (out.at(-1) !== message) out.push(message);
    if (message.startsWith("deployment ")) break;
    cluster.advance(1);
  }
  return out.map(line).join("");
}

function kubectlRollout(ctx: KubectlContext, argv: string[]): string {
  const [sub, ...rest] = argv;
  const spec = subcommandNamed(rolloutCommand, sub);
  if (!spec)
    throw new KubeError(
      `error: unknown command "${sub ?? ""}" for "kubectl rollout"\nSupported here: ${SUBCOMMANDS.map((s) => s.name).join(", ")}`,
    );
  const args = parseArgs(rest, spec.flags, `rollout ${spec.name}`);
  const namespace = namespaceOf(ctx, args);
  if (args.positional.length === 0) throw new KubeError("error: required resource not specified");
  return parseTargets(args.positional)
    .map(({ type, name }) => {
      if (type.kind !== "Deployment")
        throw new KubeError(`error: ${type.plural} "${name}" rollout ${spec.name} is not modelled here`);
      const d = requireDeployment(ctx.cluster, namespace, name);
      switch (spec.name) {
        case "status":
          return rolloutStatus(ctx.cluster, namespace, name);
        case "history":
          return history(ctx.cluster, d, intFlag(args, "revision"));
        case "undo":
          return undo(ctx.cluster, d, intFlag(args, "to-revision") ?? 0);
        case "restart":
          // kubectl rollout restart stamps the pod template, which makes a new ReplicaSet.
          d.spec.template.metadata.annotations = {
            ...d.spec.template.metadata.annotations,
            "kubectl.kubernetes.io/restartedAt": ctx.cluster.timestamp(),
          };
          ctx.cluster.save(d);
          ctx.cluster.reconcile();
          return line(`deployment.apps/${name} restarted`);
        default:
          throw new Error(`kubectl rollout ${spec.name} is listed but not implemented`);
      }
    })
    .join("");
}
