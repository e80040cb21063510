import type { Cluster } from "../cluster";
import { boolFlag, flag, type ParsedArgs } from "./args";

/** Reads a file named by `apply -f`: the CLI reads the disk, a drill its own files. */
export type FileReader = (path: string) => string | null;

export interface KubectlContext {
  cluster: Cluster;
  readFile: FileReader;
}

export function namespaceOf(_ctx: KubectlContext, args: ParsedArgs): string {
  return flag(args, "namespace") ?? "default";
}

export const allNamespaces = (args: ParsedArgs) => boolFlag(args, "all-namespaces");
