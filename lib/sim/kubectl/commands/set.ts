import { KubeError } from "../../errors";
import type { Container } from "../../types";
import { parseArgs } from "../args";
import { type CommandSpec, type KubectlCommand, subcommandNamed } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { defaultSubCommandRun } from "../help";
import { line } from "../line";
import { getObject, parseTargets } from "../resources";

// kubectl set image, as pkg/cmd/set/set_image.go (Kubernetes v1.31) validates and applies it.

const SUBCOMMANDS: readonly CommandSpec[] = [
  {
    name: "image",
    summary: "Update the image of a pod template",
    usage:
      "set image (TYPE NAME | TYPE/NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
    flags: [],
    args: [{ kind: "resource-types" }, { kind: "typed-objects" }],
  },
];

export const setCommand: KubectlCommand = {
  name: "set",
  summary: "Set specific features on objects",
  group: "Basic Commands (Beginner)",
  usage: "set SUBCOMMAND",
  flags: [],
  args: [{ kind: "none" }],
  subcommands: SUBCOMMANDS,
  run: kubectlSet,
};

/** CONTAINER=IMAGE pairs (`*` names every container); the other words name the objects. */
function splitArguments(positional: string[]): { targets: string[]; images: Map<string, string> } {
  const images = new Map<string, string>();
  const targets: string[] = [];
  for (const word of positional) {
    const eq = word.indexOf("=");
    if (eq > 0) images.set(word.slice(0, eq), word.slice(eq + 1));
    else targets.push(word);
  }
  return { targets, images };
}

/** Sets the images; returns whether anything changed, or the containers that were not found. */
function setImages(containers: Container[], images: Map<string, string>): { changed: boolean; missing: string[] } {
  let changed = false;
  const missing: string[] = [];
  for (const [name, image] of images) {
    const matching = containers.filter((c) => name === "*" || c.name === name);
    if (matching.length === 0) missing.push(name);
    for (const c of matching) {
      if (c.image !== image) changed = true;
      c.image = image;
    }
  }
  return { changed, missing };
}

function kubectlSet(ctx: KubectlContext, argv: string[]): string {
  const [sub, ...rest] = argv;
  const spec = subcommandNamed(setCommand, sub);
  if (!spec) defaultSubCommandRun(["set"], setCommand, argv);
  const args = parseArgs(rest, spec.flags, "set image");
  const namespace = namespaceOf(ctx, args);
  const { targets, images } = splitArguments(args.positional);
  const problems: string[] = [];
  if (targets.length === 0)
    problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (images.size === 0) problems.push("at least one image update is required");
  if (images.has("*") && images.size > 1)
    problems.push(
      "all containers are already specified by *, but saw more than one container_name=container_image pairs",
    );
  if (problems.length === 1) throw new KubeError(`error: ${problems[0]}`);
  if (problems.length > 1) throw new KubeError(`[${problems.join(", ")}]`);
  const out: string[] = [];
  const errors: string[] = [];
  for (const { type, name } of parseTargets(targets)) {
    const object = getObject(ctx.cluster, type, namespace, name);
    if (object.kind !== "Deployment" && object.kind !== "Pod")
      throw new KubeError(`error: setting images on ${type.plural} is not modelled by this simulator`);
    const containers = object.kind === "Deployment" ? object.spec.template.spec.containers : object.spec.containers;
    const { changed, missing } = setImages(containers, images);
    errors.push(...missing.map((m) => `error: unable to find container named "${m}"`));
    // No change means an empty patch, which kubectl skips without printing anything.
    if (!changed) continue;
    ctx.cluster.save(object);
    // A pod's container restarts with the new image (the kubelet sees its definition change); one that
    // never started (its image could not be pulled) is started with the new image by the kubelet.
    if (object.kind === "Pod" && object.status.phase !== "Pending") ctx.cluster.restartContainers(object);
    ctx.cluster.reconcile();
    out.push(line(`${type.display}/${name} image updated`));
  }
  if (errors.length) throw new KubeError(out.join("") + errors.join("\n"));
  return out.join("");
}
