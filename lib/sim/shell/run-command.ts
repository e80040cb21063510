import type { Cluster } from "../cluster";
import { COMMANDS, kubectl } from "../kubectl";
import type { FileReader } from "../kubectl/context";
import type { CommandResult } from "../types";
import { runInShell } from "./interactive";
import { curl, nslookup, wget } from "./network-tools";
import { currentShell } from "./session";
import { tokenize } from "./tokenize";

/** The programs on the learner's machine, as Tab completion offers them (`k` is kubectl's short alias). */
export const SHELL_PROGRAMS = ["kubectl", "curl", "wget", "nslookup", "cat", "echo", "sleep"] as const;
export const KUBECTL_ALIASES: readonly string[] = ["kubectl", "k"];

/** What each program does, for `help` (the type makes every program in SHELL_PROGRAMS need a line). */
const PROGRAM_SUMMARIES: Record<(typeof SHELL_PROGRAMS)[number], string> = {
  kubectl: "Talk to the cluster's API server (k is short for it; kubectl COMMAND --help says more)",
  curl: "Send an HTTP request from this machine, which is outside the cluster",
  wget: "Fetch a URL from this machine, which is outside the cluster",
  nslookup: "Ask this machine's DNS resolver for a name",
  cat: "Print a file: the manifests that kubectl apply -f reads",
  echo: "Print its arguments",
  sleep: "Let simulated time pass: sleep 30 (seconds)",
};

/**
 * Commands of the terminal itself, not programs: they never touch the cluster or its clock, so a
 * replay with or without them builds the same cluster. `help` is answered here; `clear` only wipes
 * the screen, so the drill terminal answers it (and Ctrl-L) without sending it anywhere.
 */
export const TERMINAL_BUILTINS = {
  help: "List the commands this terminal understands (help COMMAND: that kubectl command's help)",
  clear: "Clear the screen (Ctrl-L does the same)",
} as const;

/** Every word the prompt accepts first, as Tab completion offers it. */
export const PROMPT_WORDS: readonly string[] = [...SHELL_PROGRAMS, ...Object.keys(TERMINAL_BUILTINS)];

/** The answer to `help`: derived from the kubectl command table and the programs above. */
export function helpText(): string {
  const sections: [string, [string, string][]][] = [
    ["Programs on this machine:", SHELL_PROGRAMS.map((p) => [p, PROGRAM_SUMMARIES[p]])],
    ["kubectl commands (kubectl COMMAND or k COMMAND):", COMMANDS.map((c) => [c.name, c.summary])],
    ["This terminal:", Object.entries(TERMINAL_BUILTINS)],
  ];
  const width = Math.max(...sections.flatMap(([, rows]) => rows.map(([name]) => name.length))) + 2;
  const body = sections
    .map(([title, rows]) => `${title}\n${rows.map(([name, what]) => `  ${name.padEnd(width)}${what}\n`).join("")}`)
    .join("\n");
  return `${body}\nTab completes commands and names; Up and Down walk the history; Ctrl-R searches it.\n`;
}

/** Every command at the prompt takes a second of simulated time, so AGE columns move. */
const SECONDS_PER_COMMAND = 1;

/**
 * The prompt of the learner's machine, outside the cluster: kubectl talks to the API server;
 * curl, wget and nslookup run on this machine (so ClusterIPs and pod IPs do not answer here).
 */
export function runCommand(cluster: Cluster, line: string, readFile: FileReader): CommandResult {
  const shell = currentShell(cluster);
  const inShell = shell && runInShell(cluster, shell, line, readFile);
  if (inShell) return inShell;
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return { output: "", exitCode: 0 };
  const tokens = tokenize(trimmed);
  if (!Array.isArray(tokens)) return { output: `bash: ${tokens.error}\n`, exitCode: 2 };
  const [program, ...args] = tokens;
  // Before the clock moves: asking for help changes nothing a check could see.
  if (program === "help") {
    const topic = COMMANDS.find((c) => c.name === args[0]);
    return topic ? kubectl({ cluster, readFile }, [topic.name, "--help"]) : { output: helpText(), exitCode: 0 };
  }
  cluster.advance(SECONDS_PER_COMMAND);
  const outside = { kind: "outside" as const };
  switch (program) {
    case "kubectl":
    case "k":
      return kubectl({ cluster, readFile }, args);
    case "curl":
      return curl(cluster, outside, args);
    case "wget":
      return wget(cluster, outside, args);
    case "nslookup":
      return nslookup(cluster, outside, args);
    case "sleep": {
      const seconds = Number(/^(\d+)s?$/.exec(args[0] ?? "")?.[1]);
      if (!Number.isFinite(seconds)) return { output: "sleep: invalid time interval\n", exitCode: 1 };
      cluster.advance(seconds);
      return { output: "", exitCode: 0 };
    }
    case "echo":
      return { output: `${args.join(" ")}\n`, exitCode: 0 };
    case "cat": {
      // The files on the learner's machine: manifests that `kubectl apply -f` can read.
      if (args.length === 0) return { output: "cat: missing file operand\n", exitCode: 1 };
      let output = "";
      for (const name of args) {
        const text = readFile(name);
        if (text === null) return { output: `${output}cat: ${name}: No such file or directory\n`, exitCode: 1 };
        output += text.endsWith("\n") ? text : `${text}\n`;
      }
      return { output, exitCode: 0 };
    }
    default:
      return { output: `bash: ${program}: command not found\n`, exitCode: 127 };
  }
}
