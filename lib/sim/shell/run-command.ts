import type { Cluster } from "../cluster";
import { kubectl } from "../kubectl";
import type { FileReader } from "../kubectl/context";
import type { CommandResult } from "../types";
import { runInShell } from "./interactive";
import { curl, nslookup, wget } from "./network-tools";
import { currentShell } from "./session";
import { tokenize } from "./tokenize";

/** The programs on the learner's machine, as Tab completion offers them (`k` is kubectl's short alias). */
export const SHELL_PROGRAMS = ["kubectl", "curl", "wget", "nslookup", "cat", "echo", "sleep"] as const;
export const KUBECTL_ALIASES: readonly string[] = ["kubectl", "k"];

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
  cluster.advance(SECONDS_PER_COMMAND);
  const [program, ...args] = tokens;
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
