import { KubeError, notFound } from "../../errors";
import { boolFlag, durationFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { goSprint } from "../custom-columns";
import { jsonpathResults, relaxedJSONPath } from "../jsonpath";
import { line } from "../line";
import { getObject, type Listable, listObjects, parseTargets, type ResourceType } from "../resources";
import { selectionFor } from "../selection";

// kubectl wait (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go). kubectl watches each object until
// its condition holds or the one deadline for the whole command (--timeout, 30s by default) passes.
// The simulator has a clock instead of a watch: waiting moves simulated time forward a second at a
// time (cluster.advance, so controllers and kubelets act meanwhile) until the condition holds, and a
// timeout leaves the clock --timeout later, as the real wait would.

const FLAGS: readonly FlagSpec[] = [
  {
    name: "for",
    takesValue: true,
    values: { kind: "words", words: ["create", "delete", "condition=Ready", "condition=Available", "jsonpath="] },
  },
  { name: "timeout", takesValue: true },
  { name: "selector", short: "l", takesValue: true },
  { name: "field-selector", takesValue: true },
  { name: "all", takesValue: false },
];

export const waitCommand: KubectlCommand = {
  name: "wait",
  summary: "Experimental: Wait for a specific condition on one or many resources",
  group: "Advanced Commands",
  usage:
    "wait (resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlWait,
};

/** What --for asks: one test of an object's current state (null: the object is gone). */
type Condition =
  | { kind: "create" }
  | { kind: "delete" }
  | { kind: "condition"; name: string; status: string }
  | { kind: "jsonpath"; template: string; value: string | null };

/** wait.go splitJSONPathInput: split on single "=", keeping "==" (a filter's comparison) whole. */
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let part = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=" && input[i + 1] === "=") {
      part += "==";
      i++;
    } else if (input[i] === "=") {
      out.push(part);
      part = "";
    } else part += input[i];
  }
  return [...out, part];
}

/** wait.go conditionFuncFor: create (kubectl 1.31+), delete, condition=NAME[=VALUE] (VALUE defaults to true), jsonpath=EXPR[=VALUE]. */
function parseCondition(text: string): Condition {
  if (text.toLowerCase() === "create") return { kind: "create" };
  if (text.toLowerCase() === "delete") return { kind: "delete" };
  if (text.startsWith("condition=")) {
    const rest = text.slice("condition=".length);
    const eq = rest.indexOf("=");
    return eq < 0
      ? { kind: "condition", name: rest, status: "true" }
      : { kind: "condition", name: rest.slice(0, eq), status: rest.slice(eq + 1) };
  }
  if (text.startsWith("jsonpath=")) {
    const parts = splitOnSingleEquals(text.slice("jsonpath=".length));
    if (parts.length > 2)
      throw new KubeError(
        "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      );
    if (parts[0] === "") throw new KubeError("error: jsonpath expression cannot be empty");
    const template = relaxedJSONPath(parts[0]);
    if (parts.length === 1) return { kind: "jsonpath", template, value: null };
    const value = parts[1].replace(/^['"]+|['"]+$/g, "");
    if (value === "")
      throw new KubeError(
        "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
      );
    return { kind: "jsonpath", template, value };
  }
  throw new KubeError(`error: unrecognized condition: "${text}"`);
}

/** ConditionalWait.checkCondition: the named status condition (names and values compared case-insensitively). */
function conditionHolds(object: Listable, name: string, status: string): boolean {
  const conditions = (object as { status?: { conditions?: unknown } }).status?.conditions;
  if (!Array.isArray(conditions)) return false;
  const found = conditions.find(
    (c): c is { type: string; status: string } =>
      typeof c?.type === "string" && c.type.toLowerCase() === name.toLowerCase() && typeof c.status === "string",
  );
  return found !== undefined && found.status.toLowerCase() === status.toLowerCase();
}

/** JSONPathWait.checkCondition: exactly one primitive value, compared as fmt prints it; no value given: any value. */
function jsonpathHolds(object: Listable, template: string, value: string | null): boolean {
  const results = jsonpathResults(template, object);
  if (results.length === 0 || results[0].length === 0) return false;
  if (results.length > 1) throw new KubeError("error: given jsonpath expression matches more than one list");
  if (results[0].length > 1) throw new KubeError("error: given jsonpath expression matches more than one value");
  if (value === null) return true;
  const found = results[0][0];
  if (typeof found === "object" && found !== null)
    throw new KubeError("error: jsonpath leads to a nested object or list which is not supported");
  return goSprint(found).trim() === value.trim();
}

interface Target {
  type: ResourceType;
  object: Listable;
}

/** The objects named, or selected with -l/--field-selector/--all (cli-runtime resource.Builder). */
function targetsOf(ctx: KubectlContext, argv: string[], forDelete: boolean) {
  const args = parseArgs(argv, FLAGS, "wait");
  const namespace = namespaceOf(ctx, args);
  if (args.positional.length === 0)
    throw new KubeError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const selectors = { labelSelector: flag(args, "selector"), fieldSelector: flag(args, "field-selector") };
  const selecting = Boolean(selectors.labelSelector?.trim() || selectors.fieldSelector?.trim());
  const all = boolFlag(args, "all");
  const targets: Target[] = [];
  for (const { type, name } of parseTargets(args.positional)) {
    if (name) {
      if (selecting) throw new KubeError("error: name cannot be provided when a selector is specified");
      try {
        targets.push({ type, object: getObject(ctx.cluster, type, namespace, name) });
      } catch (err) {
        // --for=delete ignores objects that are already gone (RunWait: IgnoreErrors(IsNotFound)).
        if (!(forDelete && err instanceof KubeError && err.message.startsWith("Error from server (NotFound)")))
          throw err;
      }
    } else if (selecting || all) {
      const selected = selectionFor(type, selectors) ?? (() => true);
      for (const object of listObjects(ctx.cluster, type, namespace).filter(selected)) targets.push({ type, object });
    } else {
      throw new KubeError("error: resource(s) were provided, but no name was specified");
    }
  }
  return { namespace, targets };
}

function kubectlWait(ctx: KubectlContext, argv: string[]): string {
  // Flag values first (cobra), then the condition (ToOptions), then the objects (RunWait).
  const parsed = parseArgs(argv, FLAGS, "wait");
  const timeout = durationFlag(parsed, "timeout") ?? 30_000;
  const condition = parseCondition(flag(parsed, "for") ?? "");
  const cluster = ctx.cluster;
  const deadline = cluster.now() + (timeout < 0 ? 7 * 24 * 3_600_000 : timeout);
  if (condition.kind === "create") return waitForCreation(ctx, argv, deadline);
  const { namespace, targets } = targetsOf(ctx, argv, condition.kind === "delete");
  if (targets.length === 0 && condition.kind !== "delete") throw new KubeError("error: no matching resources found");
  // A negative timeout (a week, ToOptions) or not, the deadline is shared by every object.
  const out: string[] = [];
  const fail = (message: string) => new KubeError(out.map(line).join("") + message);

  for (const { type, object } of targets) {
    const { name, uid } = object.metadata as { name: string; uid?: string };
    const current = () => {
      const found = listObjects(cluster, type, namespace).find((o) => o.metadata.name === name);
      return found && (found.metadata as { uid?: string }).uid === uid ? found : undefined;
    };
    const met = (): boolean => {
      const now = current();
      if (condition.kind === "delete") return now === undefined;
      if (now === undefined) throw fail(notFound(type.kind, name).message);
      return condition.kind === "condition"
        ? conditionHolds(now, condition.name, condition.status)
        : jsonpathHolds(now, condition.template, condition.value);
    };
    while (!met()) {
      // wait.go: a zero timeout checks once; otherwise "timed out waiting for the condition on pods/NAME".
      if (timeout === 0) throw fail(`error: condition not met for ${objectName(type)}/${name}`);
      const left = deadline - cluster.now();
      if (left <= 0) throw fail(`error: timed out waiting for the condition on ${type.plural}/${name}`);
      cluster.advance(Math.min(1000, left) / 1000);
    }
    out.push(`${type.display}/${name} condition met`);
  }
  return out.map(line).join("");
}

/**
 * --for=create (RunWait, kubectl 1.31): poll until every named object exists, then report each as met;
 * past the deadline the error names no object.
 */
function waitForCreation(ctx: KubectlContext, argv: string[], deadline: number): string {
  while (true) {
    try {
      const { targets } = targetsOf(ctx, argv, false);
      // kubectl 1.31 (the simulated version) does not wait for -l to match anything (kubectl#1675,
      // fixed in 1.32 by kubernetes#128662): no object yet is "no matching resources found".
      if (targets.length === 0) throw new KubeError("error: no matching resources found");
      return targets.map((t) => line(`${t.type.display}/${t.object.metadata.name} condition met`)).join("");
    } catch (err) {
      if (!(err instanceof KubeError && err.message.startsWith("Error from server (NotFound)"))) throw err;
    }
    const left = deadline - ctx.cluster.now();
    if (left <= 0) throw new KubeError("error: timed out waiting for the condition");
    ctx.cluster.advance(Math.min(1000, left) / 1000);
  }
}

/** resource.Info.ObjectName's resource part: "pods", "deployments.apps". */
function objectName(type: ResourceType): string {
  const dot = type.display.indexOf(".");
  return dot < 0 ? type.plural : `${type.plural}${type.display.slice(dot)}`;
}
