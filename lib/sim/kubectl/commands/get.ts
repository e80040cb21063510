import { KubeError } from "../../errors";
import { parseLabelQuery } from "../../labels";
import { boolFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { allNamespaces, type KubectlContext, namespaceOf } from "../context";
import { formatObjects, OUTPUT_FORMATS } from "../output";
import { printTable } from "../printers";
import { getObject, type Listable, listObjects, parseTargets, typeOfKind } from "../resources";

const FLAGS: readonly FlagSpec[] = [
  { name: "output", short: "o", takesValue: true, values: { kind: "words", words: OUTPUT_FORMATS } },
  { name: "selector", short: "l", takesValue: true },
  { name: "show-labels", takesValue: false },
  { name: "no-headers", takesValue: false },
];

/** What `kubectl get all` lists (the "all" category of the built-in types we model). */
const ALL = ["pods", "services", "daemonsets", "deployments", "replicasets"];

export const getCommand: KubectlCommand = {
  name: "get",
  summary: "Display one or many resources",
  group: "Basic Commands (Intermediate)",
  usage: "get [(-o|--output=)json|yaml|name|wide|jsonpath=...] (TYPE [NAME | -l label] | TYPE/NAME ...) [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types", extra: ["all"] }, { kind: "typed-objects" }],
  run: kubectlGet,
};

function kubectlGet(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "get");
  const positional =
    args.positional[0]?.toLowerCase() === "all" ? [ALL.join(","), ...args.positional.slice(1)] : args.positional;
  const targets = parseTargets(positional);
  const allNs = allNamespaces(args);
  const namespace = namespaceOf(ctx, args);
  const output = flag(args, "output");
  const selectorText = flag(args, "selector");
  const selector = selectorText === undefined ? null : parseLabelQuery(selectorText);
  if (typeof selector === "string") throw new KubeError(`error: ${selector}`);
  // Listing in a namespace that does not exist is not an error: there is simply nothing there.

  const named = targets.some((t) => t.name);
  const groups: { kind: Listable["kind"]; objects: Listable[] }[] = [];
  const errors: string[] = [];
  for (const { type, name } of targets) {
    let objects: Listable[];
    if (name) {
      try {
        objects = [getObject(ctx.cluster, type, namespace, name)];
      } catch (err) {
        if (err instanceof KubeError) {
          errors.push(err.message);
          continue;
        }
        throw err;
      }
    } else {
      objects = listObjects(ctx.cluster, type, allNs ? undefined : namespace);
      if (selector) objects = objects.filter((o) => selector(o.metadata.labels));
    }
    const group = groups.find((g) => g.kind === type.kind);
    if (group) group.objects.push(...objects);
    else groups.push({ kind: type.kind, objects });
  }
  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  let out = "";
  if (output && output !== "wide") {
    if (total > 0 || !named)
      out = formatObjects(
        groups.flatMap((g) => g.objects),
        output,
        named && targets.length === 1,
      );
  } else if (total === 0 && errors.length === 0) {
    const scoped = targets.every((t) => t.type.namespaced);
    out = allNs || !scoped ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`;
  } else {
    const prefixNames = groups.length > 1 || positional[0]?.split(",").length > 1;
    const tables = groups
      .filter((g) => g.objects.length > 0)
      .map((g) => {
        const type = typeOfKind(g.kind);
        const objects = prefixNames
          ? g.objects.map(
              (o) => ({ ...o, metadata: { ...o.metadata, name: `${type.display}/${o.metadata.name}` } }) as Listable,
            )
          : g.objects;
        const table = printTable(ctx.cluster, g.kind, objects, {
          wide: output === "wide",
          withNamespace: allNs && type.namespaced,
          showLabels: boolFlag(args, "show-labels"),
        });
        return boolFlag(args, "no-headers") ? table.split("\n").slice(1).join("\n") : table;
      });
    out = tables.join("\n");
  }
  if (errors.length) {
    const message = (out ? out : "") + errors.join("\n");
    throw new KubeError(message);
  }
  return out;
}
