import { KubeError } from "../errors";
import type { CommandResult } from "../types";
import { COMMANDS, commandNamed } from "./commands";
import type { KubectlContext } from "./context";

/** The names of the commands this simulator supports, in table order. */
export const KUBECTL_COMMANDS: readonly string[] = COMMANDS.map((c) => c.name);

/** Runs `kubectl ARGV...`: finds the command in the table and turns KubeErrors into kubectl's output. */
export function kubectl(ctx: KubectlContext, argv: string[]): CommandResult {
  const [name, ...rest] = argv;
  try {
    if (name === undefined)
      return {
        output: `kubectl controls the Kubernetes cluster manager.\n\nCommands available in this simulator: ${KUBECTL_COMMANDS.join(", ")}\n`,
        exitCode: 0,
      };
    const command = commandNamed(name);
    if (!command)
      throw new KubeError(`error: unknown command "${name}" for "kubectl"\nRun 'kubectl --help' for usage.`);
    const result = command.run(ctx, rest);
    return typeof result === "string" ? { output: result, exitCode: 0 } : result;
  } catch (err) {
    if (err instanceof KubeError)
      return { output: err.message.endsWith("\n") ? err.message : `${err.message}\n`, exitCode: err.exitCode };
    throw err;
  }
}
