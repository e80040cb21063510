import { Cluster } from "./cluster";
import type { FileReader } from "./kubectl/context";
import { runCommand } from "./shell/run-command";
import { shellPrompt } from "./shell/session";
import type { ClusterOptions, CommandResult } from "./types";

export { Cluster } from "./cluster";
export { answerQuery, resolvConfFor, resolveFromPod } from "./dns";
export { type Client, type ConnectResult, connect } from "./network";
export { lastRequest } from "./shell/http-client";
export type * from "./types";

export interface SimCluster {
  cluster: Cluster;
  /** Runs one command line as typed at the learner's prompt. */
  run(line: string): CommandResult;
  /** The prompt to show before the next line: "$ " on the learner's machine, the shell's inside a container. */
  prompt(): string;
}

/** A simulated cluster driven by command lines; `readFile` serves `kubectl apply -f NAME`. */
export function createCluster(options: ClusterOptions = {}, readFile: FileReader = () => null): SimCluster {
  const cluster = new Cluster(options);
  return { cluster, run: (line) => runCommand(cluster, line, readFile), prompt: () => shellPrompt(cluster) };
}
