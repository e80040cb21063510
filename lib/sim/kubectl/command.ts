import type { CommandResult } from "../types";
import type { FlagSpec } from "./args";
import type { KubectlContext } from "./context";
import type { ResourceKind } from "./resources";

/**
 * What a word at the prompt can complete to. `objects` lists names of one kind in the line's
 * namespace; `typed-objects` lists names of the kind named by the command's first argument
 * (`kubectl get svc <Tab>`); `resource-types` offers every type from the one resource list.
 */
export type Completion =
  | { kind: "none" }
  | { kind: "words"; words: readonly string[] }
  | { kind: "files" }
  | { kind: "objects"; resource: ResourceKind /** Written before each name, as in `node/NAME`. */; prefix?: string }
  | { kind: "typed-objects" }
  | { kind: "resource-types"; extra?: readonly string[] }
  /** The candidates of each, together (`kubectl debug` takes a pod or node/NAME). */
  | { kind: "any-of"; options: readonly Completion[] };

/** The sections of `kubectl --help`, in kubectl's order. */
export const HELP_GROUPS = [
  "Basic Commands (Beginner)",
  "Basic Commands (Intermediate)",
  "Deploy Commands",
  "Cluster Management Commands",
  "Troubleshooting and Debugging Commands",
  "Advanced Commands",
  "Settings Commands",
  "Other Commands",
] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

/** What help and Tab completion know about a command or one of its sub-verbs. */
export interface CommandSpec {
  /** The verb as typed after `kubectl` (or after the family's verb: `create deployment`). */
  name: string;
  /** Other spellings kubectl accepts for a sub-verb (`create deploy`). */
  aliases?: readonly string[];
  /** kubectl's own one-line description, as `kubectl --help` prints it. */
  summary: string;
  /** The usage line after `kubectl `, as `kubectl <name> --help` prints it. */
  usage: string;
  /** Flags besides the global -n/--namespace and -A/--all-namespaces. */
  flags: readonly FlagSpec[];
  /** How positional arguments complete, by position; the last entry repeats. */
  args: readonly Completion[];
  /** Sub-verbs of a family (`rollout restart`, `rollout status`). */
  subcommands?: readonly CommandSpec[];
}

/** One kubectl command: a row of the command table (`commands/index.ts`). */
export interface KubectlCommand extends CommandSpec {
  group: HelpGroup;
  /** Runs the command on the arguments after its name; a string is output with exit code 0. */
  run(ctx: KubectlContext, argv: string[]): string | CommandResult;
}

/** The sub-verb of a family that `word` names, by name or alias. */
export function subcommandNamed(spec: CommandSpec, word: string | undefined): CommandSpec | undefined {
  return spec.subcommands?.find((s) => s.name === word || s.aliases?.includes(word ?? ""));
}
