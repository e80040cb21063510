import { appendLog } from "../../container-logs";
import { addEphemeralContainer, endEphemeralContainer } from "../../ephemeral-containers";
import { KubeError } from "../../errors";
import { imageProfile } from "../../images";
import { randomSuffix } from "../../names";
import { openShell } from "../../shell/session";
import type { CommandResult, Container, EphemeralContainer, Pod } from "../../types";
import { boolFlag, flag, type ParsedArgs } from "../args";
import type { KubectlContext } from "../context";
import { line } from "../line";
import { keepsRunning } from "../one-shot";
import { runInPod } from "./exec";

// kubectl debug POD --image=IMAGE (staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go, v1.31):
// debugByEphemeralContainer adds one ephemeral container through the pods/ephemeralcontainers
// subresource. Without -c, computeDebugContainerName picks "debugger-" + 5 random characters not yet
// used in the pod and says so; --target names the container whose process namespace it joins (printed
// first, with kubectl's caveat about runtimes); then, with -i (attach defaults to -i), handleAttachPod
// waits for it to run and attaches, or prints its log when it has already ended.

/** The profile's changes to an ephemeral container (profiles.go, Apply for a pod target). */
function applyPodProfile(profile: string, container: Container): void {
  if (profile === "netadmin") container.securityContext = { capabilities: { add: ["NET_ADMIN", "NET_RAW"] } };
  if (profile === "sysadmin") container.securityContext = { privileged: true };
}

/** computeDebugContainerName: "debugger-xxxxx", drawn again while the pod already has that name. */
function debugContainerName(ctx: KubectlContext, pod: Pod): string {
  const taken = new Set([...pod.spec.containers, ...(pod.spec.ephemeralContainers ?? [])].map((c) => c.name));
  let name = "";
  while (name === "" || taken.has(name)) name = `debugger-${randomSuffix(ctx.cluster.rng)}`;
  return name;
}

export function debugPod(
  ctx: KubectlContext,
  args: ParsedArgs,
  pod: Pod,
  image: string,
  profile: string,
): CommandResult {
  const quiet = boolFlag(args, "quiet");
  const interactive = boolFlag(args, "stdin");
  const target = flag(args, "target");
  // waitForContainer gives up on a pod that has finished.
  if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed")
    throw new KubeError("error: pod ran to completion");
  let output = "";
  if (target && !quiet)
    output += line(
      `Targeting container "${target}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.`,
    );
  const given = flag(args, "container");
  const name = given ?? debugContainerName(ctx, pod);
  if (!given && !quiet) output += line(`Defaulting debug container name to ${name}.`);
  const command = args.rest ?? [];
  const container: EphemeralContainer = {
    name,
    image,
    ...(command.length ? (boolFlag(args, "arguments-only") ? { args: command } : { command }) : {}),
    ...(interactive ? { stdin: true } : {}),
    ...(boolFlag(args, "tty") ? { tty: true } : {}),
    ...(target ? { targetContainerName: target } : {}),
  };
  applyPodProfile(profile, container);
  addEphemeralContainer(ctx.cluster, pod, container);
  const attach = args.flags.has("attach") ? boolFlag(args, "attach") : interactive;
  const profileOfImage = imageProfile(image);
  const shellOnly = command.length === 0 || (command.length === 1 && /^(\/bin\/)?(sh|bash|ash)$/.test(command[0]));
  // A shell keeps running while its stdin is open; a server image's default process keeps running.
  if (shellOnly && (interactive || (command.length === 0 && profileOfImage.server !== null))) {
    if (interactive && attach && profileOfImage.server === null) {
      openShell(ctx.cluster, {
        namespace: pod.metadata.namespace!,
        pod: pod.metadata.name,
        uid: pod.metadata.uid,
        container: name,
        shell: profileOfImage.shell,
        attachedBy: "debug",
      });
      if (boolFlag(args, "tty") && !quiet) output += "If you don't see a command prompt, try pressing enter.\n";
    }
    return { output, exitCode: 0 };
  }
  if (keepsRunning(command)) return { output, exitCode: 0 };
  // It runs its command in the pod's namespaces and ends; attached, kubectl prints its log.
  const result = shellOnly ? { output: "", exitCode: 0 } : runInPod(ctx, pod, container, command);
  appendLog(ctx.cluster, pod, name, result.output);
  endEphemeralContainer(ctx.cluster, pod, name, result.exitCode);
  return { output: attach ? output + result.output : output, exitCode: 0 };
}
