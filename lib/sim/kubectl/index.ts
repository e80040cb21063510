import { KubeError } from "../errors";
import type { CommandResult } from "../types";
import { kubectlApply, readManifests } from "./apply";
import type { KubectlContext } from "./context";
import { kubectlDescribe } from "./describe";
import { kubectlExec } from "./exec";
import { kubectlGet } from "./get";
import {
  kubectlCordon,
  kubectlCreate,
  kubectlDelete,
  kubectlDrain,
  kubectlExpose,
  kubectlLabel,
  kubectlRollout,
  kubectlRun,
  kubectlScale,
} from "./mutate";
import { resourceType } from "./resources";

export const KUBECTL_COMMANDS = [
  "get",
  "describe",
  "apply",
  "create",
  "delete",
  "expose",
  "scale",
  "rollout",
  "label",
  "cordon",
  "uncordon",
  "drain",
  "exec",
  "run",
  "version",
] as const;

const text = (output: string): CommandResult => ({ output, exitCode: 0 });

export function kubectl(ctx: KubectlContext, argv: string[]): CommandResult {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "get":
        return text(kubectlGet(ctx, rest));
      case "describe":
        return text(kubectlDescribe(ctx, rest));
      case "apply":
        return text(kubectlApply(ctx, rest, "apply"));
      case "create":
        return text(
          rest.some((a) => a === "-f" || a.startsWith("--filename") || a.startsWith("-f"))
            ? kubectlApply(ctx, rest, "create")
            : kubectlCreate(ctx, rest),
        );
      case "delete":
        return text(
          kubectlDelete(ctx, rest, (args) => {
            const files = args.flags.get("filename");
            if (!files) return null;
            return files.flatMap((f) => {
              const content = ctx.readFile(f);
              if (content === null) throw new KubeError(`error: the path "${f}" does not exist`);
              return readManifests(content, f).map((m) => ({
                type: resourceType(String(m.kind)),
                name: String(m.metadata?.name ?? ""),
                namespace: m.metadata?.namespace,
              }));
            });
          }),
        );
      case "expose":
        return text(kubectlExpose(ctx, rest));
      case "scale":
        return text(kubectlScale(ctx, rest));
      case "rollout":
        return text(kubectlRollout(ctx, rest));
      case "label":
        return text(kubectlLabel(ctx, rest));
      case "cordon":
      case "uncordon":
        return text(kubectlCordon(ctx, rest, command === "cordon"));
      case "drain":
        return text(kubectlDrain(ctx, rest));
      case "exec":
        return kubectlExec(ctx, rest);
      case "run":
        return text(kubectlRun(ctx, rest));
      case "version":
        return text(
          `Client Version: ${ctx.cluster.options.kubernetesVersion}\nKustomize Version: v5.4.2\nServer Version: ${ctx.cluster.options.kubernetesVersion}\n`,
        );
      case undefined:
        return {
          output: `kubectl controls the Kubernetes cluster manager.\n\nCommands available in this simulator: ${KUBECTL_COMMANDS.join(", ")}\n`,
          exitCode: 0,
        };
      default:
        throw new KubeError(`error: unknown command "${command}" for "kubectl"\nRun 'kubectl --help' for usage.`);
    }
  } catch (err) {
    if (err instanceof KubeError)
      return { output: err.message.endsWith("\n") ? err.message : `${err.message}\n`, exitCode: err.exitCode };
    throw err;
  }
}
