import { KubeError } from "../../errors";
import { boolFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { getObject, listObjects, parseTargets } from "../resources";
import { selectionFor } from "../selection";

const FLAGS: readonly FlagSpec[] = [
  { name: "overwrite", takesValue: false },
  { name: "selector", short: "l", takesValue: true },
];

export const labelCommand: KubectlCommand = {
  name: "label",
  summary: "Update the labels on a resource",
  group: "Settings Commands",
  usage: "label [--overwrite] (TYPE NAME | TYPE/NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlLabel,
};

function kubectlLabel(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "label");
  const namespace = namespaceOf(ctx, args);
  const changes = args.positional.filter((p) => /=|-$/.test(p) && !p.includes("/"));
  const named = parseTargets(args.positional.filter((p) => !changes.includes(p)));
  if (changes.length === 0) throw new KubeError("error: at least one label update is required");
  const selectors = { labelSelector: flag(args, "selector") };
  if (named.some((t) => t.name) && selectors.labelSelector?.trim())
    throw new KubeError("error: name cannot be provided when a selector is specified");
  // With -l, every object of the type that matches (kubectl label pods -l app=web tier=frontend).
  const targets = named.flatMap(({ type, name }) => {
    const selected = name ? null : selectionFor(type, selectors);
    if (!selected) return [{ type, name }];
    return listObjects(ctx.cluster, type, namespace)
      .filter(selected)
      .map((o) => ({ type, name: o.metadata.name }));
  });
  const out: string[] = [];
  for (const { type, name } of targets) {
    const object = getObject(ctx.cluster, type, namespace, name);
    if (object.kind === "Endpoints")
      throw new KubeError("error: endpoints are derived from EndpointSlices here; label the Service instead");
    if (object.kind === "Event")
      throw new KubeError("error: events are recorded by the simulated control plane and cannot be labeled here");
    const labels = { ...(object.metadata.labels ?? {}) };
    for (const change of changes) {
      if (change.endsWith("-") && !change.includes("=")) {
        delete labels[change.slice(0, -1)];
        continue;
      }
      const [key, value] = change.split("=", 2);
      if (labels[key] !== undefined && labels[key] !== value && !boolFlag(args, "overwrite")) {
        throw new KubeError(`error: '${key}' already has a value (${labels[key]}), and --overwrite is false`);
      }
      labels[key] = value;
    }
    const changed = JSON.stringify(labels) !== JSON.stringify(object.metadata.labels ?? {});
    object.metadata.labels = labels;
    if (changed) {
      ctx.cluster.save(object);
      ctx.cluster.reconcile();
    }
    out.push(`${type.display}/${name} ${changed ? "labeled" : "not labeled"}`);
  }
  return out.map(line).join("");
}
