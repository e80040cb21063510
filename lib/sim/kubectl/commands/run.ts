import { KubeError } from "../../errors";
import { imageProfile } from "../../images";
import { openShell } from "../../shell/session";
import type { CommandResult, Pod, PodSpec } from "../../types";
import { boolFlag, type FlagSpec, flag, intFlag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { runToCompletion } from "../one-shot";
import { createBarePod } from "../workloads";

const FLAGS: readonly FlagSpec[] = [
  { name: "image", takesValue: true },
  { name: "port", takesValue: true },
  { name: "labels", short: "l", takesValue: true },
  { name: "restart", takesValue: true, values: { kind: "words", words: ["Always", "OnFailure", "Never"] } },
  { name: "command", takesValue: false },
  { name: "rm", takesValue: false },
  { name: "stdin", short: "i", takesValue: false },
  { name: "tty", short: "t", takesValue: false },
  { name: "attach", takesValue: false },
];

export const runCommand: KubectlCommand = {
  name: "run",
  summary: "Run a particular image on the cluster",
  group: "Basic Commands (Beginner)",
  usage:
    "run NAME --image=image [--port=port] [--labels=key=value,...] [--rm] [-i] [-t] [--restart=policy] [--command] -- [COMMAND] [args...]",
  flags: FLAGS,
  args: [{ kind: "none" }],
  run: kubectlRun,
};

const usageError = (message: string) => new KubeError(`error: ${message}\nSee 'kubectl run -h' for help and examples`);

/**
 * kubectl run NAME --image=IMAGE [-i] [-t] [--rm] [--restart=P] [-- COMMAND...]: a bare pod.
 * Attached (-i, or --attach), kubectl waits for the pod, prints its output and, for Never and
 * OnFailure, returns the container's exit code; --rm deletes the pod afterwards (run.go Run).
 */
function kubectlRun(ctx: KubectlContext, argv: string[]): CommandResult {
  const args = parseArgs(argv, FLAGS, "run");
  const name = args.positional[0];
  if (!name) throw usageError("NAME is required for run");
  const image = flag(args, "image");
  if (!image) throw new KubeError("error: --image is required");
  const interactive = boolFlag(args, "stdin");
  if (boolFlag(args, "tty") && !interactive)
    throw usageError("-i/--stdin is required for containers with -t/--tty=true");
  const attach = args.flags.has("attach") ? boolFlag(args, "attach") : interactive;
  const remove = boolFlag(args, "rm");
  if (!attach && remove) throw usageError("--rm should only be used for attached containers");
  const port = intFlag(args, "port");
  const labels = Object.fromEntries(
    (flag(args, "labels") ?? `run=${name}`).split(",").map((kv) => kv.split("=") as [string, string]),
  );
  const rest = args.rest ?? [];
  const namespace = namespaceOf(ctx, args);
  const pod = createBarePod(ctx.cluster, {
    name,
    namespace,
    labels,
    spec: {
      restartPolicy: restartPolicy(flag(args, "restart"), interactive),
      containers: [
        {
          name,
          image,
          ...(port ? { ports: [{ containerPort: port, protocol: "TCP" as const }] } : {}),
          ...(rest.length ? (boolFlag(args, "command") ? { command: rest } : { args: rest }) : {}),
        },
      ],
    },
  });
  // Attached, kubectl first waits for the pod to start (run.go waitForPod, --pod-running-timeout).
  if (attach) ctx.cluster.waitUntilStarted(pod);
  // Still Pending after the minute (an image that cannot be pulled): waitForPod's UntilWithSync times
  // out; the deferred --rm removal runs before kubectl prints the error.
  if (attach && pod.status.phase === "Pending" && ctx.cluster.store.get("Pod", namespace, name)) {
    let output = "";
    if (remove) {
      ctx.cluster.deletePod(pod);
      output = line(`pod "${name}" deleted`);
    }
    return { output: `${output}error: timed out waiting for the condition\n`, exitCode: 1 };
  }
  // A shell with stdin attached waits for the learner: the terminal holds it until `exit`.
  const profile = imageProfile(image);
  const shellOnly = rest.length === 0 ? profile.server === null : rest.length === 1 && /^(\/bin\/)?sh$/.test(rest[0]);
  if (interactive && attach && shellOnly && pod.status.phase === "Running") {
    openShell(ctx.cluster, {
      namespace,
      pod: name,
      uid: pod.metadata.uid,
      container: name,
      shell: profile.shell,
      attachedBy: "run",
      removeAfter: remove,
    });
    return {
      output: boolFlag(args, "tty") ? "If you don't see a command prompt, try pressing enter.\n" : "",
      exitCode: 0,
    };
  }
  if (!attach) {
    // Nobody waits: the main process runs when the kubelet has started the container.
    ctx.cluster.onContainersStarted(pod, () => runToCompletion(ctx, pod));
    return { output: line(`pod/${name} created`), exitCode: 0 };
  }
  const result = runToCompletion(ctx, pod);
  return endAttachedRun(ctx, pod, result, remove);
}

/** run.go getRestartPolicy: Always by default, OnFailure when attached to stdin. */
function restartPolicy(value: string | undefined, interactive: boolean): PodSpec["restartPolicy"] {
  if (value === undefined || value === "") return interactive ? "OnFailure" : "Always";
  if (value === "Always" || value === "OnFailure" || value === "Never") return value;
  throw usageError(`invalid restart policy: ${value}`);
}

/**
 * What an attached run prints when it ends. The modelled commands finish at once, so kubectl finds
 * the pod already completed and streams its logs (run.go handleAttachPod) instead of attaching; an
 * interactive shell ends at its `exit` (lib/sim/shell/interactive.ts). Any other process that keeps
 * running would hold the terminal without reading it, which this terminal cannot do: it says so.
 * With --rm the pod is deleted before kubectl exits (a deferred removeCreatedObjects), and a
 * Never pod that failed makes kubectl exit with the container's code after "pod NS/NAME
 * terminated (Error)".
 */
export function endAttachedRun(
  ctx: KubectlContext,
  pod: Pod,
  result: CommandResult | null,
  remove: boolean,
): CommandResult {
  const name = pod.metadata.name;
  let output = result
    ? result.output
    : "If you don't see a command prompt, try pressing enter.\n(this terminal cannot hold an interactive session: use kubectl exec POD -- COMMAND)\n";
  if (remove) {
    ctx.cluster.deletePod(pod);
    output += line(`pod "${name}" deleted`);
  }
  if (result && result.exitCode !== 0 && pod.spec.restartPolicy === "Never")
    return {
      output: `${output}pod ${pod.metadata.namespace}/${name} terminated (Error)\n`,
      exitCode: result.exitCode,
    };
  return { output, exitCode: 0 };
}
