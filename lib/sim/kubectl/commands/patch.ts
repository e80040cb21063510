import { parse } from "yaml";
import type { Cluster } from "../../cluster";
import { KubeError } from "../../errors";
import { updateService } from "../../service-api";
import type { Deployment, KubeObject, NodeObject, Pod, Service } from "../../types";
import { type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { goYamlFlowProblem } from "../go-yaml-flow";
import { line } from "../line";
import {
  type Json,
  type JsonPatchOperation,
  jsonPatch,
  mergeKeyOf,
  mergePatch,
  PatchConflict,
  strategicMergePatch,
} from "../patches";
import { getObject, parseTargets } from "../resources";
import { validateWorkload } from "../workloads";

const PATCH_TYPES = ["json", "merge", "strategic"] as const;
type PatchType = (typeof PATCH_TYPES)[number];

const FLAGS: readonly FlagSpec[] = [
  { name: "patch", short: "p", takesValue: true },
  { name: "patch-file", takesValue: true, values: { kind: "files" } },
  { name: "type", takesValue: true, values: { kind: "words", words: PATCH_TYPES } },
];

export const patchCommand: KubectlCommand = {
  name: "patch",
  summary: "Update fields of a resource",
  group: "Advanced Commands",
  usage: "patch (TYPE NAME | TYPE/NAME) [-p PATCH | --patch-file FILE] [--type=strategic|merge|json] [flags]",
  flags: FLAGS,
  args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  run: kubectlPatch,
};

/** The patch text as JSON: kubectl converts YAML to JSON first (patch.go, yaml.ToJSON). */
function readPatch(ctx: KubectlContext, text: string | undefined, file: string | undefined): Json {
  if (text !== undefined && file !== undefined)
    throw new KubeError("error: cannot specify --patch and --patch-file together");
  let source = text;
  if (file !== undefined) {
    const read = ctx.readFile(file);
    if (read === null) throw new KubeError(`error: unable to read patch file: open ${file}: no such file or directory`);
    source = read;
  }
  if (!source) throw new KubeError("error: must specify --patch or --patch-file containing the contents of the patch");
  // patch.go: fmt.Errorf("unable to parse %q: %v", o.Patch, err), err being go-yaml's "yaml: ...".
  const problem = goYamlFlowProblem(source);
  // %q of the patch (of the file's contents with --patch-file): JSON's escaping, for the text a patch holds.
  if (problem) throw new KubeError(`error: unable to parse ${JSON.stringify(source)}: yaml: ${problem}`);
  try {
    return (parse(source) ?? null) as Json;
  } catch (err) {
    throw new KubeError(`error: unable to parse "${text ?? ""}": ${(err as Error).message.split("\n")[0]}`);
  }
}

/** encoding/json's name for a JSON value's type in an UnmarshalTypeError ("array", "string", "number", ...). */
function jsonTypeName(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value === "boolean" ? "bool" : typeof value;
}

/** What the API server does with the patch document on the stored object's JSON. */
function patched(object: KubeObject, type: PatchType, patch: Json): Json {
  const original = structuredClone(object) as unknown as Json;
  if (type === "merge") return mergePatch(original, patch);
  if (type === "strategic") {
    if (typeof patch !== "object" || patch === null || Array.isArray(patch))
      throw new KubeError(
        `Error from server (BadRequest): json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type map[string]interface {}`,
      );
    return strategicMergePatch(original, patch, (path) => mergeKeyOf(object.kind, path));
  }
  if (!Array.isArray(patch))
    throw new KubeError(
      `Error from server (BadRequest): json: cannot unmarshal ${jsonTypeName(patch)} into Go value of type jsonpatch.Patch`,
    );
  try {
    return jsonPatch(original, patch as unknown as JsonPatchOperation[]);
  } catch (err) {
    // The API server answers 422 without details; kubectl prints its generic Invalid message
    // (seen in kubernetes-client/javascript#2095 for a failed `test`).
    if (err instanceof PatchConflict)
      throw new KubeError("The request is invalid: the server rejected our request due to an error in our request");
    throw err;
  }
}

/** Stores the patched object through the same rules as an update (validation, immutable fields). */
function update(cluster: Cluster, existing: KubeObject, next: KubeObject): void {
  if (existing.kind === "Service") {
    updateService(cluster, existing, next as Service);
    existing.metadata.annotations = next.metadata.annotations;
    cluster.save(existing);
    return;
  }
  if (existing.kind === "Deployment") {
    const d = next as Deployment;
    validateWorkload("Deployment", d.metadata.name, d.spec.replicas, d.spec.selector, d.spec.template);
    if (JSON.stringify(existing.spec.selector) !== JSON.stringify(d.spec.selector))
      throw new KubeError(
        `The Deployment "${d.metadata.name}" is invalid: spec.selector: Invalid value: ${JSON.stringify(d.spec.selector)}: field is immutable`,
      );
    existing.spec = d.spec;
  } else if (existing.kind === "Pod") {
    const p = next as Pod;
    // ValidatePodUpdate: of the spec, only images (and a few fields not modelled) may change.
    const withoutImages = (pod: Pod) => JSON.stringify(pod.spec.containers.map(({ image: _, ...rest }) => rest));
    if (
      withoutImages(existing) !== withoutImages(p) ||
      JSON.stringify({ ...existing.spec, containers: [] }) !== JSON.stringify({ ...p.spec, containers: [] })
    )
      throw new KubeError(
        `The Pod "${p.metadata.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
      );
    const imageChanged = existing.spec.containers.some((c, i) => c.image !== p.spec.containers[i].image);
    existing.spec = p.spec;
    // The kubelet sees the container's definition change and restarts it with the new image.
    if (imageChanged) cluster.restartContainers(existing);
  } else if (existing.kind === "Node") {
    existing.spec = (next as NodeObject).spec;
  } else if (existing.kind !== "Namespace") {
    throw new KubeError(`error: patching ${existing.kind} objects is not modelled by this simulator`);
  }
  existing.metadata.labels = next.metadata.labels;
  existing.metadata.annotations = next.metadata.annotations;
  cluster.save(existing);
}

/** kubectl patch (TYPE NAME | TYPE/NAME) -p PATCH [--type strategic|merge|json] */
function kubectlPatch(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "patch");
  const namespace = namespaceOf(ctx, args);
  const type = (flag(args, "type") ?? "strategic").toLowerCase();
  if (!PATCH_TYPES.includes(type as PatchType))
    throw new KubeError(`error: --type must be one of [${PATCH_TYPES.join(" ")}], not "${flag(args, "type")}"`);
  const patch = readPatch(ctx, flag(args, "patch"), flag(args, "patch-file"));
  const targets = parseTargets(args.positional);
  return targets
    .map(({ type: resource, name }) => {
      if (!name) throw new KubeError("error: resource(s) were provided, but no name was specified");
      const object = getObject(ctx.cluster, resource, namespace, name);
      if (object.kind === "Endpoints" || object.kind === "Event")
        throw new KubeError(`error: patching ${object.kind} objects is not modelled by this simulator`);
      const next = patched(object, type as PatchType, patch) as unknown as KubeObject;
      const changed = JSON.stringify(next) !== JSON.stringify(object);
      if (changed) {
        update(ctx.cluster, object, next);
        ctx.cluster.reconcile();
      }
      return line(`${resource.display}/${name} patched${changed ? "" : " (no change)"}`);
    })
    .join("");
}
