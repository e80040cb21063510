import type { Cluster } from "../../cluster";
import { KubeError, notFound } from "../../errors";
import { revisionOf } from "../../rolling-update";
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from "../../types";
import { durationFlag, type FlagSpec, flag, intFlag, parseArgs } from "../args";
import { type CommandSpec, type KubectlCommand, subcommandNamed } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { defaultSubCommandRun } from "../help";
import { line } from "../line";
import { getObject, parseTargets, type ResourceType } from "../resources";
import { requireDeployment } from "../workloads";

/** schema.GroupKind's String(): Kind.group, or Kind for the core group. */
const GROUP_SUFFIX: Partial<Record<string, string>> = {
  ReplicaSet: ".apps",
  Ingress: ".networking.k8s.io",
  IngressClass: ".networking.k8s.io",
  NetworkPolicy: ".networking.k8s.io",
  EndpointSlice: ".discovery.k8s.io",
};

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

const WATCH_LIMIT_MS = 3_600_000;

/** One look at a rollout, as polymorphichelpers/rollout_status.go's StatusViewers word it. */
type RolloutView = { message: string; done: boolean };

function deploymentView(d: Deployment): RolloutView {
  const { name } = d.metadata;
  const s = d.status;
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (s.updatedReplicas < d.spec.replicas)
    return {
      message: `${waiting}${s.updatedReplicas} out of ${d.spec.replicas} new replicas have been updated...`,
      done: false,
    };
  if (s.replicas > s.updatedReplicas)
    return {
      message: `${waiting}${s.replicas - s.updatedReplicas} old replicas are pending termination...`,
      done: false,
    };
  if (s.availableReplicas < s.updatedReplicas)
    return {
      message: `${waiting}${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available...`,
      done: false,
    };
  return { message: `deployment "${name}" successfully rolled out`, done: true };
}

/**
 * StatefulSetStatusViewer. The API server defaults a RollingUpdate strategy's rollingUpdate to
 * { partition: 0 } (SetDefaults_StatefulSet), so a StatefulSet that gives no strategy ends with the
 * "partitioned roll out complete" line; every pod is at the update revision (template changes are not
 * rolled out here).
 */
function statefulSetView(sts: StatefulSet): RolloutView {
  const { replicas, readyReplicas, currentReplicas } = { ...sts.spec, ...sts.status };
  if (readyReplicas < replicas)
    return { message: `Waiting for ${replicas - readyReplicas} pods to be ready...`, done: false };
  return { message: `partitioned roll out complete: ${currentReplicas} new pods have been updated...`, done: true };
}

/** DaemonSetStatusViewer; the pods a DaemonSet runs are all of its current template. */
function daemonSetView(cluster: Cluster, ds: DaemonSet): RolloutView {
  const { name } = ds.metadata;
  const desired = ds.status.desiredNumberScheduled;
  const updated = cluster.store.podsOwnedBy(ds.metadata.uid).filter((p) => !p.metadata.deletionTimestamp).length;
  const waiting = `Waiting for daemon set "${name}" rollout to finish: `;
  if (updated < desired)
    return { message: `${waiting}${updated} out of ${desired} new pods have been updated...`, done: false };
  if (ds.status.numberReady < desired)
    return { message: `${waiting}${ds.status.numberReady} of ${desired} updated pods are available...`, done: false };
  return { message: `daemon set "${name}" successfully rolled out`, done: true };
}

/**
 * deployment_util.go DeploymentProgressing: more updated, ready or available replicas, or fewer old
 * ones, is progress (it renews the Progressing condition's lastUpdateTime).
 */
function progressed(before: Deployment["status"], after: Deployment["status"]): boolean {
  return (
    after.updatedReplicas > before.updatedReplicas ||
    after.replicas - after.updatedReplicas < before.replicas - before.updatedReplicas ||
    after.readyReplicas > before.readyReplicas ||
    after.availableReplicas > before.availableReplicas
  );
}

/**
 * When the controller last saw progress before the watch began. Its Progressing condition's
 * lastUpdateTime would say (syncRolloutStatus renews it on each progress); the simulator's keeps the
 * time the rollout began, so the latest pod creation or readiness change of the Deployment counts too.
 */
function lastProgressBefore(cluster: Cluster, d: Deployment, conditionUpdated: string | undefined): number {
  let last = conditionUpdated ? Date.parse(conditionUpdated) : cluster.now();
  for (const rs of ownedReplicaSets(cluster, d))
    for (const pod of cluster.store.podsOwnedBy(rs.metadata.uid)) {
      last = Math.max(last, Date.parse(pod.metadata.creationTimestamp));
      for (const c of pod.status.conditions ?? [])
        if (c.type === "Ready") last = Math.max(last, Date.parse(c.lastTransitionTime));
    }
  return last;
}

/**
 * kubectl rollout status (pkg/cmd/rollout/rollout_status.go): watches the object and prints its
 * state on each change until the rollout is done. `--watch=false` prints the state once and exits 0;
 * `--timeout` (0, the default, means no limit; watchtools.ContextWithOptionalTimeout treats a negative
 * one as 0) ends the watch with UntilWithSync's wait.ErrWaitTimeout, "timed out waiting for the
 * condition". The simulator has a clock instead of a watch: it looks once a second of simulated time,
 * and a timeout leaves the clock that much later.
 *
 * A Deployment that makes no progress for spec.progressDeadlineSeconds (600 by default) is marked
 * Progressing=False ProgressDeadlineExceeded by the deployment controller, and the status viewer then
 * fails with `deployment "NAME" exceeded its progress deadline`: that is how a stuck rollout ends a
 * watch without a timeout. The simulator's controller does not set that condition, so this command
 * measures the deadline itself, from the Progressing condition's last update and each progress it sees.
 */
function rolloutStatus(
  cluster: Cluster,
  type: ResourceType,
  namespace: string,
  name: string,
  watch: boolean,
  timeoutMs: number,
): string {
  const out: string[] = [];
  const fail = (message: string) => new KubeError(out.map(line).join("") + message);
  const deadline = timeoutMs > 0 ? cluster.now() + timeoutMs : Number.POSITIVE_INFINITY;
  // Real kubectl would watch for ever (until Ctrl-C) a rollout that keeps making progress without
  // finishing; the simulator, which must return, stops after an hour of simulated time and says so.
  const giveUp = cluster.now() + WATCH_LIMIT_MS;
  let before: Deployment["status"] | undefined;
  let lastProgress = cluster.now();
  for (;;) {
    let view: RolloutView;
    if (type.kind === "Deployment") {
      const d = requireDeployment(cluster, namespace, name);
      const progressing = d.status.conditions?.find((c) => c.type === "Progressing");
      if (before === undefined) lastProgress = lastProgressBefore(cluster, d, progressing?.lastUpdateTime);
      if (before !== undefined && progressed(before, d.status)) lastProgress = cluster.now();
      before = structuredClone(d.status);
      view = deploymentView(d);
      const progressDeadline = (d.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds ?? 600;
      if (!view.done && cluster.now() - lastProgress > progressDeadline * 1000)
        throw fail(`error: deployment "${name}" exceeded its progress deadline`);
    } else if (type.kind === "StatefulSet") {
      const sts = cluster.store.get("StatefulSet", namespace, name);
      if (!sts) throw fail(notFound("StatefulSet", name).message);
      view = statefulSetView(sts);
    } else {
      const ds = cluster.store.get("DaemonSet", namespace, name);
      if (!ds) throw fail(notFound("DaemonSet", name).message);
      view = daemonSetView(cluster, ds);
    }
    if (out.at(-1) !== view.message) out.push(view.message);
    if (view.done || !watch) break;
    if (cluster.now() >= deadline) throw fail("error: timed out waiting for the condition");
    if (cluster.now() >= giveUp)
      throw fail("error: the simulator stopped watching after 1h of simulated time (kubectl would go on)");
    cluster.advance(Math.min(1000, deadline - cluster.now()) / 1000);
  }
  return out.map(line).join("");
}

function kubectlRollout(ctx: KubectlContext, argv: string[]): string {
  const [sub, ...rest] = argv;
  const spec = subcommandNamed(rolloutCommand, sub);
  if (!spec) defaultSubCommandRun(["rollout"], rolloutCommand, argv);
  const args = parseArgs(rest, spec.flags, `rollout ${spec.name}`);
  const namespace = namespaceOf(ctx, args);
  if (args.positional.length === 0) throw new KubeError("error: required resource not specified");
  // Flags first (cobra), then the objects.
  const watch = flag(args, "watch") !== "false";
  const timeout = Math.max(0, durationFlag(args, "timeout") ?? 0);
  return parseTargets(args.positional)
    .map(({ type, name }) => {
      if (
        spec.name === "status" &&
        type.kind !== "Deployment" &&
        type.kind !== "StatefulSet" &&
        type.kind !== "DaemonSet"
      ) {
        // The builder gets the object first; StatusViewerFor knows only these three kinds.
        getObject(ctx.cluster, type, namespace, name);
        throw new KubeError(
          `error: no status viewer has been implemented for ${type.kind}${GROUP_SUFFIX[type.kind] ?? ""}`,
        );
      }
      if (spec.name === "status") return rolloutStatus(ctx.cluster, type, namespace, name, watch, timeout);
      if (type.kind !== "Deployment")
        throw new KubeError(`error: ${type.plural} "${name}" rollout ${spec.name} is not modelled here`);
      const d = requireDeployment(ctx.cluster, namespace, name);
      switch (spec.name) {
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
