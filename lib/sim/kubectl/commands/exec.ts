import { formatResolvConf, nodeResolvConf, resolvConfFor } from "../../dns";
import { containerNamed, ephemeralRunning } from "../../ephemeral-containers";
import { KubeError } from "../../errors";
import { imageProfile, nodeRootProfile } from "../../images";
import { environmentOf } from "../../service-env";
import { sha256 } from "../../sha256";
import { dig } from "../../shell/dig";
import { podHostname } from "../../shell/http-client";
import { curl, nslookup, ping, wget } from "../../shell/network-tools";
import { conntrackTool, ipTool, iptablesSaveTool, ipvsadmTool } from "../../shell/node-tools";
import { openShell } from "../../shell/session";
import { tokenize } from "../../shell/tokenize";
import type { CommandResult, Container, Pod } from "../../types";
import { boolFlag, type FlagSpec, flag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { getObject, parseTargets } from "../resources";

const FLAGS: readonly FlagSpec[] = [
  { name: "stdin", short: "i", takesValue: false },
  { name: "tty", short: "t", takesValue: false },
  { name: "container", short: "c", takesValue: true },
];

export const execCommand: KubectlCommand = {
  name: "exec",
  summary: "Execute a command in a container",
  group: "Troubleshooting and Debugging Commands",
  usage: "exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]",
  flags: FLAGS,
  args: [{ kind: "objects", resource: "Pod" }, { kind: "none" }],
  run: kubectlExec,
};

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });

function hostsFile(pod: Pod): string {
  const name = pod.spec.hostname ?? pod.metadata.name;
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${pod.status.podIP}\t${name}\n`;
}

/**
 * The runtime's answer when the program to exec is not in the image (containerd's wording, wrapped
 * twice in "Internal error occurred" as the API server relays the kubelet's error): containerd names
 * the exec process by a random 64-hex id; the simulator derives one from the pod, the command and the
 * clock, so a run stays deterministic.
 */
function notInImage(ctx: KubectlContext, pod: Pod, program: string): CommandResult {
  const id = [...sha256(`${pod.metadata.uid} ${program} ${ctx.cluster.now()}`)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  return {
    output: `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
    exitCode: 1,
  };
}

/** Where a process's files come from: its container's image, or the node's root after `chroot /host`. */
export type FileRoot = "container" | "host";

/** Does the container have the node's root filesystem mounted at /host (a node debugging pod)? */
export function mountsHostRoot(pod: Pod, container: Container): boolean {
  const volume = (container.volumeMounts ?? []).find((m) => m.mountPath === "/host")?.name;
  return (pod.spec.volumes ?? []).some((v) => v.name === volume && v.hostPath?.path === "/");
}

/**
 * One command inside a container: the network tools, files, env, and `kill 1` (a container restart).
 * Only the programs the container's image carries run (lib/sim/images.ts); a missing one started by
 * `sh -c` gets the shell's own "not found" and exit code 127. Under `root` "host" the programs are
 * the node's own (after `chroot /host` in a node debugging pod); the network is still the pod's.
 */
export function runInPod(
  ctx: KubectlContext,
  pod: Pod,
  container: Container,
  command: string[],
  shell = false,
  root: FileRoot = "container",
): CommandResult {
  const cluster = ctx.cluster;
  const runtime = cluster.runtime.get(pod.metadata.uid)!;
  const [rawProgram, ...args] = command;
  const program = rawProgram?.replace(/^\/(usr\/)?(s?bin)\//, "") ?? "";
  const image = root === "host" ? nodeRootProfile(cluster.options.proxyMode) : imageProfile(container.image);
  if (!(image.programs as ReadonlySet<string>).has(program)) {
    if (!shell) return notInImage(ctx, pod, rawProgram);
    return { output: `sh: ${image.shell === "dash" ? "1: " : ""}${rawProgram}: not found\n`, exitCode: 127 };
  }
  const tool = networkTool(ctx, pod, container, program, args);
  if (tool) return tool;
  switch (program) {
    case "sh": {
      if (args[0] !== "-c" || args.length < 2) return { output: "", exitCode: 0 };
      const inner = tokenize(args[1]);
      if (!Array.isArray(inner)) return { output: `sh: syntax error: ${inner.error}\n`, exitCode: 2 };
      if (inner.length === 0) return { output: "", exitCode: 0 };
      return runInPod(ctx, pod, container, inner, true, root);
    }
    case "chroot": {
      // BusyBox words the failure "can't", coreutils "cannot" (and exits 125).
      const [dir, ...rest] = args;
      if (!dir) return { output: "chroot: missing operand\n", exitCode: 1 };
      if (dir.replace(/\/$/, "") !== "/host" || !mountsHostRoot(pod, container) || root === "host")
        return image.shell === "ash"
          ? { output: `chroot: can't change root directory to '${dir}': No such file or directory\n`, exitCode: 1 }
          : { output: `chroot: cannot change root directory to '${dir}': No such file or directory\n`, exitCode: 125 };
      // With no command chroot starts the node's shell, which reads no input here and exits.
      return rest.length ? runInPod(ctx, pod, container, rest, shell, "host") : ok("");
    }

    case "hostname":
      return ok(`${podHostname(pod)}\n`);
    case "env":
    case "printenv": {
      const env = environmentOf(runtime.env);
      if (program === "printenv" && args[0])
        return env[args[0]] !== undefined ? ok(`${env[args[0]]}\n`) : { output: "", exitCode: 1 };
      return ok(
        Object.entries(env)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(""),
      );
    }
    case "cat": {
      const out: string[] = [];
      for (const path of args) {
        if (path === "/etc/resolv.conf")
          out.push(formatResolvConf(root === "host" ? nodeResolvConf(cluster) : resolvConfFor(cluster, pod)));
        else if (path === "/etc/hostname")
          out.push(`${root === "host" ? pod.spec.nodeName : (pod.spec.hostname ?? pod.metadata.name)}\n`);
        else if (path === "/etc/hosts") out.push(hostsFile(pod));
        else if (runtime.files.has(path)) out.push("");
        else return { output: `${out.join("")}cat: ${path}: No such file or directory\n`, exitCode: 1 };
      }
      return ok(out.join(""));
    }
    case "touch":
    case "rm": {
      for (const path of args.filter((a) => !a.startsWith("-"))) {
        cluster.runtimeChanged(pod); // a readiness probe may read this file
        if (program === "touch") runtime.files.add(path);
        else if (!runtime.files.delete(path) && !args.includes("-f"))
          return { output: `rm: can't remove '${path}': No such file or directory\n`, exitCode: 1 };
      }
      // The kubelet's next readiness probe sees the change.
      cluster.reconcile();
      return ok("");
    }
    case "ls": {
      const files = [...runtime.files]
        .filter((f) => !args[0] || f.startsWith(args[0].replace(/\/?$/, "/")) || f === args[0])
        .sort();
      return ok(files.map((f) => `${f}\n`).join(""));
    }
    case "kill":
      if (args.includes("1")) {
        cluster.restartContainers(pod);
        return { output: "", exitCode: 137 };
      }
      return ok("");
    case "echo":
      return ok(`${args.join(" ")}\n`);
    case "sleep": {
      // The command takes that long: the cluster's clock moves on meanwhile, as at the learner's prompt.
      const seconds = Number(/^(\d+)s?$/.exec(args[0] ?? "")?.[1]);
      if (Number.isFinite(seconds)) cluster.advance(seconds);
      return ok("");
    }
    case "true":
      return ok("");
    case "false":
      return { output: "", exitCode: 1 };
    default:
      return notInImage(ctx, pod, rawProgram);
  }
}

/** The network tools: they act in the pod's network namespace (the node's, for a host-network pod). */
function networkTool(
  ctx: KubectlContext,
  pod: Pod,
  container: Container,
  program: string,
  args: string[],
): CommandResult | null {
  const { cluster } = ctx;
  const client = { kind: "pod" as const, pod };
  switch (program) {
    case "curl":
      return curl(cluster, client, args);
    case "wget":
      return wget(cluster, client, args);
    case "nslookup":
      return nslookup(cluster, client, args);
    case "ping":
      return ping(cluster, client, args);
    case "dig":
      return dig(cluster, pod, args);
    case "ip":
      return ipTool(cluster, pod, args);
    case "iptables-save":
      return iptablesSaveTool(cluster, pod, container, args);
    case "ipvsadm":
      return ipvsadmTool(cluster, pod, container, args);
    case "conntrack":
      return conntrackTool(cluster, pod, container, args);
    default:
      return null;
  }
}

/** kubectl exec [-it] POD [-c CONTAINER] -- COMMAND [ARGS...] */
function kubectlExec(ctx: KubectlContext, argv: string[]): CommandResult {
  const args = parseArgs(argv, FLAGS, "exec");
  const namespace = namespaceOf(ctx, args);
  // kubectl accepts -it as one token; parseArgs sees "-i" with "t" attached, which it treats as a value-less flag.
  if (!args.positional[0]) throw new KubeError("error: pod, type/name or --filename must be specified");
  if (!args.rest || args.rest.length === 0)
    throw new KubeError("error: you must specify at least one command for the container");
  const [{ type, name }] = parseTargets(
    args.positional[0].includes("/") ? [args.positional[0]] : ["pod", args.positional[0]],
  );
  let pod: Pod;
  if (type.kind === "Pod") pod = getObject(ctx.cluster, type, namespace, name) as Pod;
  else if (type.kind === "Deployment") {
    const d = getObject(ctx.cluster, type, namespace, name);
    const candidates = ctx.cluster
      .pods(namespace)
      .filter(
        (p) =>
          p.status.phase === "Running" &&
          !p.metadata.deletionTimestamp &&
          d.kind === "Deployment" &&
          Object.entries(d.spec.selector.matchLabels ?? {}).every(([k, v]) => p.metadata.labels?.[k] === v),
      )
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    if (!candidates[0])
      throw new KubeError(`error: unable to upgrade connection: no running pod for deployment/${name}`);
    pod = candidates[0];
  } else throw new KubeError(`error: cannot exec into ${type.plural}`);
  const containerName = flag(args, "container");
  // Without -c, kubectl uses the kubectl.kubernetes.io/default-container annotation, else the first container.
  const wanted = containerName ?? pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  // An ephemeral container (kubectl debug) can be exec'd into too while its process runs.
  const container = wanted ? containerNamed(pod, wanted)?.container : pod.spec.containers[0];
  if (!container) throw new KubeError(`error: container ${wanted} not found in pod ${pod.metadata.name}`);
  if (pod.status.phase !== "Running" || !ctx.cluster.runtime.has(pod.metadata.uid)) {
    throw new KubeError(`error: unable to upgrade connection: container not found ("${pod.spec.containers[0].name}")`);
  }
  if (!ephemeralRunning(pod, container.name))
    throw new KubeError(`error: unable to upgrade connection: container not found ("${container.name}")`);
  // An interactive shell (-i with a lone sh) takes over the terminal until `exit` (lib/sim/shell/session.ts).
  const program = args.rest[0].replace(/^\/(usr\/)?bin\//, "");
  const image = imageProfile(container.image);
  if (boolFlag(args, "stdin") && args.rest.length === 1 && program === "sh" && image.programs.has("sh")) {
    openShell(ctx.cluster, {
      namespace: pod.metadata.namespace!,
      pod: pod.metadata.name,
      uid: pod.metadata.uid,
      container: container.name,
      shell: image.shell,
      attachedBy: "exec",
    });
    return { output: "", exitCode: 0 };
  }
  const result = runInPod(ctx, pod, container, args.rest);
  if (result.exitCode !== 0 && !result.output.startsWith("error: Internal error")) {
    return {
      output: `${result.output}command terminated with exit code ${result.exitCode}\n`,
      exitCode: result.exitCode,
    };
  }
  return result;
}
