import { KubeError } from "../errors";
import { type FlagSpec, GLOBAL_FLAGS, parseArgs } from "./args";
import { type CommandSpec, HELP_GROUPS, type KubectlCommand } from "./command";

// Help is written from the command table, in the layout of kubectl's own (cobra's) help:
// `kubectl --help` lists commands by group with their one-line summary; `kubectl CMD --help`
// shows the summary, sub-commands, options and usage.

const column = (name: string) => `  ${name.padEnd(16)}`;

/** `kubectl`, `kubectl help`, `kubectl --help`: every command, grouped as kubectl groups them. */
export function kubectlHelp(commands: readonly KubectlCommand[]): string {
  const sections = HELP_GROUPS.map((group) => {
    const inGroup = commands.filter((c) => c.group === group);
    return inGroup.length ? `${group}:\n${inGroup.map((c) => `${column(c.name)}${c.summary}\n`).join("")}` : "";
  }).filter(Boolean);
  return [
    "kubectl controls the Kubernetes cluster manager.\n",
    " This simulated kubectl supports the commands below.\n",
    ...sections,
    "Usage:\n  kubectl [flags] [options]\n",
    'Use "kubectl <command> --help" for more information about a given command.\n',
  ].join("\n");
}

function flagLine(flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : "    ";
  return `  ${short}--${flag.name}${flag.takesValue ? "=VALUE" : ""}\n`;
}

/** `kubectl CMD --help` (and `kubectl help CMD`): `path` is the words after kubectl, e.g. ["rollout", "restart"]. */
export function commandHelp(path: readonly string[], spec: CommandSpec): string {
  const parts = [`${spec.summary}.\n`];
  if (spec.aliases?.length) parts.push(`Aliases:\n  ${[spec.name, ...spec.aliases].join(", ")}\n`);
  if (spec.subcommands?.length)
    parts.push(`Available Commands:\n${spec.subcommands.map((s) => `${column(s.name)}${s.summary}\n`).join("")}`);
  if (spec.flags.length) parts.push(`Options:\n${spec.flags.map(flagLine).join("")}`);
  parts.push(`Global options:\n${GLOBAL_FLAGS.map(flagLine).join("")}`);
  parts.push(`Usage:\n  kubectl ${spec.usage}\n`);
  if (spec.subcommands?.length)
    parts.push(`Use "kubectl ${path.join(" ")} <command> --help" for more information about a given command.\n`);
  return parts.join("\n");
}

/**
 * What a family verb (`create service`, `rollout`, `set`) does when no sub-command of the table names
 * its first word: cmdutil.DefaultSubCommandRun (kubectl pkg/cmd/util/helpers.go). Flags are parsed
 * first, as cobra does; words left over are RequireNoArguments' usage error, and none prints the help
 * and exits 1 without a message (ErrExit). A sub-command real kubectl has and the simulator does not
 * model is answered the same way, as an unknown one.
 */
export function defaultSubCommandRun(path: readonly string[], spec: CommandSpec, argv: readonly string[]): never {
  const args = parseArgs(argv, spec.flags, path.join(" "));
  if (args.positional.length > 0)
    throw new KubeError(
      `error: unknown command "${args.positional.join(" ")}"\nSee 'kubectl ${path.join(" ")} -h' for help and examples`,
    );
  throw new KubeError(commandHelp(path, spec));
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** Every supported command as a markdown table (for the README): command, what it does, flags. */
export function commandsMarkdown(commands: readonly KubectlCommand[]): string {
  const withSubcommands = (path: string, spec: CommandSpec): [string, CommandSpec][] => [
    [path, spec],
    ...(spec.subcommands ?? []).flatMap((s) => withSubcommands(`${path} ${s.name}`, s)),
  ];
  const rows = commands.flatMap((command) => {
    const specs = withSubcommands(command.name, command);
    return specs.map(([path, spec]) => {
      const flags = spec.flags.map((f) => `\`${f.short ? `-${f.short}, ` : ""}--${f.name}\``).join(" ");
      return `| \`kubectl ${path}\` | ${cell(spec.summary)} | \`kubectl ${cell(spec.usage)}\` | ${flags} |\n`;
    });
  });
  return `| command | what it does | usage | flags |\n| --- | --- | --- | --- |\n${rows.join("")}`;
}
