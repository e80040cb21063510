import { KubeError } from "../../errors";
import { boolFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { allNamespaces, type KubectlContext, namespaceOf } from "../context";
import { printCustomColumns } from "../custom-columns";
import { formatObjects, OUTPUT_FORMATS } from "../output";
import { printTable } from "../printers";
import { getObject, type Listable, listObjects, parseTargets, typeOfKind } from "../resources";
import { selectionFor } from "../selection";
import { sortObjects } from "../sort-by";

const FLAGS: readonly FlagSpec[] = [
  { name: "output", short: "o", takesValue: true, values: { kind: "words", words: OUTPUT_FORMATS } },
  { name: "selector", short: "l", takesValue: true },
  { name: "field-selector", takesValue: true },
  { name: "sort-by", takesValue: true },
  { name: "show-labels", takesValue: false },
  { name: "no-headers", takesValue: false },
];

/** What `kubectl get all` lists (the "all" category of the built-in types we model). */
const ALL = ["pods", "services", "daemonsets", "deployments", "replicasets"];

export const getCommand: KubectlCommand = {
  name: "get",
  summary: "Display one or many resources",
  group: "Basic Commands (Intermediate)",
  usage:
    "get [(-o|--output=)json|yaml|name|wide|custom-columns=...|jsonpath=...] (TYPE [NAME | -l label] | TYPE/NAME ...) [flags]",
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
  const selectors = { labelSelector: flag(args, "selector"), fieldSelector: flag(args, "field-selector") };
  const sortBy = flag(args, "sort-by");
  // Listing in a namespace that does not exist is not an error: there is simply nothing there.

  const named = targets.some((t) => t.name);
  // cli-runtime resource.Builder: names and selectors exclude each other.
  if (named && (selectors.labelSelector?.trim() || selectors.fieldSelector?.trim()))
    throw new KubeError("error: name cannot be provided when a selector is specified");
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
      const selected = selectionFor(type, selectors);
      if (selected) objects = objects.filter(selected);
    }
    const group = groups.find((g) => g.kind === type.kind);
    if (group) group.objects.push(...objects);
    else groups.push({ kind: type.kind, objects });
  }
  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  const table = !output || output === "wide";
  // kubectl sorts a printed table only when it has rows to order; other outputs whenever there are objects.
  if (sortBy)
    for (const g of groups) if (g.objects.length > (table ? 1 : 0)) g.objects = sortObjects(g.objects, sortBy);
  let out = "";
  const customColumns = /^custom-columns=(.*)$/s.exec(output ?? "");
  if (customColumns) {
    if (total > 0 || !named)
      out = printCustomColumns(
        groups.flatMap((g) => g.objects),
        customColumns[1],
        boolFlag(args, "no-headers"),
      );
  } else if (output && output !== "wide") {
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
