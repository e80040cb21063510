import type { KubectlCommand } from "../command";

export const versionCommand: KubectlCommand = {
  name: "version",
  summary: "Print the client and server version information",
  group: "Other Commands",
  usage: "version [flags]",
  flags: [],
  args: [{ kind: "none" }],
  // Flags are not parsed: `kubectl version --client` and the like print both versions here.
  run: (ctx) =>
    `Client Version: ${ctx.cluster.options.kubernetesVersion}\nKustomize Version: v5.4.2\nServer Version: ${ctx.cluster.options.kubernetesVersion}\n`,
};
