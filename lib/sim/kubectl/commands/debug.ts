import { KubeError } from "../../errors";
import { imageProfile } from "../../images";
import { openShell } from "../../shell/session";
import type { CommandResult, Container, Pod, PodSpec } from "../../types";
import { boolFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { runToCompletion } from "../one-shot";
import { getObject, resourceType } from "../resources";
import { createBarePod } from "../workloads";
import { debugPod } from "./debug-pod";

// kubectl debug node/NAME (staging/src/k8s.io/kubectl/pkg/cmd/debug/debug.go generateNodeDebugPod,
// profiles.go): a pod named node-debugger-NODE-<5 random characters> with one container
// "debugger", pinned to the node with restartPolicy Never and a toleration of every taint. The
// profile decides the rest: legacy (the default in v1.31) and general run it in the node's network,
// PID and IPC namespaces with the node's root filesystem at /host; netadmin uses the host
// namespaces and adds NET_ADMIN and NET_RAW but mounts nothing; sysadmin makes it privileged, in the
// host namespaces, with /host; baseline and restricted keep the pod's own namespaces. The warning
// that legacy is deprecated arrived in kubectl v1.32 (kubernetes#127230), after this cluster's version.
// kubectl debug POD adds an ephemeral container (debug-pod.ts); --copy-to is not modelled.

const PROFILES = ["legacy", "general", "baseline", "netadmin", "restricted", "sysadmin"] as const;
type Profile = (typeof PROFILES)[number];

const FLAGS: readonly FlagSpec[] = [
  { name: "image", takesValue: true },
  { name: "stdin", short: "i", takesValue: false },
  { name: "tty", short: "t", takesValue: false },
  { name: "attach", takesValue: false },
  { name: "container", short: "c", takesValue: true },
  { name: "quiet", short: "q", takesValue: false },
  { name: "arguments-only", takesValue: false },
  { name: "profile", takesValue: true, values: { kind: "words", words: PROFILES } },
  { name: "target", takesValue: true },
];

export const debugCommand: KubectlCommand = {
  name: "debug",
  summary: "Create debugging sessions for troubleshooting workloads and nodes",
  group: "Troubleshooting and Debugging Commands",
  usage: "debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]",
  flags: FLAGS,
  args: [
    {
      kind: "any-of",
      options: [
        { kind: "objects", resource: "Pod" },
        { kind: "objects", resource: "Node", prefix: "node/" },
      ],
    },
  ],
  run: kubectlDebug,
};

/** The pod spec a profile gives a node debugging pod (profiles.go, Apply for a *corev1.Node target). */
function applyProfile(profile: Profile, spec: PodSpec, container: Container): void {
  const hostNamespaces =
    profile === "legacy" || profile === "general" || profile === "netadmin" || profile === "sysadmin";
  if (hostNamespaces) Object.assign(spec, { hostNetwork: true, hostPID: true, hostIPC: true });
  if (profile === "legacy" || profile === "general" || profile === "sysadmin") {
    spec.volumes = [{ name: "host-root", hostPath: { path: "/" } }];
    container.volumeMounts = [{ name: "host-root", mountPath: "/host" }];
  }
  if (profile === "netadmin") container.securityContext = { capabilities: { add: ["NET_ADMIN", "NET_RAW"] } };
  if (profile === "sysadmin") container.securityContext = { privileged: true };
}

/** kubectl debug (POD | node/NAME) --image=IMAGE [-it] [-c NAME] [--target=C] [--profile=P] [-- COMMAND...] */
function kubectlDebug(ctx: KubectlContext, argv: string[]): CommandResult {
  const args = parseArgs(argv, FLAGS, "debug");
  const image = flag(args, "image");
  const target = args.positional[0];
  const interactive = boolFlag(args, "stdin");
  // Validate, in debug.go's order.
  if (!image) throw new KubeError("error: you must specify --image when not using --copy-to.");
  if (!target) throw new KubeError("error: NAME or filename is required for debug");
  if (boolFlag(args, "tty") && !interactive)
    throw new KubeError("error: -i/--stdin is required for containers with -t/--tty=true");
  const profile = flag(args, "profile") ?? "legacy";
  if (!(PROFILES as readonly string[]).includes(profile)) throw new KubeError(`error: unknown profile: ${profile}`);
  const [typeName, name] = target.includes("/") ? target.split("/", 2) : ["pod", target];
  const type = resourceType(typeName);
  const namespace = namespaceOf(ctx, args);
  if (type.kind === "Pod")
    return debugPod(ctx, args, getObject(ctx.cluster, type, namespace, name) as Pod, image, profile);
  if (type.kind !== "Node")
    throw new KubeError(
      "error: the simulator models kubectl debug for pods and nodes only: kubectl debug POD|node/NAME -it --image=IMAGE",
    );
  getObject(ctx.cluster, type, "", name);
  const containerName = flag(args, "container") ?? "debugger";
  const command = args.rest ?? [];
  const container: Container = {
    name: containerName,
    image,
    ...(command.length ? (boolFlag(args, "arguments-only") ? { args: command } : { command }) : {}),
    ...(interactive ? { stdin: true } : {}),
    ...(boolFlag(args, "tty") ? { tty: true } : {}),
  };
  const spec: PodSpec = {
    nodeName: name,
    restartPolicy: "Never",
    tolerations: [{ operator: "Exists" }],
    containers: [container],
  };
  applyProfile(profile as Profile, spec, container);
  // utilrand.String(5) draws from the same consonants-and-digits alphabet as generated names.
  const podName = ctx.cluster.generateName(`node-debugger-${name}-`);
  const pod = createBarePod(ctx.cluster, {
    name: podName,
    namespace,
    labels: { "app.kubernetes.io/managed-by": "kubectl-debug" },
    spec,
  });
  let output = boolFlag(args, "quiet")
    ? ""
    : line(`Creating debugging pod ${podName} with container ${containerName} on node ${name}.`);
  const attach = args.flags.has("attach") ? boolFlag(args, "attach") : interactive;
  // Attached, kubectl waits for the container to start before attaching (debug.go waitForContainer).
  if (attach) ctx.cluster.waitUntilStarted(pod);
  const shellOnly = command.length === 0 || (command.length === 1 && /^(\/bin\/)?sh$/.test(command[0]));
  const profileOfImage = imageProfile(image);
  // A shell with stdin open waits for the learner: the terminal attaches to it.
  if (interactive && attach && shellOnly && profileOfImage.server === null && pod.status.phase === "Running") {
    openShell(ctx.cluster, {
      namespace,
      pod: podName,
      uid: pod.metadata.uid,
      container: containerName,
      shell: profileOfImage.shell,
      attachedBy: "debug",
    });
    if (boolFlag(args, "tty") && !boolFlag(args, "quiet"))
      output += "If you don't see a command prompt, try pressing enter.\n";
    return { output, exitCode: 0 };
  }
  // Otherwise the container runs its command (or its image's default) and ends; attached, kubectl
  // finds it terminated and prints its log (handleAttachPod falls back to logs).
  if (!attach) {
    ctx.cluster.onContainersStarted(pod, () => runToCompletion(ctx, pod));
    return { output, exitCode: 0 };
  }
  const result = runToCompletion(ctx, pod);
  if (result) output += result.output;
  return { output, exitCode: 0 };
}
