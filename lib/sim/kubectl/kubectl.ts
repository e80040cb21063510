import { KubeError } from "../errors";
import type { CommandResult } from "../types";
import { type CommandSpec, subcommandNamed } from "./command";
import { COMMANDS, commandNamed } from "./commands";
import type { KubectlContext } from "./context";
import { commandHelp, kubectlHelp } from "./help";

/** The names of the commands this simulator supports, in table order. */
export const KUBECTL_COMMANDS: readonly string[] = COMMANDS.map((c) => c.name);

const ok = (output: string): CommandResult => ({ output, exitCode: 0 });

/** The command (or family sub-verb) that `words` name, and the words that name it. */
function specFor(words: readonly string[]): { path: string[]; spec: CommandSpec } | null {
  const command = commandNamed(words[0]);
  if (!command) return null;
  const found: { path: string[]; spec: CommandSpec } = { path: [command.name], spec: command };
  // Families nest (`create service clusterip`): follow sub-verbs as far as the words name them.
  for (const word of words.slice(1)) {
    const sub = subcommandNamed(found.spec, word);
    if (!sub) break;
    found.path.push(sub.name);
    found.spec = sub;
  }
  return found;
}

/** Levenshtein distance, ignoring case (cobra's ld with ignoreCase). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let row = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    row = next;
  }
  return row[t.length];
}

/**
 * cobra's SuggestionsFor (command.go), as findSuggestions adds them to an unknown command's error:
 * the root's commands, sorted by name, within a Levenshtein distance of 2 or starting with what was
 * typed. Only the commands this simulator has are candidates, as only they are the root's here.
 */
function suggestionsFor(typed: string): string[] {
  return [...KUBECTL_COMMANDS]
    .sort()
    .filter((c) => distance(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()));
}

/** `--help` or `-h` among the arguments before a bare `--` (after it they belong to the container's command). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** `kubectl help [COMMAND [SUBCOMMAND]]`; an unknown topic answers as cobra does, with the overview. */
function help(topic: readonly string[]): string {
  if (topic.length === 0) return kubectlHelp(COMMANDS);
  const found = specFor(topic);
  return found
    ? commandHelp(found.path, found.spec)
    : `Unknown help topic [\`${topic.join(" ")}\`]\n${kubectlHelp(COMMANDS)}`;
}

/** Runs `kubectl ARGV...`: finds the command in the table and turns KubeErrors into kubectl's output. */
export function kubectl(ctx: KubectlContext, argv: string[]): CommandResult {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h") return ok(kubectlHelp(COMMANDS));
    if (name === "help") return ok(help(rest));
    const command = commandNamed(name);
    if (!command) {
      const suggestions = suggestionsFor(name);
      const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((c) => `\t${c}\n`).join("")}` : "";
      throw new KubeError(`error: unknown command "${name}" for "kubectl"${hint}\nRun 'kubectl --help' for usage.`);
    }
    if (asksForHelp(rest)) {
      const found = specFor(argv)!;
      return ok(commandHelp(found.path, found.spec));
    }
    const result = command.run(ctx, rest);
    return typeof result === "string" ? ok(result) : result;
  } catch (err) {
    if (err instanceof KubeError)
      return { output: err.message.endsWith("\n") ? err.message : `${err.message}\n`, exitCode: err.exitCode };
    throw err;
  }
}
