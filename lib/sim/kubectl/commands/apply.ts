import type { KubectlCommand } from "../command";
import { APPLY_FLAGS, applyFiles } from "../manifests";

export const applyCommand: KubectlCommand = {
  name: "apply",
  summary: "Apply a configuration to a resource by file name or stdin",
  group: "Advanced Commands",
  usage: "apply (-f FILENAME) [flags]",
  flags: APPLY_FLAGS,
  args: [{ kind: "none" }],
  run: (ctx, argv) => applyFiles(ctx, argv, "apply"),
};
