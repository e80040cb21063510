import type { Cluster } from "../../cluster";
import { KubeError } from "../../errors";
import { requestNamespaceDeletion } from "../../namespace-controller";
import { namespaceQuotaRefusal } from "../../quota";
import { deleteService } from "../../service-api";
import type { Namespace, ResourceQuota } from "../../types";
import { boolFlag, type FlagSpec, flag, type ParsedArgs, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { FILENAME_FLAG, readManifestFile, readManifests } from "../manifests";
import { getObject, parseTargets, type ResourceType, resourceType } from "../resources";
import { selectionFor } from "../selection";

const FLAGS: readonly FlagSpec[] = [
  FILENAME_FLAG,
  { name: "selector", short: "l", takesValue: true },
  { name: "field-selector", takesValue: true },
  { name: "wait", takesValue: false },
  { name: "force", takesValue: false },
  { name: "grace-period", takesValue: true },
  { name: "now", takesValue: false },
  { name: "all", takesValue: false },
  { name: "ignore-not-found", takesValue: false },
];

export const deleteCommand: KubectlCommand = {
  name: "delete",
  summary: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  group: "Basic Commands (Intermediate)",
  usage: "delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlDelete,
};

type Target = { type: ResourceType; name: string; namespace?: string };

/** The objects named by the documents of `-f FILE`, or null without -f. */
function fileTargets(ctx: KubectlContext, args: ParsedArgs): Target[] | null {
  const files = args.flags.get("filename");
  if (!files) return null;
  return files.flatMap((f) => {
    const content = readManifestFile(ctx, f);
    if (content === null) throw new KubeError(`error: the path "${f}" does not exist`);
    return readManifests(content, f).map((m) => ({
      type: resourceType(String(m.kind)),
      name: String(m.metadata?.name ?? ""),
      namespace: m.metadata?.namespace,
    }));
  });
}

/**
 * Deletes a namespace: it goes Terminating at once and the namespace controller empties it
 * (namespace-controller.ts); with --wait (the default) kubectl waits until it is gone.
 */
function deleteNamespace(cluster: Cluster, namespace: Namespace, wait: boolean): string | null {
  const refused = requestNamespaceDeletion(cluster, namespace);
  if (refused || !wait) return refused;
  const name = namespace.metadata.name;
  for (let i = 0; i < NAMESPACE_WAIT_SECONDS && cluster.store.get("Namespace", undefined, name); i++)
    cluster.advance(1);
  return null;
}

/** How long `kubectl delete namespace` waits here; a namespace whose pods take longer stays Terminating. */
const NAMESPACE_WAIT_SECONDS = 300;

function deleteQuota(cluster: Cluster, quota: ResourceQuota): string | null {
  const refused = namespaceQuotaRefusal(cluster, quota, "delete");
  if (refused) return refused;
  cluster.store.remove(quota);
  cluster.reconcile();
  return null;
}

/**
 * The grace period kubectl sends (delete.go DeleteOptions.Complete): --grace-period (default -1: the
 * pod's own), --now meaning 1, a 0 without --force turned into 1, and --force alone meaning 0.
 * Returns null for "the pod's own".
 */
function gracePeriodFlag(args: ParsedArgs): number | null {
  const text = flag(args, "grace-period");
  let grace = -1;
  if (text !== undefined) {
    if (!/^-?\d+$/.test(text))
      throw new KubeError(
        `error: invalid argument "${text}" for "--grace-period" flag: strconv.ParseInt: parsing "${text}": invalid syntax`,
      );
    grace = Number(text);
  }
  if (boolFlag(args, "now")) {
    if (grace !== -1) throw new KubeError("error: --now and --grace-period cannot be specified together");
    grace = 1;
  }
  const force = boolFlag(args, "force");
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace < 0 ? null : grace;
}

/**
 * An Endpoints written by hand goes, and the slices mirrored from it with it (endpointslice-mirroring.ts);
 * the Endpoints controller writes its own again at once, so deleting that one changes nothing.
 */
function deleteEndpoints(cluster: KubectlContext["cluster"], namespace: string, name: string): void {
  const stored = cluster.store.get("Endpoints", namespace, name);
  if (!stored) return;
  cluster.store.remove(stored);
  cluster.reconcile();
}

function kubectlDelete(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "delete");
  const namespace = namespaceOf(ctx, args);
  const wait = flag(args, "wait") !== "false";
  const gracePeriod = gracePeriodFlag(args);
  const immediate = gracePeriod === 0;
  let targets: Target[] = fileTargets(ctx, args) ?? parseTargets(args.positional);
  const selectors = { labelSelector: flag(args, "selector"), fieldSelector: flag(args, "field-selector") };
  const selecting = Boolean(selectors.labelSelector || selectors.fieldSelector);
  if ((selecting || boolFlag(args, "all")) && targets.every((t) => !t.name)) {
    targets = targets.flatMap(({ type }) => {
      const test = selectionFor(type, selectors) ?? (() => true);
      return (type.kind === "Event" ? [] : ctx.cluster.store.list(type.kind, type.namespaced ? namespace : undefined))
        .filter(test)
        .map((o) => ({ type, name: o.metadata.name }));
    });
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
        cluster.deletePod(object, { wait: wait && !immediate, gracePeriodSeconds: gracePeriod ?? undefined });
        break;
      case "Service":
        deleteService(cluster, object);
        break;
      case "Deployment":
      case "ReplicaSet":
      case "DaemonSet":
      case "StatefulSet": {
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
      case "Endpoints":
        deleteEndpoints(cluster, ns, target.name);
        break;
      case "EndpointSlice": // one written by hand goes for good; the controller writes its own again
      case "NetworkPolicy":
      case "Ingress":
      case "IngressClass":
        cluster.store.remove(object);
        break;
      case "ResourceQuota":
      case "Namespace": {
        const refused =
          object.kind === "Namespace" ? deleteNamespace(cluster, object, wait) : deleteQuota(cluster, object);
        if (refused) {
          errors.push(refused);
          continue;
        }
        break;
      }
      default:
        errors.push(
          `error: deleting ${target.type.plural} is not supported by the simulator (they are managed by the control plane)`,
        );
        continue;
    }
    // delete.go PrintObj: a grace period of 0 (only reachable with --force) is "force deleted".
    out.push(`${target.type.display} "${target.name}" ${immediate ? "force deleted" : "deleted"}`);
  }
  // delete.go RunDelete warns once, on stderr, before deleting anything.
  if (immediate && out.length + errors.length > 0)
    out.unshift(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.",
    );
  const text = out.map(line).join("");
  if (errors.length) throw new KubeError(text + errors.join("\n"));
  return text;
}
