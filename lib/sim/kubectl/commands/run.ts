import { KubeError } from "../../errors";
import { boolFlag, type FlagSpec, flag, intFlag, parseArgs } from "../args";
import type { KubectlCommand } from "../command";
import { type KubectlContext, namespaceOf } from "../context";
import { line } from "../line";
import { createBarePod } from "../workloads";

const FLAGS: readonly FlagSpec[] = [
  { name: "image", takesValue: true },
  { name: "port", takesValue: true },
  { name: "labels", short: "l", takesValue: true },
  { name: "restart", takesValue: true, values: { kind: "words", words: ["Always", "OnFailure", "Never"] } },
  { name: "command", takesValue: false },
];

export const runCommand: KubectlCommand = {
  name: "run",
  summary: "Run a particular image on the cluster",
  group: "Basic Commands (Beginner)",
  usage: "run NAME --image=image [--port=port] [--labels=key=value,...] [--command] -- [COMMAND] [args...]",
  flags: FLAGS,
  args: [{ kind: "none" }],
  run: kubectlRun,
};

/** kubectl run NAME --image=IMAGE [--port=P] [--labels=k=v] [-- COMMAND...]: a bare pod. */
function kubectlRun(ctx: KubectlContext, argv: string[]): string {
  const args = parseArgs(argv, FLAGS, "run");
  const name = args.positional[0];
  if (!name) throw new KubeError("error: NAME is required for run");
  const image = flag(args, "image");
  if (!image) throw new KubeError('error: required flag(s) "image" not set');
  const port = intFlag(args, "port");
  const labels = Object.fromEntries(
    (flag(args, "labels") ?? `run=${name}`).split(",").map((kv) => kv.split("=") as [string, string]),
  );
  const rest = args.rest ?? [];
  const namespace = namespaceOf(ctx, args);
  createBarePod(ctx.cluster, {
    name,
    namespace,
    labels,
    spec: {
      restartPolicy: (flag(args, "restart") as "Always" | "Never" | "OnFailure" | undefined) ?? "Always",
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
  return line(`pod/${name} created`);
}
